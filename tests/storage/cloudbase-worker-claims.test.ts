import { Db } from '@cloudbase/database';
import { describe, expect, it } from 'vitest';
import { CLAIM_GRACE_MS } from '@backend/storage/cloudbase/worker-arrivals';
import { makeReply, nextCommit } from './fixtures';
import { FakeCloudBase } from './fake-cloudbase';
import { claimStores, claimsOf, grab, placed } from './worker-claims-support';

// On CloudBase an order arriving at a worker first claims the worker's place in their document of
// `rp_worker_load` (one conditional update, only while fewer than the cap are claimed), and an order
// leaving drops its claim after its write. Claims that hold no order (a function killed between the
// claim and the order's write) are dropped once older than the grace; orders held without a claim
// (from before claims existed) are added on the worker's first arrival and by the reconcile.
const fake = new FakeCloudBase();
Db.reqClass = fake.requester();

const freshStore = claimStores('claims');

describe('a worker’s cap on CloudBase, held by claims of their places', () => {
  it('claims a place on arrival and drops it when the order leaves, freeing it for the next grab', async () => {
    const { store, claims } = await freshStore();
    const [a, b] = await placed(store, 'c1', 'c2');
    expect(await store.commit(grab(a!, 'w1', 1))).toEqual({ ok: true });
    expect(await claimsOf(claims, 'w1')).toEqual(['c1']);
    expect(await store.commit(grab(b!, 'w1', 1))).toEqual({ ok: false, conflict: 'capacity' });
    const held = (await store.getOrder('c1'))!;
    expect(await store.commit(nextCommit(held, { state: 'pending_confirm', assignment: null }))).toEqual({ ok: true });
    expect(await claimsOf(claims, 'w1')).toEqual([]);
    expect(await store.commit(grab(b!, 'w1', 1))).toEqual({ ok: true });
    expect(await claimsOf(claims, 'w1')).toEqual(['c2']);
  });

  it('counts the orders a worker held before claims existed, on their first arrival', async () => {
    const { store, claims } = await freshStore();
    const [a, b, c] = await placed(store, 'c3', 'c4', 'c5');
    await store.commit(grab(a!, 'w1'));
    await store.commit(grab(b!, 'w1'));
    await claims.doc('w1').remove();
    expect(await store.commit(grab(c!, 'w1', 2))).toEqual({ ok: false, conflict: 'capacity' });
    expect(await store.commit(grab(c!, 'w1', 3))).toEqual({ ok: true });
    expect(await claimsOf(claims, 'w1')).toEqual(['c3', 'c4', 'c5']);
  });

  it('starts over a worker’s document a version before left (an arrival mark), from the orders they hold', async () => {
    const { store, claims } = await freshStore();
    const [a, b, c] = await placed(store, 'c13', 'c14', 'c15');
    await store.commit(grab(a!, 'w1'));
    await store.commit(grab(b!, 'w1'));
    await claims.doc('w1').set({ orderId: 'c14', mark: 'from-a-version-before' });
    expect(await store.commit(grab(c!, 'w1', 2))).toEqual({ ok: false, conflict: 'capacity' });
    expect(await store.commit(grab(c!, 'w1', 3))).toEqual({ ok: true });
    expect(await claimsOf(claims, 'w1')).toEqual(['c13', 'c14', 'c15']);
  });

  it('drops a claim that holds no order once it is older than the grace, and not before', async () => {
    const { store, claims } = await freshStore();
    const [a] = await placed(store, 'c6');
    // A killed commit's claim, made just now: it may still be under way, so it keeps the place.
    await claims.doc('w1').set({ held: ['ghost@2'], since: { 'ghost@2': Date.now() }, gen: 1 });
    expect(await store.commit(grab(a!, 'w1', 1))).toEqual({ ok: false, conflict: 'capacity' });
    // The same claim past the grace holds nothing: dropped, and the place is free.
    await claims.doc('w1').set({ held: ['ghost@2'], since: { 'ghost@2': Date.now() - CLAIM_GRACE_MS - 1 }, gen: 1 });
    expect(await store.commit(grab(a!, 'w1', 1))).toEqual({ ok: true });
    expect(await claimsOf(claims, 'w1')).toEqual(['c6']);
  });

  it('reconciles every worker’s claims with the orders they hold in the housekeeping', async () => {
    const { store, claims } = await freshStore();
    const [a, b] = await placed(store, 'c7', 'c8');
    await store.commit(grab(a!, 'w1'));
    await store.commit(grab(b!, 'w2'));
    const old = Date.now() - CLAIM_GRACE_MS - 1;
    await claims.doc('w1').set({ held: ['gone@2'], since: { 'gone@2': old }, gen: 4 });
    await claims.doc('w2').remove();
    await claims.doc('w3').set({ held: ['fresh@2'], since: { 'fresh@2': Date.now() }, gen: 1 });
    expect(await store.finishCommits!(Date.now())).toBe(2);
    expect(await claimsOf(claims, 'w1')).toEqual(['c7']);
    expect(await claimsOf(claims, 'w2')).toEqual(['c8']);
    expect(await claimsOf(claims, 'w3')).toEqual(['fresh']);
    expect(await store.finishCommits!(Date.now())).toBe(0);
  });

  it('lets only one of two grabs racing for a worker’s last place through', async () => {
    const { store, claims } = await freshStore();
    const [a, b, c] = await placed(store, 'c9', 'c10', 'c11');
    await store.commit(grab(a!, 'w1', 2));
    const results = await Promise.all([store.commit(grab(b!, 'w1', 2)), store.commit(grab(c!, 'w1', 2))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, conflict: 'capacity' }]);
    expect(await store.openOrdersOf(['w1'])).toEqual({ w1: 2 });
    expect(await claimsOf(claims, 'w1')).toHaveLength(2);
  });

  it('keeps the claim when two commits of one version bring the order to the same worker, and the loser’s is refused', async () => {
    const { store, claims } = await freshStore();
    const [a, b] = await placed(store, 'c16', 'c17');
    // A dispatch to w1 and w1's own grab, or a double tap: two request ids, one version.
    const both = ['req-0', 'req-1'].map((key) => ({ ...grab(a!, 'w1', 1), reply: makeReply(key) }));
    const results = await Promise.all(both.map((c) => store.commit(c)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await claimsOf(claims, 'w1')).toEqual(['c16']);
    expect(await store.commit(grab(b!, 'w1', 1))).toEqual({ ok: false, conflict: 'capacity' });
  });

  it('keeps the claim of an order brought back to its worker when a stale commit finishes an old record', async () => {
    const { store, claims } = await freshStore();
    const [a, b] = await placed(store, 'c18', 'c19');
    expect(await store.commit(grab(a!, 'w1'))).toEqual({ ok: true });
    const held = (await store.getOrder('c18'))!;
    // A request reads the order, and meanwhile a dispatcher hands it to w2 and back to w1.
    const session = await store.openOrder!('c18');
    expect(await store.commit(grab(held, 'w2'))).toEqual({ ok: true });
    expect(await store.commit(grab((await store.getOrder('c18'))!, 'w1'))).toEqual({ ok: true });
    // The slow request's commit meets the record of w1 → w2, which says w1 was left.
    expect(await session.commit(nextCommit(held, { updatedAt: held.updatedAt + 1 }))).toEqual({ ok: false, conflict: 'version' });
    expect(await claimsOf(claims, 'w1')).toEqual(['c18']);
    expect(await store.commit(grab(b!, 'w1', 1))).toEqual({ ok: false, conflict: 'capacity' });
  });

  it('leaves a document a version before left as it is when an order leaves its worker', async () => {
    const { store, claims } = await freshStore();
    const [a, b, c, d] = await placed(store, 'c20', 'c21', 'c22', 'c23');
    for (const o of [a, b, c]) expect(await store.commit(grab(o!, 'w1'))).toEqual({ ok: true });
    await claims.doc('w1').set({ orderId: 'c22', mark: 'from-a-version-before' });
    expect(await store.commit(nextCommit((await store.getOrder('c22'))!, { state: 'pending_confirm', assignment: null }))).toEqual({ ok: true });
    // Still the old document: the next arrival makes it over from the two orders w1 holds.
    expect(await store.commit(grab(d!, 'w1', 2))).toEqual({ ok: false, conflict: 'capacity' });
    expect(await store.commit(grab(d!, 'w1', 3))).toEqual({ ok: true });
    expect(await claimsOf(claims, 'w1')).toEqual(['c20', 'c21', 'c23']);
  });

  it('gives the place back when its grab loses the order to another worker', async () => {
    const { store, claims } = await freshStore();
    const [a] = await placed(store, 'c12');
    const results = await Promise.all([store.commit(grab(a!, 'w1', 1)), store.commit(grab(a!, 'w2', 1))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, conflict: 'version' }]);
    const winner = (await store.getOrder('c12'))!.assignment as { workerId: string };
    const loser = winner.workerId === 'w1' ? 'w2' : 'w1';
    expect(await claimsOf(claims, winner.workerId)).toEqual(['c12']);
    expect(await claimsOf(claims, loser)).toEqual([]);
  });
});
