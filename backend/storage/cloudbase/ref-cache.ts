import type { User } from '@core';
import type { ReferenceKind, ReferenceTypes, Store } from '../port';

/**
 * Reference kinds a warm function instance may keep for a few seconds: the community's settings, its
 * places, companies, teams, services and people change rarely, and every call reads some of them
 * (the caller by OPENID and their teams, the service, the community's settings). Workflow records
 * (applications, invitations, the audit log, published assessments) are always read fresh.
 */
const CACHED: ReadonlySet<ReferenceKind> = new Set<ReferenceKind>([
  'communities',
  'compounds',
  'buildings',
  'households',
  'companies',
  'teams',
  'users',
  'serviceItems',
]);

/** Freezes a document throughout, so a caller that mutates a cached one fails loudly instead of changing it for everyone. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface Entry {
  readonly until: number;
  readonly value: Promise<unknown>;
}

/**
 * The store with reference reads kept per instance for `ttlMs`: each read is a round trip of tens of
 * milliseconds on CloudBase, and a transition made half of its requests for them. What this instance
 * writes drops the kind at once; what another instance writes is seen within `ttlMs` (a role removed
 * by the admin stops working within that time on instances that served the person just before).
 * A listing also answers later single reads of the documents it held.
 */
export function cachingReferences(store: Store, ttlMs: number, now: () => number = Date.now): Store {
  const entries = new Map<string, Entry>();
  const remember = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const hit = entries.get(key);
    if (hit && hit.until > now()) return hit.value as Promise<T>;
    const value = load().then(deepFreeze);
    entries.set(key, { until: now() + ttlMs, value });
    // A failed read is not remembered: the next caller tries again.
    value.catch(() => entries.get(key)?.value === value && entries.delete(key));
    return value;
  };
  const forget = (kind: ReferenceKind) => {
    for (const key of entries.keys()) if (key.startsWith(`${kind}\u0000`) || (kind === 'users' && key.startsWith('openid\u0000'))) entries.delete(key);
  };

  return {
    ...store,
    getRef<K extends ReferenceKind>(kind: K, id: string) {
      return CACHED.has(kind) ? remember(`${kind}\u0000get\u0000${id}`, () => store.getRef(kind, id)) : store.getRef(kind, id);
    },
    listRefs<K extends ReferenceKind>(kind: K, communityId?: string) {
      if (!CACHED.has(kind)) return store.listRefs(kind, communityId);
      return remember(`${kind}\u0000list\u0000${communityId ?? ''}`, async () => {
        const list = await store.listRefs(kind, communityId);
        const until = now() + ttlMs;
        for (const doc of list) entries.set(`${kind}\u0000get\u0000${doc.id}`, { until, value: Promise.resolve(deepFreeze(doc)) });
        return list;
      }).then((list) => [...list]);
    },
    findUserByOpenid(openid: string) {
      return remember<User | null>(`openid\u0000${openid}`, () => store.findUserByOpenid(openid));
    },
    usersCaringFor(communityId: string, householdId: string) {
      return remember(`users\u0000caring\u0000${communityId}\u0000${householdId}`, () => store.usersCaringFor(communityId, householdId)).then((list) => [
        ...list,
      ]);
    },
    async putRefs<K extends ReferenceKind>(kind: K, docs: readonly ReferenceTypes[K][]) {
      forget(kind);
      try {
        await store.putRefs(kind, docs);
      } finally {
        forget(kind); // a read that began during the write may have remembered the old documents
      }
    },
    async deleteRef(kind: ReferenceKind, id: string) {
      forget(kind);
      try {
        await store.deleteRef(kind, id);
      } finally {
        forget(kind);
      }
    },
    async insertRef<K extends ReferenceKind>(kind: K, doc: ReferenceTypes[K]) {
      try {
        return await store.insertRef(kind, doc);
      } finally {
        forget(kind);
      }
    },
    async clear() {
      entries.clear();
      await store.clear();
      entries.clear();
    },
  };
}
