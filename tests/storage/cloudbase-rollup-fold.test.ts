import { Db } from '@cloudbase/database';
import { DAY, GROUP_BYS, type Order } from '@core';
import { beforeEach, describe, expect, it } from 'vitest';
import { ensureCollections } from '@backend/storage/cloudbase/collections';
import { cloudBaseStoreOn } from '@backend/storage/cloudbase/cloudbase-store';
import { collectionNames, type Names } from '@backend/storage/cloudbase/names';
import { storedFacts } from '@backend/storage/cloudbase/order-doc';
import { FOLD_ON_READ } from '@backend/storage/cloudbase/rollup-fold';
import { rebuildRollups } from '@backend/storage/cloudbase/rollup-rebuild';
import { databaseSchema } from '@backend/storage/cloudbase/schema';
import type { Store } from '@backend/storage/port';
import { dayStart } from '@backend/storage/rollups';
import { keepHouse } from '@backend/usecases/housekeeping';
import { byKey, expectedSums } from './contract/reference-model';
import { FakeCloudBase } from './fake-cloudbase';
import { generateOrders, nextCommit, placeAndMove, T0 } from './fixtures';

// On CloudBase a transition no longer writes the statistics rollups in its transaction: its own
// order write marks the order (`rollupDue`), and a fold (backend/storage/cloudbase/rollup-fold.ts)
// moves the change into the rollup documents in a transaction of its own, from the sweep's
// housekeeping or before any read of the rollups. These specs show it exact under races, crashes
// and orders written before it existed.
const LIFETIME_MS = 150;
const fake = new FakeCloudBase({ transactionLifetimeMs: LIFETIME_MS });
/** Runs once, before the request it matches is served: something another function does at that moment. */
let before: { when: (api: string, p: Record<string, unknown>) => boolean; run: () => Promise<unknown> } | null = null;
/** While set, every request after the first `n` never returns: the function was killed there. */
let killAfter: { n: number; killed: () => void } | null = null;
Db.reqClass = class {
  async send(api: string, p: Record<string, unknown>) {
    if (killAfter && killAfter.n-- <= 0) {
      killAfter.killed();
      return new Promise(() => undefined);
    }
    if (before?.when(api, p)) {
      const race = before.run;
      before = null;
      await race();
    }
    return fake.send(api, p);
  }
};

let opened = 0;
let store: Store;
let db: Db;
let names: Names;
beforeEach(async () => {
  const prefix = `rp_fold${++opened}_`;
  db = new Db({ env: 'offline-fold' });
  await ensureCollections(
    db,
    databaseSchema(prefix).map((c) => c.name),
  );
  names = collectionNames(prefix);
  store = cloudBaseStoreOn(db, prefix);
});

const period = { from: dayStart(T0) - DAY, to: dayStart(T0) + 3 * DAY };
const asOf = T0 + 44 * 3_600_000;
/** The board's sums as the store answers them, and as a recount of the orders gives them. */
const answered = async () => (await store.metricSumsMany('c1', period, GROUP_BYS, asOf)).map(byKey);
const recounted = (orders: readonly Order[]) => GROUP_BYS.map((by) => byKey(expectedSums(orders, 'c1', period, by, asOf)));

const raw = async (id: string) => ((await db.collection(names.orders).doc(id).get()).data as Record<string, unknown>[])[0]!;
const rollupDocs = async () => (await db.collection(names.metricRollups).where({ communityId: 'c1' }).get()).data as Record<string, unknown>[];
const dueCount = async () => Number((await db.collection(names.orders).where({ rollupDue: true }).count()).total);

/** Orders of c1 placed, then moved to their generated state: each commit changes counted facts. */
/** `n` of c1's generated orders, each placed and then moved to its state. */
const placeAndMoveSome = (n: number, seed = 3): Promise<Order[]> =>
  placeAndMove(
    store,
    generateOrders(n * 2, seed)
      .filter((x) => x.communityId === 'c1' && x.state !== 'pending_dispatch')
      .slice(0, n),
  );

