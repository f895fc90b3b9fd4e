import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE, type Envelope, type OrderView } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import type { Deps } from '@backend/runtime/deps';
import { defaultLimits } from '@backend/runtime/rate-limit';
import type { Store } from '@backend/storage/port';
import { supervisionWorld } from '../supervision/harness';

/*
 * Per-user limits (backend/runtime/rate-limit.ts): at most 20 accepted 点单 and 10 accepted 催单 per
 * person per minute. Only accepted requests use up those budgets; a refused one costs nothing of
 * them, yet every attempt, whatever its outcome, counts against a ceiling of 120 a minute, past which
 * attempts are refused before they reach the store. A retry of an answered request gets its reply.
 */

let w: Awaited<ReturnType<typeof supervisionWorld>>;
beforeEach(async () => {
  w = await supervisionWorld(undefined, defaultLimits());
});
afterEach(() => w.close());

let seq = 0;
const order = (n: number | string = `fresh-${++seq}`, fields: Record<string, unknown> = {}) => ({
  action: 'create',
  requestId: `flood-request-${n}`,
  order: { serviceItemId: 's-meal', householdId: 'h-yg-a', description: '午餐', timeWindow: { from: w.now(), to: w.now() + 3_600_000 }, ...fields },
});
const urge = (o: { id: string; version: number }, rid = `urge-request-${++seq}`) => ({
  action: 'urge',
  role: 'resident',
  orderId: o.id,
  version: o.version,
  requestId: rid,
});
const codeOf = (reply: Envelope<unknown>) => (reply.ok ? 'ok' : reply.error.code);
const create = async (event = order()) => codeOf(await w.raw('orders', 'demo-resident', event));
const placed = async (): Promise<OrderView> => {
  const reply = await w.raw('orders', 'demo-resident', order());
  if (!reply.ok) throw new Error(reply.error.code);
  return (reply.data as { order: OrderView }).order;
};
const ordersOfResident = async () =>
  (await w.store.listOrders({ kind: 'household', communityId: 'c-xingfuli', userId: 'demo-resident', householdIds: ['h-yg-a'] }, {}, { limit: 100 })).items
    .length;

/** Orders the resident is refused, each for a different reason of its own. */
const refusedOrders = [
  () => order(undefined, { householdId: 'h-hp-a' }), // HOUSEHOLD.NOT_YOURS
  () => order(undefined, { serviceItemId: 's-none' }), // SERVICE.NOT_FOUND
  () => order(undefined, { timeWindow: { from: w.now() - 5 * 3_600_000, to: w.now() - 4 * 3_600_000 } }), // time window over
  () => order(undefined, { photos: ['f0000000000000.jpg'] }), // FILE.NOT_FOUND
];

