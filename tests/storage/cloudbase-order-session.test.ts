import { describe, expect, it } from 'vitest';
import { createCommit, makeOrder, makeReply, nextCommit } from './fixtures';
import { freshCloudBaseEach } from './offline-cloudbase';

// An order read for a change (Store.openOrder): the commit reuses the read for the version check
// instead of reading again. What it saves must not cost the compare-and-set anything.
const cb = freshCloudBaseEach('sess');

const order = makeOrder({ id: 'o-session' });

describe('an order session on CloudBase', () => {
  it('reads the order as getOrder does, and none when there is none', async () => {
    await cb.store.commit(createCommit(order));
    const session = await cb.store.openOrder!(order.id);
    expect(session.order).toEqual(await cb.store.getOrder(order.id));
    await session.release();
    const missing = await cb.store.openOrder!('o-none');
    expect(missing.order).toBeNull();
    await missing.release();
  });

  it('writes the change it was read for', async () => {
    await cb.store.commit(createCommit(order));
    const session = await cb.store.openOrder!(order.id);
    const next = nextCommit(session.order!, { description: 'changed in the session' });
    expect(await session.commit(next)).toEqual({ ok: true });
    expect(await cb.store.getOrder(order.id)).toEqual(next.order);
  });

  it('lets exactly one of two sessions that read the same version win', async () => {
    await cb.store.commit(createCommit(order));
    const [a, b] = await Promise.all([cb.store.openOrder!(order.id), cb.store.openOrder!(order.id)]);
    const results = await Promise.all([
      a.commit(nextCommit(a.order!, { description: 'a' }, { reply: makeReply('u1:a') })),
      b.commit(nextCommit(b.order!, { description: 'b' }, { reply: makeReply('u2:b') })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, conflict: 'version' }]);
    expect((await cb.store.listEvents(order.id)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('answers "version" when a plain commit moved the order on after the read', async () => {
    await cb.store.commit(createCommit(order));
    const session = await cb.store.openOrder!(order.id);
    await cb.store.commit(nextCommit(order, { description: 'someone else' }));
    expect(await session.commit(nextCommit(session.order!, { description: 'too late' }))).toEqual({ ok: false, conflict: 'version' });
    expect((await cb.store.getOrder(order.id))?.description).toBe('someone else');
  });

  it('still writes when only a shared document was contended: another order reaching the same worker', async () => {
    const pool = (id: string) => makeOrder({ id, state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } });
    const grab = (o: ReturnType<typeof pool>) =>
      nextCommit(o, { state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId: 'w1' } }, { capacity: { workerId: 'w1', max: 2 } });
    const [mine, other] = [pool('o-mine'), pool('o-other')];
    await cb.store.commit(createCommit(mine));
    await cb.store.commit(createCommit(other));
    const session = await cb.store.openOrder!(mine.id);
    expect(await session.openOrdersOf!(['w1'])).toEqual({ w1: 0 });
    // The other grab claims a place of the same worker after the session's read: both fit under the cap.
    expect(await cb.store.commit(grab(other))).toEqual({ ok: true });
    const next = grab(session.order!);
    expect(await session.commit(next)).toEqual({ ok: true });
    expect(await cb.store.getOrder(mine.id)).toEqual(next.order);
    expect(await cb.store.openOrdersOf(['w1'])).toEqual({ w1: 2 });
  });

  it('counts a worker’s open orders inside the session, and the commit holds the cap on that count', async () => {
    const pool = (id: string) => makeOrder({ id, state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } });
    const grab = (o: ReturnType<typeof pool>) =>
      nextCommit(o, { state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId: 'w1' } }, { capacity: { workerId: 'w1', max: 1 } });
    const [a, b] = [pool('o-cap-a'), pool('o-cap-b')];
    await cb.store.commit(createCommit(a));
    await cb.store.commit(createCommit(b));
    // Two grabs by one worker of two orders, each read and counted before either writes.
    const [sa, sb] = await Promise.all([cb.store.openOrder!(a.id), cb.store.openOrder!(b.id)]);
    expect(await sa.openOrdersOf!(['w1'])).toEqual({ w1: 0 });
    expect(await sb.openOrdersOf!(['w1'])).toEqual({ w1: 0 });
    const results = await Promise.all([sa.commit(grab(sa.order!)), sb.commit(grab(sb.order!))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, conflict: 'capacity' }]);
    expect(await cb.store.openOrdersOf(['w1'])).toEqual({ w1: 1 });
    const after = await cb.store.openOrder!('o-cap-a');
    expect(await after.openOrdersOf!(['w1', 'w2'])).toEqual({ w1: 1, w2: 0 });
    await after.release();
  });

  it('writes nothing when released, and leaves the order free to change', async () => {
    await cb.store.commit(createCommit(order));
    const session = await cb.store.openOrder!(order.id);
    await session.release();
    expect(await cb.store.commit(nextCommit(order, { description: 'after the release' }))).toEqual({ ok: true });
    expect((await cb.store.getOrder(order.id))?.version).toBe(2);
  });
});
