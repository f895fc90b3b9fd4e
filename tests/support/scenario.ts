import { randomBytes } from 'node:crypto';
import type { ActionType, CreateOrderInput, OrderEvent, OrderView, Role } from '@core';
import type { Reply, TestServer } from './test-server';

/** A demo user acting in one of their roles. */
export interface As {
  readonly user: string;
  readonly role: Role;
}
const as = (user: string, role: Role): As => ({ user, role });

/** The demo cast (backend/server/demo-data.ts). */
export const resident = as('demo-resident', 'resident'); // 张秀兰, household h-yg-a (and 王德福's h-yg-b)
export const resident2 = as('demo-resident-2', 'resident'); // 李建国, h-hp-a
export const dispatcher = as('demo-dispatcher', 'dispatcher'); // 陈红, 红心物业
export const worker = as('demo-worker', 'worker'); // 刘师傅, t-general, up to 5 open orders
export const worker2 = as('demo-worker-2', 'worker'); // 赵阿姨, t-elder, up to 3
export const worker3 = as('demo-worker-3', 'worker'); // 孙志远, t-general and t-elder, up to 2
export const supervisor = as('demo-supervisor', 'supervisor'); // 周书记

/** A fresh request id, as the app makes one per button press. */
export const requestId = (label = 'req') => `${label}-${randomBytes(6).toString('hex')}`;

/** Fails with the envelope's error when a call did not succeed; returns its data. */
export function dataOf<T = any>(reply: Reply): T {
  if (reply.status !== 200 || reply.body?.ok !== true) {
    throw new Error(`expected success, got ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  return reply.body.data as T;
}

/** The error code and HTTP status of a failed call, for one-line assertions. */
export const failure = (reply: Reply) => ({ status: reply.status, code: reply.body?.error?.code as string | undefined });

/** Calls of the orders function in the app's words; each returns the raw reply. */
export function desk(t: TestServer) {
  const orderInput = (fields: Partial<CreateOrderInput> = {}) => ({
    serviceItemId: 's-repair',
    householdId: 'h-yg-a',
    description: '厨房水龙头漏水，关不紧',
    timeWindow: { from: t.clock.now(), to: t.clock.now() + 2 * 3_600_000 },
    ...fields,
  });

  const create = (who: As = resident, fields: Partial<CreateOrderInput> = {}, rid = requestId('create')) =>
    t.call('orders', { action: 'create', requestId: rid, order: orderInput(fields) }, who.user);
  const act = (who: As, order: { id: string; version: number }, action: ActionType | string, input: Record<string, unknown> = {}, rid = requestId(action)) =>
    t.call('orders', { action, role: who.role, orderId: order.id, version: order.version, requestId: rid, input }, who.user);
  const get = (who: As, orderId: string) => t.call('orders', { action: 'get', role: who.role, orderId }, who.user);
  const list = (who: As, rest: Record<string, unknown> = {}) => t.call('orders', { action: 'list', role: who.role, ...rest }, who.user);

  return {
    orderInput,
    create,
    act,
    get,
    list,
    /** 点单 that must succeed: the order as its resident sees it. */
    place: async (who: As = resident, fields: Partial<CreateOrderInput> = {}) => dataOf<{ order: OrderView }>(await create(who, fields)).order,
    /**
     * 点单 for a quarter of an hour ahead, then that quarter passes: the booked start has come, so
     * 催单 and 投诉 are offered, and no deadline has passed yet (the sweep has nothing to mark).
     */
    placeDue: async (who: As = resident, fields: Partial<CreateOrderInput> = {}) => {
      const from = t.clock.now() + 15 * 60_000;
      const placed = dataOf<{ order: OrderView }>(await create(who, { timeWindow: { from, to: from + 2 * 3_600_000 }, ...fields })).order;
      t.clock.advance(15 * 60_000);
      return placed;
    },
    /** One action that must succeed, on the version the caller last saw: the order after it. */
    step: async (who: As, order: { id: string; version: number }, action: ActionType, input: Record<string, unknown> = {}) =>
      dataOf<{ order: OrderView }>(await act(who, order, action, input)).order,
    /** The order and its timeline as `who` reads them. */
    read: async (who: As, orderId: string) => dataOf<{ order: OrderView; events: OrderEvent[] }>(await get(who, orderId)),
    /** The timeline straight from the store. */
    events: (orderId: string) => t.store.listEvents(orderId),
    notifications: async (who: As) =>
      dataOf<{ items: { orderId: string; text: string; about: string | null }[] }>(await t.call('notifications', { action: 'list', role: who.role }, who.user))
        .items,
  };
}
