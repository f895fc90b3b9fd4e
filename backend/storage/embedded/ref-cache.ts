import type { ReferenceKind } from '../port';
import { deepFreeze } from './deep-freeze';

/** One stored reference document with the community it was filed under. */
export interface RefRow {
  readonly id: string;
  readonly communityId: string | null;
  readonly doc: unknown;
}

interface KindCache {
  readonly byId: Map<string, RefRow>;
  /** Sorted listings, by community ('' for all), built on first use. */
  readonly lists: Map<string, unknown[]>;
  /** A community's documents by each value of one field, built on first use (see `indexed`). */
  readonly indexes: Map<string, ReadonlyMap<string, readonly unknown[]>>;
}

/**
 * Parsed reference documents, per kind. Every call reads some (the caller's user and teams, the
 * service, the community's settings) and they change rarely, so parsing them again on each call
 * was an eighth of a transition's time. A kind is loaded whole on first use; this connection's own
 * writes update it, and a move of `writesElsewhere` (from SQLite's data_version, which moves when
 * another connection commits) drops everything.
 */
export function refCache(load: (kind: ReferenceKind) => RefRow[], writesElsewhere: () => unknown) {
  const kinds = new Map<ReferenceKind, KindCache>();
  let seen = writesElsewhere();
  const of = (kind: ReferenceKind): KindCache => {
    const now = writesElsewhere();
    if (now !== seen) {
      kinds.clear();
      seen = now;
    }
    let c = kinds.get(kind);
    if (!c) {
      c = { byId: new Map(load(kind).map((r) => [r.id, deepFreeze(r)])), lists: new Map(), indexes: new Map() };
      kinds.set(kind, c);
    }
    return c;
  };
  return {
    get(kind: ReferenceKind, id: string): unknown {
      return of(kind).byId.get(id)?.doc ?? null;
    },
    /** All of a kind, or those filed under one community; sorted by id. */
    list(kind: ReferenceKind, communityId: string | undefined): unknown[] {
      const c = of(kind);
      const key = communityId ?? '';
      let list = c.lists.get(key);
      if (!list) {
        const rows = [...c.byId.values()].filter((r) => communityId === undefined || r.communityId === communityId);
        list = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => r.doc);
        c.lists.set(key, list);
      }
      return [...list];
    },
    /**
     * One community's documents of a kind filed under each value `valuesOf` gives them (say, the
     * households a user is paired with), so that finding a few costs a lookup, not a walk through
     * everyone; `field` names the index, which lasts until the kind changes.
     */
    indexed(kind: ReferenceKind, communityId: string, field: string, valuesOf: (doc: unknown) => readonly string[]): ReadonlyMap<string, readonly unknown[]> {
      const c = of(kind);
      const key = `${field}\u0000${communityId}`;
      let index = c.indexes.get(key);
      if (!index) {
        const built = new Map<string, unknown[]>();
        for (const r of c.byId.values()) {
          if (r.communityId !== communityId) continue;
          for (const v of valuesOf(r.doc)) {
            const docs = built.get(v);
            if (docs) docs.push(r.doc);
            else built.set(v, [r.doc]);
          }
        }
        index = built;
        c.indexes.set(key, index);
      }
      return index;
    },
    /** Records documents this connection has just written (after its transaction committed). */
    wrote(kind: ReferenceKind, rows: readonly RefRow[]): void {
      const c = kinds.get(kind);
      if (!c) return;
      for (const r of rows) c.byId.set(r.id, deepFreeze(r));
      c.lists.clear();
      c.indexes.clear();
    },
    /** Forgets a document this connection has just deleted. */
    removed(kind: ReferenceKind, id: string): void {
      const c = kinds.get(kind);
      if (!c) return;
      c.byId.delete(id);
      c.lists.clear();
      c.indexes.clear();
    },
    clear(): void {
      kinds.clear();
    },
  };
}
