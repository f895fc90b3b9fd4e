import { Db } from '@cloudbase/database';
import { describe, expect, it } from 'vitest';
import type { Order } from '@core';
import { ensureCollections } from '@backend/storage/cloudbase/collections';
import { cloudBaseStoreOn } from '@backend/storage/cloudbase/cloudbase-store';
import { databaseSchema } from '@backend/storage/cloudbase/schema';
import type { Commit, Store } from '@backend/storage/port';
import { keepHouse } from '@backend/usecases/housekeeping';
import { createCommit, makeOrder, nextCommit, T0 } from './fixtures';
import { FakeCloudBase } from './fake-cloudbase';

// The CloudBase store keeps each worker's open orders as a counter (the cap is checked inside a
// transaction, which cannot count): the sweep's housekeeping, and `npm run reconcile:loads`, set
// the counters from the orders, seeding them for old data and repairing any that drifted.
const fake = new FakeCloudBase();
/** Runs once right after the next aggregation over the orders: a commit racing the reconciliation. */
let afterRecount: (() => Promise<unknown>) | null = null;
Db.reqClass = class {
  async send(api: string, data: Record<string, unknown>) {
    const res = await fake.send(api, data);
    if (api === 'database.aggregateDocuments' && afterRecount) {
      const race = afterRecount;
      afterRecount = null;
      await race();
    }
    return res;
  }
};

let opened = 0;
async function freshStore(): Promise<{ store: Store; db: Db; loads: ReturnType<Db['collection']> }> {
  const prefix = `rp_loads${++opened}_`;
  const db = new Db({ env: 'offline-loads' });
  await ensureCollections(
    db,
    databaseSchema(prefix).map((c) => c.name),
  );
  return { store: cloudBaseStoreOn(db, prefix), db, loads: db.collection(`${prefix}worker_load`) };
}

const pool = (id: string): Order => makeOrder({ id, state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } });
const grab = (o: Order, workerId: string, max = 10): Commit =>
  nextCommit(o, { state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId } }, { capacity: { workerId, max } });
const countOf = async (loads: ReturnType<Db['collection']>, workerId: string) => {
  const [doc] = (await loads.doc(workerId).get()).data as { count?: number }[];
  return doc?.count ?? 0;
};

/** Two orders held by w1, one by w2; answers the store. */
async function threeHeld(store: Store): Promise<void> {
  const orders = ['l1', 'l2', 'l3'].map(pool);
  for (const o of orders) await store.commit(createCommit(o));
  await store.commit(grab(orders[0]!, 'w1'));
  await store.commit(grab(orders[1]!, 'w1'));
  await store.commit(grab(orders[2]!, 'w2'));
}

describe('reconciling the workers’ open-order counters (CloudBase)', () => {
  it('changes nothing when every counter matches the orders', async () => {
    const { store } = await freshStore();
    await threeHeld(store);
    expect(await store.reconcileWorkerLoads?.()).toEqual([]);
  });

  it('seeds the counters of orders written before counters existed, so the cap holds for them', async () => {
    const { store, db, loads } = await freshStore();
    await threeHeld(store);
    await loads.where({ _id: db.command.exists(true) }).remove();

    expect(await store.reconcileWorkerLoads?.()).toEqual([
      { workerId: 'w1', was: 0, now: 2 },
      { workerId: 'w2', was: 0, now: 1 },
    ]);
    const fourth = pool('l4');
    await store.commit(createCommit(fourth));
    expect(await store.commit(grab(fourth, 'w1', 2))).toEqual({ ok: false, conflict: 'capacity' });
  });

  it('sets a drifted counter back to the orders held, and a worker who holds none back to zero', async () => {
    const { store, loads } = await freshStore();
    await threeHeld(store);
    await loads.doc('w1').set({ count: 7, rev: 3 });
    await loads.doc('w9').set({ count: 2 });

    expect(await store.reconcileWorkerLoads?.()).toEqual([
      { workerId: 'w1', was: 7, now: 2 },
      { workerId: 'w9', was: 2, now: 0 },
    ]);
    expect([await countOf(loads, 'w1'), await countOf(loads, 'w9')]).toEqual([2, 0]);
    expect(await store.reconcileWorkerLoads?.()).toEqual([]);
  });

  it('never undoes a grab that commits between its recount and its correction: that counter waits for the next run', async () => {
    const { store, loads } = await freshStore();
    await threeHeld(store);
    await loads.doc('w3').set({ count: 5, rev: 1 }); // drifted: w3 holds nothing
    const late = pool('l5');
    await store.commit(createCommit(late));
    afterRecount = () => store.commit(grab(late, 'w3')); // counted 0 for w3; now w3 holds one (counter 6)

    expect(await store.reconcileWorkerLoads?.()).toEqual([]);
    expect(await countOf(loads, 'w3')).toBe(6); // not 0: the grab's own count is kept
    expect(await store.reconcileWorkerLoads?.()).toEqual([{ workerId: 'w3', was: 6, now: 1 }]);
  });

  it('runs with the sweep’s housekeeping, which says how many counters it corrected', async () => {
    const { store, loads } = await freshStore();
    await threeHeld(store);
    await loads.doc('w2').set({ count: 0, rev: 9 });
    const report = await keepHouse({ store, now: () => T0, newId: (p) => `${p}-1` });
    expect(report.workerLoads).toBe(1);
    expect(await countOf(loads, 'w2')).toBe(1);
  });
});
