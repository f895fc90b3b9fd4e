import type { CollectionDecl, IndexDecl } from '../../backend/storage/cloudbase/schema';

/** A security rule as CloudBase stores it: read and write, each a boolean or an expression. */
export interface Rule {
  readonly read: boolean | string;
  readonly write: boolean | string;
}

/** What an environment has, as far as the declaration cares (see database-admin.ts for how it is read). */
export interface CollectionState {
  readonly indexes: readonly IndexDecl[];
  /** The collection's client rule, or null when it has none of its own (a basic permission). */
  readonly rule: Rule | null;
}
export interface DatabaseState {
  /** Existing collections by name; a declared one that is missing is absent. */
  readonly collections: ReadonlyMap<string, CollectionState>;
  readonly storageRule: Rule | null;
}

export type Step =
  | { readonly kind: 'createCollection'; readonly collection: string }
  | { readonly kind: 'createIndex'; readonly collection: string; readonly index: IndexDecl }
  | { readonly kind: 'replaceIndex'; readonly collection: string; readonly index: IndexDecl }
  | { readonly kind: 'setCollectionRule'; readonly collection: string; readonly rule: Rule }
  | { readonly kind: 'setStorageRule'; readonly rule: Rule };

const sameKeys = (a: IndexDecl, b: IndexDecl) => JSON.stringify(a.keys) === JSON.stringify(b.keys);
const sameRule = (a: Rule | null, b: Rule) => a !== null && a.read === b.read && a.write === b.write;

/**
 * The steps that make an environment match the declaration, and only those: nothing for what is
 * already right, so a second run plans nothing. Indexes the environment has beyond the declared
 * ones are left alone (dropping one could slow a deployment still running older functions).
 */
export function planDatabase(schema: readonly CollectionDecl[], clientRule: Rule, storageRule: Rule, state: DatabaseState): Step[] {
  const steps: Step[] = [];
  for (const c of schema) {
    const have = state.collections.get(c.name);
    if (!have) steps.push({ kind: 'createCollection', collection: c.name });
    for (const index of c.indexes) {
      const existing = have?.indexes.find((i) => i.name === index.name);
      if (!existing) steps.push({ kind: 'createIndex', collection: c.name, index });
      else if (!sameKeys(existing, index)) steps.push({ kind: 'replaceIndex', collection: c.name, index });
    }
    if (!sameRule(have?.rule ?? null, clientRule)) steps.push({ kind: 'setCollectionRule', collection: c.name, rule: clientRule });
  }
  if (!sameRule(state.storageRule, storageRule)) steps.push({ kind: 'setStorageRule', rule: storageRule });
  return steps;
}

/** Indexes present in the environment that the declaration does not name: reported, never dropped. */
export function extraIndexes(schema: readonly CollectionDecl[], state: DatabaseState): string[] {
  return schema.flatMap((c) =>
    (state.collections.get(c.name)?.indexes ?? []).filter((i) => !c.indexes.some((d) => d.name === i.name)).map((i) => `${c.name}.${i.name}`),
  );
}

const keysText = (i: IndexDecl) => i.keys.map(([f, d]) => `${f} ${d === 1 ? '↑' : '↓'}`).join(', ');

/** One step in words, for the plan a person reads. */
export function describeStep(s: Step): string {
  switch (s.kind) {
    case 'createCollection':
      return `创建集合 ${s.collection}`;
    case 'createIndex':
      return `创建索引 ${s.collection}.${s.index.name} (${keysText(s.index)})`;
    case 'replaceIndex':
      return `重建索引 ${s.collection}.${s.index.name} (${keysText(s.index)})：字段与声明不同`;
    case 'setCollectionRule':
      return `设置集合 ${s.collection} 的安全规则 ${JSON.stringify(s.rule)}`;
    case 'setStorageRule':
      return `设置云存储安全规则 ${JSON.stringify(s.rule)}`;
  }
}