describe('per-user rate limits', () => {
  it('refuses the 21st order placed by one person within a minute, and writes nothing for it', async () => {
    for (let i = 0; i < 20; i++) expect(await create(order(i))).toBe('ok');
    const refused = await w.raw('orders', 'demo-resident', order(20));
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'REQUEST.RATE_LIMITED', message: '下单太频繁，请稍后再试' });
    expect(await ordersOfResident()).toBe(20);
    // Someone else is not affected, and a minute later the resident may order again.
    expect(codeOf(await w.raw('orders', 'demo-resident-2', order(21, { householdId: 'h-hp-a' })))).toBe('ok');
    w.advance(MINUTE);
    expect(await create(order(22))).toBe('ok');
  });

  it('answers a retried request from its first reply without counting it again', async () => {
    for (let i = 0; i < 20; i++) await w.raw('orders', 'demo-resident', order(0));
    expect(await create(order(1))).toBe('ok');
  });

  it('counts only accepted orders: refused ones, for whatever reason, leave all 20 to place', async () => {
    for (let i = 0; i < 25; i++) expect(await create(refusedOrders[i % refusedOrders.length]!())).not.toBe('ok');
    for (let i = 0; i < 20; i++) expect(await create()).toBe('ok');
    expect(await create()).toBe('REQUEST.RATE_LIMITED');
    expect(await ordersOfResident()).toBe(20);
  });

  it('counts only accepted 催单: too soon, stale or on a closed order leaves all 10 to make', async () => {
    const orders: OrderView[] = [];
    for (let i = 0; i < 11; i++) orders.push(await placed());
    w.advance(2 * HOUR); // 催单 is offered once something is late: past 送餐's one-hour dispatch deadline
    const first = orders[0]!;
    expect(codeOf(await w.raw('orders', 'demo-resident', urge(first)))).toBe('ok');
    const cancelled = await placed();
    expect(
      codeOf(
        await w.raw('orders', 'demo-resident', { action: 'cancel', role: 'resident', orderId: cancelled.id, version: 1, requestId: 'cancel-it', input: {} }),
      ),
    ).toBe('ok');
    for (let i = 0; i < 5; i++) {
      expect(codeOf(await w.raw('orders', 'demo-resident', urge({ id: first.id, version: 2 })))).toBe('ORDER.URGE_TOO_SOON');
      expect(codeOf(await w.raw('orders', 'demo-resident', urge({ id: orders[1]!.id, version: 7 })))).toBe('ORDER.VERSION_CONFLICT');
      expect(codeOf(await w.raw('orders', 'demo-resident', urge({ id: cancelled.id, version: 2 })))).toBe('ORDER.TRANSITION_NOT_ALLOWED');
    }
    for (const o of orders.slice(1, 10)) expect(codeOf(await w.raw('orders', 'demo-resident', urge(o)))).toBe('ok');
    const refused = await w.raw('orders', 'demo-resident', urge(orders[10]!));
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'REQUEST.RATE_LIMITED', message: '操作太频繁，请稍后再试' });
    expect((await w.store.listEvents(orders[10]!.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('never accepts more than the budget, even when the requests come all at once', async () => {
    const codes = await Promise.all(Array.from({ length: 30 }, () => create()));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(20);
    expect(codes.filter((c) => c !== 'ok')).toEqual(Array(10).fill('REQUEST.RATE_LIMITED'));
    expect(await ordersOfResident()).toBe(20);
  });

  it('gives back what a 催单 that lost a race at the write had taken', async () => {
    const orders: OrderView[] = [];
    for (let i = 0; i < 11; i++) orders.push(await placed());
    w.advance(2 * HOUR); // 催单 is offered once something is late: past 送餐's one-hour dispatch deadline
    // Two 催单 at once on each of five orders, both on the version they saw: one of each pair wins.
    const pairs = await Promise.all(orders.slice(0, 5).flatMap((o) => [w.raw('orders', 'demo-resident', urge(o)), w.raw('orders', 'demo-resident', urge(o))]));
    expect(pairs.filter((r) => r.ok)).toHaveLength(5);
    for (const o of orders.slice(5, 10)) expect(codeOf(await w.raw('orders', 'demo-resident', urge(o)))).toBe('ok');
    expect(codeOf(await w.raw('orders', 'demo-resident', urge(orders[10]!)))).toBe('REQUEST.RATE_LIMITED');
  });

  it('cuts off a flood of refused attempts at 120 a minute, before they reach the store', async () => {
    for (let i = 0; i < 120; i++) expect(await create(order(undefined, { householdId: 'h-hp-a' }))).toBe('HOUSEHOLD.NOT_YOURS');
    const reads: string[] = [];
    const counted = new Proxy(w.store, {
      get: (store, key, receiver) => {
        const value = Reflect.get(store, key, receiver);
        return typeof value === 'function' ? (...args: unknown[]) => (reads.push(String(key)), value.apply(store, args)) : value;
      },
    }) as Store;
    const deps: Deps = { ...w.deps, store: counted };
    const call = async (event: Record<string, unknown>) => codeOf(await FUNCTIONS.orders(event, { devUserId: 'demo-resident' }, deps));
    const target = await w.store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 1 });
    for (let i = 0; i < 50; i++) expect(await call(order(undefined, { householdId: 'h-hp-a' }))).toBe('REQUEST.RATE_LIMITED');
    // Valid ones too, and 催单, which share the ceiling.
    expect(await call(order())).toBe('REQUEST.RATE_LIMITED');
    if (target.items[0]) expect(await call(urge(target.items[0]))).toBe('REQUEST.RATE_LIMITED');
    // Past who is calling and whether the request id was answered before, nothing was read.
    expect(new Set(reads.filter((r) => r !== 'getReply' && r !== 'getRef'))).toEqual(new Set());
    expect(reads.filter((r) => r === 'getRef').length).toBeLessThanOrEqual(2 * 52);
    w.advance(MINUTE);
    expect(await create()).toBe('ok');
  });

  it('answers a retry of an acknowledged request from its reply even with the budget and the ceiling spent', async () => {
    for (let i = 0; i < 20; i++) expect(await create(order(`kept-${i}`))).toBe('ok');
    for (let i = 0; i < 100; i++) await create(order(undefined, { householdId: 'h-hp-a' }));
    expect(await create()).toBe('REQUEST.RATE_LIMITED');
    const first = await w.raw('orders', 'demo-resident', order('kept-0'));
    expect(first.ok).toBe(true);
    for (let i = 0; i < 200; i++) expect(codeOf(await w.raw('orders', 'demo-resident', order(`kept-${i % 20}`)))).toBe('ok');
    expect(await ordersOfResident()).toBe(20);
  });

  it('does not count retries against the ceiling either', async () => {
    expect(await create(order('once'))).toBe('ok');
    for (let i = 0; i < 300; i++) expect(codeOf(await w.raw('orders', 'demo-resident', order('once')))).toBe('ok');
    for (let i = 0; i < 19; i++) expect(await create()).toBe('ok');
    expect(await create()).toBe('REQUEST.RATE_LIMITED');
  });
});
