import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import type { Deps } from '@backend/runtime/deps';
import type { Messaging } from '@backend/messaging/deliver';
import type { Limits } from '@backend/runtime/rate-limit';
import { seedDemo } from '@backend/server/seed';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import { perTest } from '../support/per-test';

/** A fresh demo community in a temp store, with a clock the test moves, calling the handlers in-process. */
export async function supervisionWorld(start = Date.UTC(2026, 9, 5, 1, 0), limits?: Limits, messaging?: Messaging) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-supervision-'));
  const store = openSqliteStore(dir);
  await seedDemo(store);
  let now = start;
  let seq = 0;
  const deps: Deps = { store, now: () => now, newId: (prefix) => `${prefix}${(++seq).toString().padStart(8, '0')}`, limits, messaging };
  let rid = 0;
  async function call<T = any>(fn: keyof typeof FUNCTIONS, user: string, event: Record<string, unknown>): Promise<T> {
    const mutates = fn === 'orders' && event.action !== 'list' && event.action !== 'get';
    const full = mutates ? { requestId: `request-${++rid}`, ...event } : event;
    const reply = (await FUNCTIONS[fn](full, { devUserId: user }, deps)) as Envelope<T>;
    if (!reply.ok)
      throw new Error(`${fn}.${String(event.action)} by ${user}: ${reply.error.code} ${reply.error.message} ${JSON.stringify(reply.error.details ?? {})}`);
    return reply.data;
  }
  async function raw(fn: keyof typeof FUNCTIONS, user: string | null, event: Record<string, unknown>) {
    return FUNCTIONS[fn](event, user ? { devUserId: user } : null, deps);
  }
  /** Runs one order action as `user` in `role` on the order's current version. */
  async function act(user: string, role: string, orderId: string, action: string, input: Record<string, unknown> = {}) {
    const order = await store.getOrder(orderId);
    return call('orders', user, { action, role, orderId, version: order!.version, input });
  }
  async function place(serviceItemId = 's-repair-urgent', user = 'demo-resident', householdId = 'h-yg-a') {
    const { order } = await call('orders', user, {
      action: 'create',
      order: { serviceItemId, householdId, description: '厨房水管漏水', timeWindow: { from: now, to: now + 3_600_000 } },
    });
    return order.id as string;
  }
  return {
    store,
    deps,
    call,
    raw,
    act,
    place,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
    close: () => store.close(),
  };
}

export type SupervisionWorld = Awaited<ReturnType<typeof supervisionWorld>>;

/** A fresh supervision world, with no rate limits, for each test of the file (or describe): opened before it, closed after it. */
export const useSupervisionWorld = (start?: number): SupervisionWorld => perTest(() => supervisionWorld(start));