describe('statistics folded into the rollups after the commit (CloudBase)', () => {
  it('writes no rollup in a transition: the order is marked, and the next read folds it and answers exactly', async () => {
    const [o] = await placeAndMoveSome(1);
    expect(await rollupDocs()).toEqual([]);
    expect(await raw(o!.id)).toMatchObject({ rolled: null, rollupDue: true });

    expect(await answered()).toEqual(recounted([o!]));
    expect(await rollupDocs()).toHaveLength(1);
    const folded = await raw(o!.id);
    expect(folded).toMatchObject({ rollupDue: false });
    expect(folded.rolled).toEqual(storedFacts(folded));
    expect(await store.getOrder(o!.id)).toEqual(o);
  });

  it('is folded by the sweep’s housekeeping, which says how many orders it folded', async () => {
    const orders = await placeAndMoveSome(6);
    const due = await dueCount();
    expect(due).toBeGreaterThan(3);
    const report = await keepHouse({ store, now: () => T0, newId: (p) => `${p}-1` });
    expect(report.rollups).toBe(due);
    expect(await dueCount()).toBe(0);
    const docs = await rollupDocs();
    expect(await answered()).toEqual(recounted(orders));
    expect(await rollupDocs()).toEqual(docs); // nothing left for the read to fold
  });

  it('leaves an order unmarked by a transition that changes no counted fact', async () => {
    const [o] = await placeAndMoveSome(1);
    await store.foldRollups!(10_000);
    const next = nextCommit(o!, { updatedAt: o!.updatedAt + 1 });
    expect(await store.commit(next)).toEqual({ ok: true });
    expect(await raw(o!.id)).toMatchObject({ rollupDue: false });
  });

  it('answers exactly with more due orders than a read folds, counting the rest from the orders', async () => {
    const orders = await placeAndMoveSome(FOLD_ON_READ + 10);
    const due = await dueCount();
    expect(due).toBeGreaterThan(FOLD_ON_READ);
    expect(await answered()).toEqual(recounted(orders));
    expect(await dueCount()).toBe(due - FOLD_ON_READ);
    expect(await store.foldRollups!(10_000)).toBe(due - FOLD_ON_READ);
    expect(await answered()).toEqual(recounted(orders));
  });

  it('stays exact when a transition commits on an order while a fold holds it: the fold retries on what the transition wrote', async () => {
    const [o] = await placeAndMoveSome(1);
    const rated = nextCommit(o!, { rating: { attitude: 1, timeliness: 1, quality: 1, comment: '' }, state: 'closed', closedAt: o!.updatedAt });
    // The fold has read the order inside its transaction; the transition commits before the fold writes.
    before = {
      when: (api, p) => api === 'database.modifyDocument' && typeof p.transactionId === 'string' && p.collectionName === names.orders,
      run: async () => expect(await store.commit(rated)).toEqual({ ok: true }),
    };
    expect(await store.foldRollups!(10_000)).toBe(1);
    expect(before).toBeNull();
    expect(await dueCount()).toBe(0);
    expect(await answered()).toEqual(recounted([rated.order]));
  });

  it('stays exact when a fold commits between a transition’s read and its write: the transition writes on the fold’s marks', async () => {
    const [o] = await placeAndMoveSome(1);
    const session = await store.openOrder!(o!.id);
    expect(await store.foldRollups!(10_000)).toBe(1);
    const reassigned = nextCommit(o!, { assignment: { mode: 'member', teamId: 't2', workerId: 'w2' }, state: 'accepted' });
    expect(await session.commit(reassigned)).toEqual({ ok: true });
    expect(await raw(o!.id)).toMatchObject({ rollupDue: true });
    expect(await answered()).toEqual(recounted([reassigned.order]));
  });

  // A fold's requests: the query, start, read the order, write it, the rollup day (an update, then
  // the day's first document written whole), and the commit (the 7th).
  it.each([1, 2, 3, 4, 5, 6])('loses and doubles nothing when the function is killed after %i requests of a fold', async (n) => {
    const orders = await placeAndMoveSome(1);
    const killed = new Promise<void>((r) => {
      killAfter = { n, killed: r };
    });
    void store.foldRollups!(10_000); // never returns: the function is gone
    await killed;
    killAfter = null;
    expect(await rollupDocs()).toEqual([]);
    expect(await dueCount()).toBe(1);
    await new Promise((r) => setTimeout(r, LIFETIME_MS + 20)); // the killed fold's transaction expires, its locks with it
    expect(await answered()).toEqual(recounted(orders));
    expect(await dueCount()).toBe(0);
  });

  it('counts an order written before folding existed (no `rolled`) as folded, and folds only what its next transition changes', async () => {
    const [o] = await placeAndMoveSome(1);
    await store.foldRollups!(10_000);
    // As a commit of the version before wrote it: the rollups moved in its transaction, no marks.
    const { _id, rolled, rollupDue, ...legacy } = await raw(o!.id);
    await db.collection(names.orders).doc(o!.id).set(legacy);
    expect(await answered()).toEqual(recounted([o!]));

    const rated = nextCommit(o!, { rating: { attitude: 5, timeliness: 5, quality: 5, comment: '' }, state: 'closed', closedAt: o!.updatedAt });
    expect(await store.commit(rated)).toEqual({ ok: true });
    expect((await raw(o!.id)).rolled).toEqual(storedFacts(legacy));
    expect(await answered()).toEqual(recounted([rated.order]));
  });

  it('rebuilds the rollups from what each order says they hold, leaving due orders to the fold', async () => {
    const orders = await placeAndMoveSome(8);
    await store.foldRollups!(10_000);
    const changed = nextCommit(orders[0]!, { assignment: { mode: 'member', teamId: 't2', workerId: 'w2' }, state: 'accepted' });
    expect(await store.commit(changed)).toEqual({ ok: true });
    await db.collection(names.metricRollups).where({ communityId: 'c1' }).remove();
    expect(await rebuildRollups(db, names)).toBe(8);
    expect(await dueCount()).toBe(1);
    expect(await answered()).toEqual(recounted([changed.order, ...orders.slice(1)]));
  });
});
