/**
 * Whether a declared index serves a query, by the rule MongoDB (CloudBase's engine) plans with:
 * an index serves a conjunction of conditions when it starts with a field the query narrows, and
 * the query's sort fields follow in index order after fields held equal (equality, sort, range).
 * A query with `$or` is served when each of its branches is. This is the check, not the planner:
 * it says "an index exists for this shape", which is what keeps a query from scanning a collection.
 */
import type { CollectionDecl, Direction, IndexDecl } from '@backend/storage/cloudbase/schema';

type Doc = Record<string, unknown>;
/** One branch of a query: the fields held equal (`$eq`, `$in`) and those bounded otherwise. */
export interface Branch {
  readonly equal: ReadonlySet<string>;
  readonly bounded: ReadonlySet<string>;
}
export interface RecordedQuery {
  readonly collection: string;
  readonly api: string;
  readonly where: Doc;
  readonly sort: readonly (readonly [string, Direction])[];
}

const EQUALITY_OPS = new Set(['$eq', '$in']);

/** The query as a disjunction of branches (its `$and`s multiplied out over its `$or`s). */
export function branchesOf(where: Doc): Branch[] {
  let branches: { equal: Set<string>; bounded: Set<string> }[] = [{ equal: new Set(), bounded: new Set() }];
  const combine = (alternatives: Branch[]) => {
    branches = branches.flatMap((b) => alternatives.map((a) => ({ equal: new Set([...b.equal, ...a.equal]), bounded: new Set([...b.bounded, ...a.bounded]) })));
  };
  for (const [key, value] of Object.entries(where)) {
    if (key === '$and') for (const part of value as Doc[]) combine(branchesOf(part));
    else if (key === '$or') combine((value as Doc[]).flatMap(branchesOf));
    else if (key === '$nor')
      continue; // narrows nothing an index could use
    else {
      const ops = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
      const isOps = ops.length > 0 && ops.every((o) => o.startsWith('$'));
      const equal = !isOps || ops.every((o) => EQUALITY_OPS.has(o));
      combine([{ equal: new Set(equal ? [key] : []), bounded: new Set(equal ? [] : [key]) }]);
    }
  }
  return branches;
}

/** Whether `index` serves one branch sorted by `sort`. */
export function serves(index: IndexDecl, branch: Branch, sort: RecordedQuery['sort']): boolean {
  const first = index.keys[0]?.[0];
  if (first === undefined) return false;
  // Sorting on a field held equal is free; the rest must follow in index order, all one way or all reversed.
  const needed = sort.filter(([f]) => !branch.equal.has(f));
  let at = 0;
  let flip: boolean | null = null;
  for (const [field, dir] of index.keys) {
    if (at === needed.length) break;
    const [want, wantDir] = needed[at]!;
    if (field === want) {
      const reversed = dir !== wantDir;
      if (flip !== null && flip !== reversed) return false;
      flip = reversed;
      at++;
    } else if (!branch.equal.has(field)) return false;
  }
  if (at < needed.length) return false;
  return branch.equal.has(first) || branch.bounded.has(first) || needed[0]?.[0] === first;
}

const ID_INDEX: IndexDecl = { name: '_id_', keys: [['_id', 1]] };

/** The queries that no declared index (or the built-in `_id` one) serves, each with the branch that is not. */
export function uncovered(queries: readonly RecordedQuery[], schema: readonly CollectionDecl[]): string[] {
  const byName = new Map(schema.map((c) => [c.name, [ID_INDEX, ...c.indexes]]));
  const out: string[] = [];
  for (const q of queries) {
    const indexes = byName.get(q.collection);
    if (!indexes) {
      out.push(`${q.collection}: collection not declared`);
      continue;
    }
    for (const b of branchesOf(q.where)) {
      if (indexes.some((i) => serves(i, b, q.sort))) continue;
      out.push(`${q.collection} ${q.api}: where {${[...b.equal].join(', ')}} bounded {${[...b.bounded].join(', ')}} sort ${JSON.stringify(q.sort)}`);
    }
  }
  return [...new Set(out)];
}

/** The declared indexes that no recorded query uses: each costs every write and serves nothing. */
export function unused(queries: readonly RecordedQuery[], schema: readonly CollectionDecl[]): string[] {
  return schema.flatMap((c) =>
    c.indexes
      .filter((i) => !queries.some((q) => q.collection === c.name && branchesOf(q.where).some((b) => serves(i, b, q.sort))))
      .map((i) => `${c.name}.${i.name}`),
  );
}
