import { ERRORS, type Envelope, type ErrorCode, type OrderView } from '@core';
import type { Store } from '@backend/storage/port';
import { startTestServer } from '../../support/test-server';
import { openWorld } from './world';

/** What a call answered, the same whichever way it travelled. */
export interface Answer {
  readonly status: number;
  readonly body: Envelope<any>;
}

/** The same scenario in-process (handlers called directly) or over HTTP (the real local server). */
export interface Transport {
  readonly name: string;
  readonly dir: string;
  readonly store: Store;
  now(): number;
  advance(ms: number): void;
  call(fn: string, event: unknown, user: string): Promise<Answer>;
  close(): Promise<void>;
}

export async function inProcess(): Promise<Transport> {
  const w = await openWorld();
  return {
    name: 'in-process',
    dir: w.dir,
    store: w.store,
    now: w.now,
    advance: w.advance,
    async call(fn, event, user) {
      const body = await w.call(fn, event, user);
      return { status: body.ok ? 200 : ERRORS[body.error.code as ErrorCode].status, body };
    },
    close: w.close,
  };
}

export async function overHttp(): Promise<Transport> {
  const t = await startTestServer();
  return {
    name: 'over HTTP',
    dir: t.dataDir,
    get store() {
      return t.store;
    },
    now: t.clock.now,
    advance: t.clock.advance,
    call: (fn, event, user) => t.call(fn, event, user),
    close: t.close,
  };
}

export const TRANSPORTS = [
  ['in-process', inProcess],
  ['over HTTP', overHttp],
] as const;

let rid = 0;
/** A fresh request id per press, unique across the run. */
export const requestId = (label: string) => `${label}-${process.pid}-${(++rid).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The orders function in the app's words over any transport. */
export function desk(t: Transport) {
  const orderOf = (a: Answer): OrderView => {
    if (a.status !== 200 || !a.body.ok) throw new Error(`expected success, got ${a.status} ${JSON.stringify(a.body)}`);
    return a.body.data.order as OrderView;
  };
  const create = (user: string, householdId: string, rid = requestId('create'), serviceItemId = 's-repair') =>
    t.call(
      'orders',
      { action: 'create', requestId: rid, order: { serviceItemId, householdId, description: '厨房水龙头漏水', timeWindow: { from: t.now(), to: t.now() + 2 * 3_600_000 } } },
      user,
    );
  const act = (user: string, role: string, order: { id: string; version: number }, action: string, input: Record<string, unknown> = {}, rid = requestId(action)) =>
    t.call('orders', { action, role, orderId: order.id, version: order.version, requestId: rid, input }, user);
  return {
    create,
    act,
    place: async (user = 'demo-resident', householdId = 'h-yg-a') => orderOf(await create(user, householdId)),
    step: async (user: string, role: string, order: { id: string; version: number }, action: string, input: Record<string, unknown> = {}) =>
      orderOf(await act(user, role, order, action, input)),
  };
}
