import { beforeEach, describe, expect, it } from 'vitest';
import type { Envelope, OrderView } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import type { Deps } from '@backend/runtime/deps';
import { orderIdFor, replyKey } from '@backend/runtime/idempotency';
import { defaultLimits, slidingWindow, type Limits } from '@backend/runtime/rate-limit';
import { seedDemo } from '@backend/server/seed';
import { freshCloudBaseEach } from '../storage/offline-cloudbase';

// On CloudBase a new order's id comes from its request (Store.idsFromRequests), so the order's
// insert itself refuses a retried create and no reply is looked up before it: every answer a
// retry, a reused id or a double tap gets must stay what the embedded store gives
// (tests/http/idempotency.test.ts), and one request makes at most one order.
const cb = freshCloudBaseEach('once');
const T = Date.UTC(2026, 10, 30, 2, 0, 0);
let limits: Limits | undefined;
let seq = 0;

beforeEach(async () => {
  await seedDemo(cb.store);
  limits = undefined;
});

const deps = (): Deps => ({ store: cb.store, now: () => T, newId: (p) => `${p}${++seq}`, ...(limits && { limits }) });
const call = async (fn: 'orders' | 'grievances', user: string, event: Record<string, unknown>) =>
  (await FUNCTIONS[fn](event, { devUserId: user }, deps())) as Envelope<{ order: OrderView }>;
const order = (description = '厨房水龙头漏水，关不紧') => ({
  serviceItemId: 's-repair',
  householdId: 'h-yg-a',
  description,
  timeWindow: { from: T, to: T + 2 * 3_600_000 },
});
const create = (requestId: string, description?: string) => call('orders', 'demo-resident', { action: 'create', requestId, order: order(description) });
const ordersOfResident = async () => {
  const communityId = (await cb.store.getRef('users', 'demo-resident'))!.communityId;
  return (await cb.store.listOrders({ kind: 'household', communityId, userId: 'demo-resident', householdIds: ['h-yg-a'] }, {}, { limit: 50 })).items;
};

describe('a create kept to one order on CloudBase, without a reply look-up before it', () => {
  it('answers a retried 点单 with the first order: one order, one event, no reply document beside it', async () => {
    const before = (await ordersOfResident()).length;
    const first = await create('rid-retry');
    expect(first.ok).toBe(true);
    // The order's insert is the guard: its id is the request's, and its reply rides inside it.
    expect(first.ok && first.data.order.id).toBe(orderIdFor('o', replyKey('demo-resident', 'rid-retry')));
    expect(Number((await cb.db.collection(`${cb.prefix}replies`).count()).total)).toBe(0);
    const again = await create('rid-retry');
    expect(again).toEqual(first);
    expect((await ordersOfResident()).length).toBe(before + 1);
    const id = first.ok ? first.data.order.id : '';
    expect(await cb.store.listEvents(id)).toHaveLength(1);
  });

  it('answers ten simultaneous copies of one 点单 with one order', async () => {
    const before = (await ordersOfResident()).length;
    const replies = await Promise.all(Array.from({ length: 10 }, () => create('rid-double-tap')));
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(new Set(replies.map((r) => (r.ok ? r.data.order.id : '')))).toHaveProperty('size', 1);
    expect((await ordersOfResident()).length).toBe(before + 1);
  });

  it('refuses the same request id with a different 点单 (IDEMPOTENCY.KEY_REUSED), writing nothing', async () => {
    expect((await create('rid-reused')).ok).toBe(true);
    const count = (await ordersOfResident()).length;
    const other = await create('rid-reused', '换了一个描述');
    expect(other.ok ? null : other.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect((await ordersOfResident()).length).toBe(count);
  });

  it('answers a retry with the first order even when the resident has no 点单 left this minute', async () => {
    limits = { ...defaultLimits(), createOrder: slidingWindow(1, 60_000) };
    const first = await create('rid-limited');
    expect(first.ok).toBe(true);
    expect(await create('rid-limited')).toEqual(first);
    const fresh = await create('rid-fresh-one');
    expect(fresh.ok ? null : fresh.error.code).toBe('REQUEST.RATE_LIMITED');
  });

  it('answers a retried 诉求 with the first one', async () => {
    const grievance = { category: 'facility', householdId: 'h-hp-a', description: '5号楼门口路灯坏了一个星期', place: '5号楼门口' };
    const first = await call('grievances', 'demo-resident-2', { action: 'create', requestId: 'rid-grievance', grievance });
    expect(first.ok).toBe(true);
    expect(await call('grievances', 'demo-resident-2', { action: 'create', requestId: 'rid-grievance', grievance })).toEqual(first);
  });
});
