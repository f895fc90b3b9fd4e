import { Db } from '@cloudbase/database';
import { describe, expect, it } from 'vitest';
import type { Order } from '@core';
import type { Commit } from '@backend/storage/port';
import { createCommit, makeEvent, makeNotification, makeOrder, makeReply, nextCommit, T0 } from './fixtures';
import { CLAIM_GRACE_MS } from '@backend/storage/cloudbase/worker-arrivals';
import { FakeCloudBase } from './fake-cloudbase';
import { claimStores, claimsOf, grab, placed } from './worker-claims-support';
import { orderIdFor } from '@backend/runtime/idempotency';

// Claims of workers' places (worker-arrivals.ts) under commits that race, go stale, are retried or
// are killed, each case one that an adversarial review of the protocol found or tried: a worker is
// never left over their cap, and a place is never held longer than the grace by a claim that holds
// nothing.
const fake = new FakeCloudBase();
/** While set, a request it answers true for waits until `release` is called. */
let hold: { when: (api: string, data: Record<string, unknown>) => boolean; reached: () => void; gate: Promise<void> } | null = null;
Db.reqClass = class {
  async send(api: string, data: Record<string, unknown>) {
    if (hold?.when(api, data)) {
      const h = hold;
      hold = null;
      h.reached();
      await h.gate;
    }
    return fake.send(api, data);
  }
};
/** Holds the first request `when` matches; answers when it is reached and the function that lets it go on. */
function holdFirst(when: (api: string, data: Record<string, unknown>) => boolean) {
  let release!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const isReached = new Promise<void>((r) => (reached = r));
  hold = { when, reached, gate };
  return { reached: isReached, release };
}

const freshStore = claimStores('races');

describe('claims made by stale commits', () => {
  it('keeps the claim of the order’s present arrival when a stale commit of an older version brings it to the same worker and loses', async () => {
    const { store, claims } = await freshStore();
    const [a, b] = await placed(store, 'r1', 'r2');
    // A request reads the pool order at version 1 ...
    const session = await store.openOrder!('r1');
    // ... meanwhile w1 grabs it (version 2) and a dispatcher hands it to w2 (version 3, w2's claim token 3).
    expect(await store.commit(grab(a!, 'w1'))).toEqual({ ok: true });
    expect(await store.commit(grab((await store.getOrder('r1'))!, 'w2'))).toEqual({ ok: true });
    expect(await claimsOf(claims, 'w2')).toEqual(['r1']);
    // The slow request (w2's grab from version 1) claims w2's place with token 2, meets the record of
    // version 2 (→ w1) and, the winner bringing the order elsewhere, releases token 2.
    expect(await session.commit(grab(a!, 'w2', 1))).toEqual({ ok: false, conflict: 'version' });
    // w2 holds r1 with a cap of 1: another arrival must be refused.
    expect(await store.commit(grab(b!, 'w2', 1))).toEqual({ ok: false, conflict: 'capacity' });
    expect(await store.openOrdersOf(['w2'])).toEqual({ w2: 1 });
    expect(await claimsOf(claims, 'w2')).toEqual(['r1']);
  });

  it('frees the place when the order leaves, after a stale commit of an older version brought it to the same worker and lost', async () => {
    const { store, claims } = await freshStore();
    const [a, b] = await placed(store, 'r3', 'r4');
    const session = await store.openOrder!('r3');
    expect(await store.commit(grab(a!, 'w1'))).toEqual({ ok: true }); // v2, token 2
    const v2 = (await store.getOrder('r3'))!;
    expect(await store.commit(nextCommit(v2, { state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } }))).toEqual({ ok: true }); // v3
    expect(await store.commit(grab((await store.getOrder('r3'))!, 'w1'))).toEqual({ ok: true }); // v4, token 4
    // The stale grab from version 1 re-claims w1's place for r3 with token 2 and loses to the record of version 2.
    expect(await session.commit(grab(a!, 'w1'))).toEqual({ ok: false, conflict: 'version' });
    // r3 leaves w1: its release carries token 4.
    expect(await store.commit(nextCommit((await store.getOrder('r3'))!, { state: 'pending_confirm', assignment: null }))).toEqual({ ok: true });
    expect(await claimsOf(claims, 'w1')).toEqual([]);
    expect(await store.commit(grab(b!, 'w1', 1))).toEqual({ ok: true });
  });

  it('leaves no claim behind when a create that assigned a worker is retried after the order moved on', async () => {
    const { store, claims } = await freshStore();
    // On CloudBase a new order's id comes from its request (orderIdFor): the record's insert refuses a retry.
    const id = orderIdFor('o', 'req-create-r5');
    const o = makeOrder({ id, state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId: 'w1' } });
    const create = createCommit(o, { reply: makeReply('req-create-r5'), capacity: { workerId: 'w1', max: 1 } });
    expect(await store.commit(create)).toEqual({ ok: true });
    expect(await store.commit(nextCommit(o, { state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId: 'w2' } }))).toEqual({ ok: true });
    expect(await claimsOf(claims, 'w1')).toEqual([]);
    // The client's retry of the create (its first answer was lost) is replayed ...
    expect(await store.commit(create)).toEqual({ ok: false, conflict: 'request' });
    // ... and must not take w1's place again.
    expect(await claimsOf(claims, 'w1')).toEqual([]);
    const [b] = await placed(store, 'r6');
    expect(await store.commit(grab(b!, 'w1', 1))).toEqual({ ok: true });
  });
});

