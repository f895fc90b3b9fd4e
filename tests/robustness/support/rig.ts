import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ERRORS, type ErrorCode, type Order, type OrderEvent } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import type { Caller } from '@backend/runtime/caller';
import { timeOrderedId, type Deps } from '@backend/runtime/deps';
import { runSweep } from '@backend/usecases/sweep';
import { seedDemo } from '@backend/server/seed';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import type { Store } from '@backend/storage/port';
import { START, startTestServer } from '../../support/test-server';

/** What a call answered, whichever way it travelled: the HTTP status (or the code's status in-process) and the envelope. */
export interface Answer {
  readonly status: number;
  readonly body: any;
}

/**
 * The demo community behind either the handlers in-process or the real local server, with the
 * scheduled sweep wired to the same store and clock, so a race can pit people against the sweep.
 */
export interface Rig {
  readonly name: 'in-process' | 'over HTTP';
  readonly dir: string;
  readonly store: Store;
  now(): number;
  advance(ms: number): void;
  call(fn: string, event: unknown, who: string | Caller): Promise<Answer>;
  sweep(): ReturnType<typeof runSweep>;
  /** Every row of every table through a read-only connection. */
  dump(): string;
  close(): Promise<void>;
}

export async function inProcessRig(): Promise<Rig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-robust-rig-'));
  const store = openSqliteStore(dir);
  await seedDemo(store);
  let now = START;
  const deps: Deps = { store, now: () => now, newId: (prefix) => timeOrderedId(prefix, now) };
  return {
    name: 'in-process',
    dir,
    store,
    now: () => now,
    advance: (ms) => void (now += ms),
    async call(fn, event, who) {
      const handler = (FUNCTIONS as Record<string, (typeof FUNCTIONS)['orders']>)[fn];
      if (!handler) throw new Error(`no function ${fn}`);
      const body = await handler(event, typeof who === 'string' ? { devUserId: who } : who, deps);
      return { status: body.ok ? 200 : (ERRORS[body.error.code as ErrorCode]?.status ?? 599), body };
    },
    sweep: () => runSweep(deps),
    dump: () => dumpDir(dir),
    async close() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function httpRig(): Promise<Rig> {
  const t = await startTestServer();
  const deps: Deps = {
    get store() {
      return t.store;
    },
    now: t.clock.now,
    newId: (prefix) => timeOrderedId(prefix, t.clock.now()),
  };
  return {
    name: 'over HTTP',
    dir: t.dataDir,
    get store() {
      return t.store;
    },
    now: t.clock.now,
    advance: t.clock.advance,
    call: (fn, event, who) => t.call(fn, event, typeof who === 'string' ? who : who && 'devUserId' in who ? who.devUserId : null),
    sweep: () => runSweep(deps),
    dump: () => t.dump(),
    close: () => t.close(),
  };
}

export const RIGS = [
  ['in-process', inProcessRig],
  ['over HTTP', httpRig],
] as const;

/** Every row of every table of the store in `dir`. */
export function dumpDir(dir: string): string {
  const db = new Database(path.join(dir, 'red-property.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}

/** What is wrong with one order's timeline: events == version, seq 1..n without gaps, each event starts where the last ended, the last ends in the state. */
export function timelineProblems(order: Order, events: readonly OrderEvent[]): string[] {
  const problems: string[] = [];
  if (events.length !== order.version) problems.push(`${order.id}: ${events.length} events, version ${order.version}`);
  events.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`${order.id}: event #${i + 1} has seq ${e.seq}`);
    if (i === 0 && e.from !== null) problems.push(`${order.id}: first event starts from ${e.from}`);
    if (i > 0 && e.from !== events[i - 1]!.to) problems.push(`${order.id}: seq ${e.seq} starts from ${e.from}, seq ${e.seq - 1} ended in ${events[i - 1]!.to}`);
  });
  const last = events[events.length - 1];
  if (!last || last.to !== order.state) problems.push(`${order.id}: last event ends in ${last?.to}, order is ${order.state}`);
  return problems;
}

/** Every order of the store with its timeline checked, straight from the tables; events of no order are a problem too. */
export function auditDir(dir: string): { orders: number; events: number; problems: string[] } {
  const db = new Database(path.join(dir, 'red-property.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const orders = (db.prepare('SELECT version, doc FROM orders').all() as { version: number; doc: string }[]).map((r) => {
      const o = JSON.parse(r.doc) as Order;
      return o.version === r.version ? o : { ...o, id: `${o.id} (column v${r.version} ≠ document v${o.version})` };
    });
    const byOrder = new Map<string, OrderEvent[]>();
    const rows = db.prepare('SELECT doc FROM order_events ORDER BY order_id, seq').pluck().all() as string[];
    for (const doc of rows) {
      const e = JSON.parse(doc) as OrderEvent;
      byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
    }
    const problems = orders.flatMap((o) => timelineProblems(o, byOrder.get(o.id) ?? []));
    const ids = new Set(orders.map((o) => o.id));
    for (const id of byOrder.keys()) if (!ids.has(id)) problems.push(`events of a missing order ${id}`);
    return { orders: orders.length, events: rows.length, problems };
  } finally {
    db.close();
  }
}

let n = 0;
/** A fresh request id per press. */
export const rid = (label: string) => `${label}-${process.pid}-${(++n).toString(36)}`;

/** The orders function in the app's words, over a rig. */
export function counter(r: Rig) {
  const create = (user = 'demo-resident', householdId = 'h-yg-a', serviceItemId = 's-repair') =>
    r.call('orders', { action: 'create', requestId: rid('create'), order: { serviceItemId, householdId, description: '门锁坏了', timeWindow: { from: r.now(), to: r.now() + 7_200_000 } } }, user);
  const act = (user: string, role: string, o: { id: string; version: number }, action: string, input: Record<string, unknown> = {}) =>
    r.call('orders', { action, role, orderId: o.id, version: o.version, requestId: rid(action), input }, user);
  const must = (a: Answer) => {
    if (a.status !== 200 || !a.body.ok) throw new Error(`expected success, got ${a.status} ${JSON.stringify(a.body)}`);
    return a.body.data.order as { id: string; version: number; state: string };
  };
  return {
    create,
    act,
    place: async (user?: string, householdId?: string, serviceItemId?: string) => must(await create(user, householdId, serviceItemId)),
    step: async (user: string, role: string, o: { id: string; version: number }, action: string, input: Record<string, unknown> = {}) => must(await act(user, role, o, action, input)),
  };
}
