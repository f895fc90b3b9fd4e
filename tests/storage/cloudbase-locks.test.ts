import { Db } from '@cloudbase/database';
import { describe, expect, it } from 'vitest';
import type { Order } from '@core';
import { ensureCollections } from '@backend/storage/cloudbase/collections';
import { cloudBaseStoreOn } from '@backend/storage/cloudbase/cloudbase-store';
import { databaseSchema } from '@backend/storage/cloudbase/schema';
import type { Commit, Store } from '@backend/storage/port';
import { createCommit, makeNotification, makeOrder, makeReply, nextCommit, T0 } from './fixtures';
import { FakeCloudBase } from './fake-cloudbase';
import { CLAIM_GRACE_MS } from '@backend/storage/cloudbase/worker-arrivals';

// Transactions hold locks and expire, as on the service (the statistics' fold and the trim of kept
// replies use them). An order's commit uses none (commit.ts): what a function killed in the middle
// of one leaves behind must neither corrupt the order nor keep it from moving on.
const LIFETIME_MS = 150;
const fake = new FakeCloudBase({ transactionLifetimeMs: LIFETIME_MS });
/** While set, every request after the first `n` of a function never returns: the function was killed there. */
let killAfter: { n: number; killed: () => void } | null = null;
/** While set, the request after the first `n` is carried out but its answer is lost on the way back. */
let loseAnswerAfter: { n: number } | null = null;
Db.reqClass = class {
  async send(api: string, data: Record<string, unknown>) {
    if (killAfter && killAfter.n-- <= 0) {
      killAfter.killed();
      return new Promise(() => undefined);
    }
    if (loseAnswerAfter && loseAnswerAfter.n-- <= 0) {
      loseAnswerAfter = null;
      await fake.send(api, data);
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    return fake.send(api, data);
  }
};

let opened = 0;
async function freshStore(): Promise<{ store: Store; db: Db; prefix: string }> {
  const prefix = `rp_lock${++opened}_`;
  const db = new Db({ env: 'offline-locks' });
  await ensureCollections(
    db,
    databaseSchema(prefix).map((c) => c.name),
  );
  return { store: cloudBaseStoreOn(db, prefix), db, prefix };
}

interface RawTx {
  collection(name: string): { doc(id: string): { set(d: object): Promise<unknown>; get(): Promise<{ data?: unknown }> } };
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}
const startTx = (db: Db) => (db as unknown as { startTransaction(): Promise<RawTx> }).startTransaction();
const settled = async (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('the fake CloudBase: locks held by open transactions', () => {
  it('makes a write outside any transaction wait until the transaction holding the document commits', async () => {
    const { db, prefix } = await freshStore();
    const coll = db.collection(`${prefix}worker_load`);
    const tx = await startTx(db);
    await tx.collection(`${prefix}worker_load`).doc('w1').set({ count: 1 });
    const outside = coll.doc('w1').set({ count: 7 });
    expect(await settled(outside, 40)).toBe(false);
    await tx.commit();
    await outside;
    expect((await coll.doc('w1').get()).data).toEqual([{ _id: 'w1', count: 7 }]);
  });

  it('lets the waiting write through when the holder rolls back, the holder’s write gone', async () => {
    const { db, prefix } = await freshStore();
    const coll = db.collection(`${prefix}worker_load`);
    await coll.doc('w1').set({ count: 1 });
    const tx = await startTx(db);
    await tx.collection(`${prefix}worker_load`).doc('w1').set({ count: 2 });
    const outside = coll.doc('w2').set({ count: 5 }); // another document: not blocked
    expect(await settled(outside, 40)).toBe(true);
    const blocked = coll.doc('w1').set({ count: 3 });
    expect(await settled(blocked, 40)).toBe(false);
    await tx.rollback();
    await blocked;
    expect((await coll.doc('w1').get()).data).toEqual([{ _id: 'w1', count: 3 }]);
  });

  it('fails another transaction’s write to a locked document as a conflict after a short wait', async () => {
    const { db, prefix } = await freshStore();
    const holder = await startTx(db);
    await holder.collection(`${prefix}worker_load`).doc('w1').set({ count: 1 });
    const other = await startTx(db);
    await expect(other.collection(`${prefix}worker_load`).doc('w1').set({ count: 2 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await holder.commit();
  });

  it('drops a transaction left open past its lifetime: its writes vanish, its locks free, its commit fails as expired', async () => {
    const { db, prefix } = await freshStore();
    const coll = db.collection(`${prefix}worker_load`);
    const abandoned = await startTx(db);
    await abandoned.collection(`${prefix}worker_load`).doc('w1').set({ count: 9 });
    const started = Date.now();
    await coll.doc('w1').set({ count: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIFETIME_MS - 20);
    await expect(abandoned.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect((await coll.doc('w1').get()).data).toEqual([{ _id: 'w1', count: 1 }]);
  });
});

describe('the fake CloudBase: a conditional write behind a lock', () => {
  it('matches its condition again once the transaction holding the document has committed, as MongoDB does', async () => {
    const { db, prefix } = await freshStore();
    const orders = db.collection(`${prefix}orders`);
    await orders.add({ _id: 'x1', version: 1, rev: 1 });
    const fold = await startTx(db);
    await fold.collection(`${prefix}orders`).doc('x1').set({ version: 1, rev: 2, rolled: 'by the fold' });
    // A commit's compare-and-set on rev 1, sent while the fold's transaction holds the order.
    const cas = orders.where({ _id: 'x1', version: 1, rev: 1 }).update({ rev: 2, rolled: 'stale' }) as Promise<{ updated?: number }>;
    expect(await settled(cas, 30)).toBe(false);
    await fold.commit();
    expect((await cas).updated).toBe(0);
    expect((await orders.doc('x1').get()).data).toEqual([{ _id: 'x1', version: 1, rev: 2, rolled: 'by the fold' }]);
  });
});

describe('a function killed in the middle of a commit', () => {
  const pool = (id: string): Order => makeOrder({ id, state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } });
  const grab = (o: Order, workerId: string, key: string): Commit =>
    nextCommit(
      o,
      { state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId } },
      { capacity: { workerId, max: 5 }, reply: makeReply(key), notifications: [makeNotification(`n-${key}`, { kind: 'user', userId: workerId }, T0, o.id)] },
    );

  /** A store with one pool order, and the function that grabs it for w1 killed after `n` of its requests. */
  async function killedGrab(n: number) {
    const { store, o, mine } = await killedGrabIn(n);
    return { store, o, mine };
  }
  async function killedGrabIn(n: number) {
    const { store, db, prefix } = await freshStore();
    const o = pool(`kill-${n}`);
    await store.commit(createCommit(o));
    // Both workers have claimed before, so a grab's requests are always the same four.
    for (const w of ['w1', 'w2']) await db.collection(`${prefix}worker_load`).doc(w).set({ held: [], since: {}, gen: 1 });
    const killed = new Promise<void>((r) => {
      killAfter = { n, killed: r };
    });
    const mine = grab(o, 'w1', `req-killed-${n}`);
    void store.commit(mine); // never returns: the function is gone
    await killed;
    killAfter = null;
    return { store, db, prefix, o, mine };
  }
  const period = { from: T0 - 86_400_000, to: T0 + 86_400_000 };
  async function statisticsOf(...commits: Commit[]) {
    const clean = (await freshStore()).store;
    for (const c of commits) await clean.commit(c);
    return clean.metricSumsMany('c1', period, ['all', 'team'], T0);
  }

  // A grab's requests: read the order, claim w1's place, insert the record (the event, its
  // notification and the order as the commit leaves it), write the order.
  it.each([1, 2])('writes no order, event or reply when killed before its record (after %i requests), and the next grab goes through', async (n) => {
    const { store, o } = await killedGrab(n);
    expect(await store.getOrder(o.id)).toEqual(o);
    expect(await store.getReply(`req-killed-${n}`)).toBeNull();
    const other = grab(o, 'w2', `req-other-${n}`);
    expect(await store.commit(other)).toEqual({ ok: true });
    expect(await store.getOrder(o.id)).toEqual(other.order);
    expect((await store.listEvents(o.id)).map((e) => e.seq)).toEqual([1, 2]);
    // A claim w1's function may have made holds no order: the count of w1's orders does not see it.
    expect(await store.openOrdersOf(['w1', 'w2'])).toEqual({ w1: 0, w2: 1 });
    expect(await store.listNotifications([{ kind: 'user', userId: 'w1' }], 10)).toEqual([]);
    expect(await store.metricSumsMany('c1', period, ['all', 'team'], T0)).toEqual(await statisticsOf(createCommit(o), other));
  });

  it('is committed once its record is in: the next grab of that version writes the order from it and hears "version"', async () => {
    const { store, o, mine } = await killedGrab(3);
    // Not written yet: readers see the order as it was, its timeline already the new event.
    expect(await store.getOrder(o.id)).toEqual(o);
    expect((await store.listEvents(o.id)).map((e) => e.seq)).toEqual([1, 2]);
    expect(await store.commit(grab(o, 'w2', 'req-other'))).toEqual({ ok: false, conflict: 'version' });
    expect(await store.getOrder(o.id)).toEqual(mine.order);
    expect((await store.getReply('req-killed-3', o.id))?.key).toBe('req-killed-3');
    expect(await store.openOrdersOf(['w1', 'w2'])).toEqual({ w1: 1, w2: 0 });
    expect(await store.listNotifications([{ kind: 'user', userId: 'w1' }], 10)).toHaveLength(1);
    expect(await store.metricSumsMany('c1', period, ['all', 'team'], T0)).toEqual(await statisticsOf(createCommit(o), mine));
  });

  it('is finished by the housekeeping when nothing else meets it', async () => {
    const { store, o, mine } = await killedGrab(3);
    expect(await store.finishCommits!(Date.now())).toBe(1);
    expect(await store.getOrder(o.id)).toEqual(mine.order);
    expect(await store.finishCommits!(Date.now())).toBe(0);
  });

  it.each([2, 3])('replays to a retry a grab whose answer was lost after %i requests, as written once', async (n) => {
    const { store, db, prefix } = await freshStore();
    const o = pool(`lost-${n}`);
    await store.commit(createCommit(o));
    for (const w of ['w1', 'w2']) await db.collection(`${prefix}worker_load`).doc(w).set({ held: [], since: {}, gen: 1 });
    const mine = grab(o, 'w1', `req-lost-${n}`);
    loseAnswerAfter = { n };
    // The record (n = 2) or the order's write (n = 3) was carried out; the function only heard of a failure.
    await expect(store.commit(mine)).rejects.toThrow();
    expect(await store.commit(mine)).toEqual({ ok: false, conflict: 'request' });
    expect(await store.getOrder(o.id)).toEqual(mine.order);
    expect((await store.listEvents(o.id)).map((e) => e.seq)).toEqual([1, 2]);
    expect(await store.openOrdersOf(['w1'])).toEqual({ w1: 1 });
  });

  it('keeps its claim past the grace while its record waits, so the worker’s place is not given away', async () => {
    const { store, db, prefix, o, mine } = await killedGrabIn(3);
    const claims = db.collection(`${prefix}worker_load`);
    // The housekeeping has not run for longer than the grace: the claim looks old.
    await claims.doc('w1').update({ [`since.${o.id}@2`]: Date.now() - CLAIM_GRACE_MS - 1 });
    const other = pool('kill-other');
    await store.commit(createCommit(other));
    const second = nextCommit(
      other,
      { state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId: 'w1' } },
      { capacity: { workerId: 'w1', max: 1 } },
    );
    expect(await store.commit(second)).toEqual({ ok: false, conflict: 'capacity' });
    // The killed request's retry replays it, however its claim was kept.
    expect(await store.commit(mine)).toEqual({ ok: false, conflict: 'request' });
    expect(await store.openOrdersOf(['w1'])).toEqual({ w1: 1 });
  });

  it('is finished by a retry of the same request, which replays it', async () => {
    const { store, o, mine } = await killedGrab(3);
    expect(await store.commit(mine)).toEqual({ ok: false, conflict: 'request' });
    expect(await store.getOrder(o.id)).toEqual(mine.order);
  });
});