describe('a commit with several events, racing the one who finishes it', () => {
  it('answers ok to the commit whose record went in, even when a racer inserted its further events first', async () => {
    const { store } = await freshStore();
    const [o] = await placed(store, 'r7');
    // The sweep's commit: two versions on, one event each, a notification on the first.
    const next = { ...o!, version: 3, updatedAt: T0 + 1 };
    const sweep: Commit = {
      order: next,
      index: nextCommit(o!, {}).index,
      expectedVersion: 1,
      events: [makeEvent(next, 2), makeEvent(next, 3)],
      notifications: [makeNotification('n-sweep', { kind: 'user', userId: 'd1' }, T0, 'r7')],
      reply: null,
    };
    // The sweep's insert of its further events waits (a slow round trip) ...
    const slow = holdFirst(
      (api, data) => api === 'database.insertDocument' && (data.data as string[]).some((t) => (JSON.parse(t) as { _id?: string })._id === 'r7:3'),
    );
    const sweeping = store.commit(sweep);
    await slow.reached;
    // ... while a request of version 1 meets its record and finishes it.
    expect(await store.commit(nextCommit(o!, { updatedAt: T0 + 2 }))).toEqual({ ok: false, conflict: 'version' });
    slow.release();
    expect(await sweeping).toEqual({ ok: true });
    expect((await store.listEvents('r7')).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await store.getOrder('r7')).toEqual(next);
  });
});

