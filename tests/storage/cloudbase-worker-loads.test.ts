import { Db } from '@cloudbase/database';
import { describe, expect, it } from 'vitest';
import type { Order } from '@core';
import { ensureCollections } from '@backend/storage/cloudbase/collections';
import { cloudBaseStoreOn } from '@backend/storage/cloudbase/cloudbase-store';
import { databaseSchema } from '@backend/storage/cloudbase/schema';
import type { Commit, Store } from '@backend/storage/port';
import { createCommit, makeOrder, nextCommit } from './fixtures';
import { FakeCloudBase } from './fake-cloudbase';

// On CloudBase a worker's cap is checked on a count of the orders they hold (the `holder` index),
// taken after the commit's transaction has read the order; the commit writes a mark on the arriving
// worker's document (`rp_worker_load`) so that a racing arrival at the same worker conflicts and
// counts again. No counter is kept: an order leaving a worker writes nothing, and nothing needs
// seeding or reconciling.
const fake = new FakeCloudBase();
/** Runs once right after the next count of the orders: another function's commit at that moment. */
let afterCount: (() => Promise<unknown>) | null = null;
Db.reqClass = class {
  async send(api: string, data: Record<string, unknown>) {
    const res = await fake.send(api, data);
    if (api === 'database.aggregateDocuments' && afterCount) {
      const race = afterCount;
      afterCount = null;
      await race();
    }
    return res;
  }
};

let opened = 0;
async function freshStore(): Promise<{ store: Store; db: Db; marks: ReturnType<Db['collection']> }> {
  const prefix = `rp_loads${++opened}_`;
  const db = new Db({ env: 'offline-loads' });
  await ensureCollections(
    db,
    databaseSchema(prefix).map((c) => c.name),
  );
  return { store: cloudBaseStoreOn(db, prefix), db, marks: db.collection(`${prefix}worker_load`) };
}

const pool = (id: string): Order => makeOrder({ id, state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } });
const grab = (o: Order, workerId: string, max = 10): Commit =>
  nextCommit(o, { state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId } }, { capacity: { workerId, max } });
const markOf = async (marks: ReturnType<Db['collection']>, workerId: string) => ((await marks.doc(workerId).get()).data as unknown[])[0] ?? null;

/** Two orders held by w1, one by w2. */
async function threeHeld(store: Store): Promise<Order[]> {
  const orders = ['l1', 'l2', 'l3'].map(pool);
  for (const o of orders) await store.commit(createCommit(o));
  const held = [grab(orders[0]!, 'w1'), grab(orders[1]!, 'w1'), grab(orders[2]!, 'w2')];
  for (const c of held) expect(await store.commit(c)).toEqual({ ok: true });
  return held.map((c) => c.order);
}

describe('a worker’s cap on CloudBase, counted from the orders', () => {
  it('holds for orders that reached the worker before any arrival was marked: nothing to seed', async () => {
    const { store, db, marks } = await freshStore();
    await threeHeld(store);
    await marks.where({ _id: db.command.exists(true) }).remove();
    const fourth = pool('l4');
    await store.commit(createCommit(fourth));
    expect(await store.commit(grab(fourth, 'w1', 2))).toEqual({ ok: false, conflict: 'capacity' });
    expect(await store.commit(grab(fourth, 'w1', 3))).toEqual({ ok: true });
  });

  it('writes nothing for the worker an order leaves, whose next grab finds the place free', async () => {
    const { store, marks } = await freshStore();
    const [held] = await threeHeld(store);
    const before = await markOf(marks, 'w1');
    expect(await store.commit(nextCommit(held!, { state: 'pending_confirm', assignment: null }))).toEqual({ ok: true });
    expect(await markOf(marks, 'w1')).toEqual(before);
    const next = pool('l5');
    await store.commit(createCommit(next));
    expect(await store.commit(grab(next, 'w1', 2))).toEqual({ ok: true });
  });

  it('counts again, and refuses, when another grab by the same worker commits between its count and its write', async () => {
    const { store } = await freshStore();
    const [a, b] = [pool('l6'), pool('l7')];
    await store.commit(createCommit(a));
    await store.commit(createCommit(b));
    // b's commit counted w1's orders (none); a's grab commits right then, marking w1 after b's read.
    afterCount = async () => expect(await store.commit(grab(a, 'w1', 1))).toEqual({ ok: true });
    expect(await store.commit(grab(b, 'w1', 1))).toEqual({ ok: false, conflict: 'capacity' });
    expect(afterCount).toBeNull();
    expect(await store.openOrdersOf(['w1'])).toEqual({ w1: 1 });
  });

  it('marks each arrival differently, so that no write of it can be taken for a no-op', async () => {
    const { store, marks } = await freshStore();
    const [a, b] = [pool('l8'), pool('l9')];
    await store.commit(createCommit(a));
    await store.commit(createCommit(b));
    await store.commit(grab(a, 'w3'));
    const first = await markOf(marks, 'w3');
    await store.commit(grab(b, 'w3'));
    expect(await markOf(marks, 'w3')).not.toEqual(first);
  });
});
