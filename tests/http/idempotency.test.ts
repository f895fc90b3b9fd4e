import { describe, expect, it } from 'vitest';
import { MINUTE } from '@core';
import { useTestServer } from '../support/test-server';
import { dataOf, desk, dispatcher, failure, requestId, resident, supervisor, worker } from '../support/scenario';

const t = useTestServer();
const d = desk(t);

const allOrders = async () => dataOf(await d.list(supervisor, { limit: 50 })).items as { id: string }[];

describe('requestId: a retried request is answered once', () => {
  it('answers a repeated 点单 with the same order: one order, one event', async () => {
    const rid = requestId('create');
    const event = { action: 'create', requestId: rid, order: d.orderInput() };
    const first = await t.call('orders', event, resident.user);
    t.clock.advance(MINUTE); // the app retries the very same request a minute later, after a lost reply
    const again = await t.call('orders', event, resident.user);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const id = first.body.data.order.id;
    expect((await allOrders()).map((o) => o.id)).toEqual([id]);
    expect(await d.events(id)).toHaveLength(1);
  });

  it('answers a repeated action with the same reply and writes one event', async () => {
    const placed = await d.place(resident);
    const rid = requestId('dispatch');
    const first = await d.act(dispatcher, placed, 'dispatch', { teamId: 't-general' }, rid);
    expect(first.status).toBe(200);
    const before = t.dump();
    // The retry carries the version the dispatcher saw before, now stale: still the first reply.
    const again = await d.act(dispatcher, placed, 'dispatch', { teamId: 't-general' }, rid);
    expect(again).toEqual(first);
    expect(t.dump()).toBe(before);
    expect((await d.events(placed.id)).map((e) => e.action)).toEqual(['create', 'dispatch']);
  });

  it('keeps nothing for a refused request: a stale grab writes no reply, no event', async () => {
    const placed = await d.place(resident);
    const pooled = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' });
    // A stale grab (wrong version) is refused and stores nothing under its id …
    const before = t.dump();
    const rid = requestId('grab');
    expect(failure(await d.act(worker, { id: placed.id, version: pooled.version - 1 }, 'grab', {}, rid))).toEqual({
      status: 409,
      code: 'ORDER.VERSION_CONFLICT',
    });
    expect(t.dump()).toBe(before);
    // … so a corrected request under a new id succeeds once.
    expect((await d.step(worker, pooled, 'grab')).state).toBe('accepted');
    expect((await d.events(placed.id)).filter((e) => e.action === 'grab')).toHaveLength(1);
  });

  it('answers ten simultaneous copies of one 点单 (a double tap and retries) with one order', async () => {
    const event = { action: 'create', requestId: requestId('create'), order: d.orderInput() };
    const replies = await Promise.all(Array.from({ length: 10 }, () => t.call('orders', event, resident.user)));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    const ids = new Set(replies.map((r) => r.body.data.order.id));
    expect(ids.size).toBe(1);
    expect((await allOrders()).map((o) => o.id)).toEqual([...ids]);
  });

  it('answers ten simultaneous copies of one action with one reply and one event', async () => {
    const placed = await d.place(resident);
    const rid = requestId('dispatch');
    const replies = await Promise.all(Array.from({ length: 10 }, () => d.act(dispatcher, placed, 'dispatch', { teamId: 't-general' }, rid)));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const r of replies) expect(r.body).toEqual(replies[0]!.body);
    expect((await d.events(placed.id)).map((e) => e.action)).toEqual(['create', 'dispatch']);
  });

  it('refuses the same requestId with a different payload (IDEMPOTENCY.KEY_REUSED) and writes nothing', async () => {
    const rid = requestId('create');
    const first = await d.create(resident, {}, rid);
    const before = t.dump();
    const other = await d.create(resident, { description: '换了一个描述' }, rid);
    expect(failure(other)).toEqual({ status: 409, code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(other.body.error.message).toBe('请求编号已用于另一项操作');
    expect(t.dump()).toBe(before);

    // Reusing it for an action is refused too.
    const order = first.body.data.order;
    const reused = await d.act(resident, order, 'urge', {}, rid);
    expect(failure(reused)).toEqual({ status: 409, code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(t.dump()).toBe(before);
  });

  it('keeps request ids per user: two people may use the same one', async () => {
    const rid = requestId('shared');
    const mine = await d.placeDue(resident);
    const a = await d.act(resident, mine, 'urge', {}, rid);
    const b = await d.act(dispatcher, a.body.data.order, 'dispatch', { teamId: 't-general' }, rid);
    expect([a.status, b.status]).toEqual([200, 200]);
  });
});