describe('racers, the reconcile, and orders stored before tokens', () => {
  it('three racers of one version, two to w1 and one to w2: the claims follow the winner', async () => {
    for (let round = 0; round < 15; round++) {
      const { store, claims } = await freshStore();
      const [o] = await placed(store, `t${round}`);
      const racers = [grab(o!, 'w1', 1), grab(o!, 'w1', 1), grab(o!, 'w2', 1)].map((c, i) => ({ ...c, reply: makeReply(`k${round}-${i}`) }));
      const results = await Promise.all(racers.map((c) => store.commit(c)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const winner = ((await store.getOrder(o!.id))!.assignment as { workerId: string }).workerId;
      expect(await claimsOf(claims, winner)).toEqual([o!.id]);
      expect(await claimsOf(claims, winner === 'w1' ? 'w2' : 'w1')).toEqual([]);
    }
  });

  it('does not give back a place the reconcile read as held while the order was leaving', async () => {
    const { store, claims } = await freshStore();
    const [a, b] = await placed(store, 'r8', 'r9');
    expect(await store.commit(grab(a!, 'w1'))).toEqual({ ok: true });
    // The housekeeping's reconcile has read the held orders (r8 at w1) and is about to read the claims ...
    const paused = holdFirst(
      (api, data) => api === 'database.getDocument' && String(data.collectionName).endsWith('worker_load') && data.queryType === 'WHERE',
    );
    const reconciling = store.finishCommits!(Date.now());
    await paused.reached;
    // ... when r8 leaves w1 and its claim is dropped.
    expect(await store.commit(nextCommit((await store.getOrder('r8'))!, { state: 'pending_confirm', assignment: null }))).toEqual({ ok: true });
    paused.release();
    await reconciling;
    expect(await claimsOf(claims, 'w1')).toEqual([]);
    expect(await store.commit(grab(b!, 'w1', 1))).toEqual({ ok: true });
  });

  it('keeps a re-arrival’s claim when an order stored before tokens leaves its worker and comes straight back', async () => {
    const { store, claims, db, prefix } = await freshStore();
    const [a, b] = await placed(store, 'r10', 'r11');
    expect(await store.commit(grab(a!, 'w1'))).toEqual({ ok: true });
    // As an order held since before claims had tokens: no holderClaim, its claim made with token 0.
    await db.collection(`${prefix}orders`).doc('r10').update({ holderClaim: db.command.remove() });
    await claims.doc('w1').update({ held: ['r10@0'], since: db.command.set({ 'r10@0': Date.now() }) });
    const v2 = (await store.getOrder('r10'))!;
    // r10 goes to w2; its release of w1 (token: any) is slow ...
    const slow = holdFirst(
      (api, data) => api === 'database.modifyDocument' && String(data.collectionName).endsWith('worker_load') && String(data.data).includes('$pull'),
    );
    const away = store.commit(grab(v2, 'w2'));
    await slow.reached;
    // ... and meanwhile a dispatcher brings it back to w1 (token 4).
    expect(await store.commit(grab((await store.getOrder('r10'))!, 'w1'))).toEqual({ ok: true });
    slow.release();
    expect(await away).toEqual({ ok: true });
    expect(await claimsOf(claims, 'w1')).toEqual(['r10']);
    expect(await store.commit(grab(b!, 'w1', 1))).toEqual({ ok: false, conflict: 'capacity' });
  });
});

describe('killed commits', () => {
  const sweepOf = (o: Order, at: number): Commit => {
    const next = { ...o, version: o.version + 3, updatedAt: at };
    return {
      order: next,
      index: nextCommit(o, {}).index,
      expectedVersion: o.version,
      events: [makeEvent(next, o.version + 1), makeEvent(next, o.version + 2), makeEvent(next, o.version + 3)],
      notifications: [makeNotification(`n-${o.id}`, { kind: 'user', userId: 'd1' }, at, o.id)],
      reply: null,
    };
  };
  const restInsert = (id: string) => (api: string, data: Record<string, unknown>) =>
    api === 'database.insertDocument' && (data.data as string[]).some((t) => (JSON.parse(t) as { _id?: string })._id === id);

  it.each(['next commit', 'housekeeping'])('a sweep commit killed between its record and its further events is finished by the %s', async (by) => {
    const { store } = await freshStore();
    const [o] = await placed(store, `s-${by.length}`);
    const sweep = sweepOf(o!, T0 + 5);
    const killed = holdFirst(restInsert(`${o!.id}:3`));
    void store.commit(sweep);
    await killed.reached; // never released: the function is gone
    if (by === 'next commit') expect(await store.commit(nextCommit(o!, { updatedAt: T0 + 9 }))).toEqual({ ok: false, conflict: 'version' });
    else expect(await store.finishCommits!(Date.now())).toBe(1);
    expect(await store.getOrder(o!.id)).toEqual(sweep.order);
    expect((await store.listEvents(o!.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(await store.listNotifications([{ kind: 'user', userId: 'd1' }], 10)).toHaveLength(1);
    expect(await store.commit(nextCommit(sweep.order, { updatedAt: T0 + 10 }))).toEqual({ ok: true });
  });

  it('a create that assigns a worker, killed after its record, keeps its place past the grace and is finished', async () => {
    const { store, claims } = await freshStore();
    const id = orderIdFor('o', 'req-kc');
    const o = makeOrder({ id, state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId: 'w1' } });
    const create = createCommit(o, { reply: makeReply('req-kc'), capacity: { workerId: 'w1', max: 1 } });
    const killed = holdFirst((api, data) => api === 'database.insertDocument' && String(data.collectionName).endsWith('orders'));
    void store.commit(create);
    await killed.reached;
    await claims.doc('w1').update({ [`since.${id}@1`]: Date.now() - 200_000 });
    const [b] = await placed(store, 'kc2');
    expect(await store.commit(grab(b!, 'w1', 1))).toEqual({ ok: false, conflict: 'capacity' });
    expect(await store.finishCommits!(Date.now())).toBeGreaterThanOrEqual(1);
    expect(await store.getOrder(id)).toEqual(o);
    expect(await claimsOf(claims, 'w1')).toEqual([id]);
    expect(await store.commit(create)).toEqual({ ok: false, conflict: 'request' });
  });
});

describe('claims met full by a retry or by a racer', () => {
  const recordInsert = (id: string) => (api: string, data: Record<string, unknown>) =>
    api === 'database.insertDocument' && (data.data as string[]).some((t) => (JSON.parse(t) as { _id?: string })._id === id);

  it('keeps the cap when a retry finds its own old claim in a full document: the claim is made young again', async () => {
    const { store, claims } = await freshStore();
    const [a, b] = await placed(store, 'x1', 'x2');
    // w1 (cap 1): a grab of x1 claimed w1's place and was killed before its record; the client retries after the grace.
    await claims.doc('w1').set({ held: ['x1@2'], since: { 'x1@2': Date.now() - CLAIM_GRACE_MS - 1 }, gen: 1 });
    const retry = { ...grab(a!, 'w1', 1), reply: makeReply('req-x1') };
    // The retry finds x1@2 in the full document and goes on; its record's insert is slow ...
    const slow = holdFirst(recordInsert('x1:2'));
    const retrying = store.commit(retry);
    await slow.reached;
    // ... while another grab for w1 meets the full document.
    const other = await store.commit(grab(b!, 'w1', 1));
    slow.release();
    const first = await retrying;
    expect([first, other].filter((r) => r.ok)).toHaveLength(1);
    expect(await store.openOrdersOf(['w1'])).toEqual({ w1: 1 });
  });

  it('looks again, rather than refuse, when a racer dropped the same stale claims first', async () => {
    const { store, claims } = await freshStore();
    const [a, b] = await placed(store, 'y1', 'y2');
    // w1 (cap 2) holds nothing: two claims of killed commits, long past the grace, fill the document.
    const old = Date.now() - CLAIM_GRACE_MS - 1;
    await claims.doc('w1').set({ held: ['ghost1@2', 'ghost2@2'], since: { 'ghost1@2': old, 'ghost2@2': old }, gen: 1 });
    // A's rewrite (dropping both) is slow ...
    const slow = holdFirst(
      (api, data) => api === 'database.modifyDocument' && String(data.collectionName).endsWith('worker_load') && !String(data.query).includes('$exists'),
    );
    const first = store.commit(grab(a!, 'w1', 2));
    await slow.reached;
    // ... B's rewrite drops them first, and B takes one of the two places.
    expect(await store.commit(grab(b!, 'w1', 2))).toEqual({ ok: true });
    slow.release();
    // A finds its rewrite refused (the document moved on), looks again, and takes the other place.
    expect(await first).toEqual({ ok: true });
    expect(await store.openOrdersOf(['w1'])).toEqual({ w1: 2 });
  });
});
