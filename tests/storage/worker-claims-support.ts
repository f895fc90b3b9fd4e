import { Db } from '@cloudbase/database';
import { expect } from 'vitest';
import type { Order } from '@core';
import { ensureCollections } from '@backend/storage/cloudbase/collections';
import { cloudBaseStoreOn } from '@backend/storage/cloudbase/cloudbase-store';
import { databaseSchema } from '@backend/storage/cloudbase/schema';
import type { Commit, Store } from '@backend/storage/port';
import { createCommit, makeOrder, nextCommit } from './fixtures';

/** What the specs of workers' claims share: a store of their own over whatever `Db.reqClass` the spec file set. */
export type Claims = ReturnType<Db['collection']>;

/** Opens stores under fresh prefixes `rp_<name><n>_`, each with its `rp_worker_load` collection at hand. */
export function claimStores(name: string): () => Promise<{ store: Store; db: Db; prefix: string; claims: Claims }> {
  let opened = 0;
  return async () => {
    const prefix = `rp_${name}${++opened}_`;
    const db = new Db({ env: `offline-${name}` });
    await ensureCollections(
      db,
      databaseSchema(prefix).map((c) => c.name),
    );
    return { store: cloudBaseStoreOn(db, prefix), db, prefix, claims: db.collection(`${prefix}worker_load`) };
  };
}

export const pool = (id: string): Order => makeOrder({ id, state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } });
export const grab = (o: Order, workerId: string, max = 10): Commit =>
  nextCommit(o, { state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId } }, { capacity: { workerId, max } });

/** The orders a worker's document claims places for (each claim is `<order>@<version it arrived at>`). */
export const claimsOf = async (claims: Claims, workerId: string) =>
  (((await claims.doc(workerId).get()).data as { held?: string[] }[])[0]?.held ?? []).map((e) => e.slice(0, e.lastIndexOf('@'))).sort();

/** Pool orders placed in the store. */
export async function placed(store: Store, ...ids: string[]): Promise<Order[]> {
  const orders = ids.map(pool);
  for (const o of orders) expect(await store.commit(createCommit(o))).toEqual({ ok: true });
  return orders;
}
