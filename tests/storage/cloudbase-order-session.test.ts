import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '@backend/storage/port';
import { createCommit, makeOrder, makeReply, nextCommit } from './fixtures';
import { offlineCloudBaseStore, useOfflineCloudBase } from './offline-cloudbase';

// An order read for a change keeps its transaction open for the write (Store.openOrder): the commit
// reuses the read for the version check. What it saves must not cost the compare-and-set anything.
useOfflineCloudBase();
let store: Store;
let opened = 0;
beforeEach(async () => {
  store = (await offlineCloudBaseStore(`rp_sess${++opened}_`)).store;
});

const order = makeOrder({ id: 'o-session' });

describe('an order session on CloudBase', () => {
  it('reads the order as getOrder does, and none when there is none', async () => {
    await store.commit(createCommit(order));
    const session = await store.openOrder!(order.id);
    expect(session.order).toEqual(await store.getOrder(order.id));
    await session.release();
    const missing = await store.openOrder!('o-none');
    expect(missing.order).toBeNull();
    await missing.release();
  });

  it('writes the change it was read for', async () => {
    await store.commit(createCommit(order));
    const session = await store.openOrder!(order.id);
    const next = nextCommit(session.order!, { description: 'changed in the session' });
    expect(await session.commit(next)).toEqual({ ok: true });
    expect(await store.getOrder(order.id)).toEqual(next.order);
  });

  it('lets exactly one of two sessions that read the same version win', async () => {
    await store.commit(createCommit(order));
    const [a, b] = await Promise.all([store.openOrder!(order.id), store.openOrder!(order.id)]);
    const results = await Promise.all([
      a.commit(nextCommit(a.order!, { description: 'a' }, { reply: makeReply('u1:a') })),
      b.commit(nextCommit(b.order!, { description: 'b' }, { reply: makeReply('u2:b') })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, conflict: 'version' }]);
    expect((await store.listEvents(order.id)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('answers "version" when a plain commit moved the order on after the read', async () => {
    await store.commit(createCommit(order));
    const session = await store.openOrder!(order.id);
    await store.commit(nextCommit(order, { description: 'someone else' }));
    expect(await session.commit(nextCommit(session.order!, { description: 'too late' }))).toEqual({ ok: false, conflict: 'version' });
    expect((await store.getOrder(order.id))?.description).toBe('someone else');
  });

  it('still writes when only a shared document was contended: another order of the same day', async () => {
    const other = makeOrder({ id: 'o-same-day' });
    await store.commit(createCommit(order));
    await store.commit(createCommit(other));
    const session = await store.openOrder!(order.id);
    // The other order's commit moves the day's rollup document on after the session's snapshot.
    expect(await store.commit(nextCommit(other, { state: 'cancelled' }))).toEqual({ ok: true });
    const next = nextCommit(session.order!, { state: 'cancelled' });
    expect(await session.commit(next)).toEqual({ ok: true });
    expect(await store.getOrder(order.id)).toEqual(next.order);
  });

  it('writes nothing when released, and leaves the order free to change', async () => {
    await store.commit(createCommit(order));
    const session = await store.openOrder!(order.id);
    await session.release();
    expect(await store.commit(nextCommit(order, { description: 'after the release' }))).toEqual({ ok: true });
    expect((await store.getOrder(order.id))?.version).toBe(2);
  });
});
