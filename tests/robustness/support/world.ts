import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ERRORS, type Envelope, type ErrorCode, type FunctionName, type Order, type OrderEvent } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import { timeOrderedId, type Deps } from '@backend/runtime/deps';
import type { Caller } from '@backend/runtime/caller';
import type { Limits } from '@backend/runtime/rate-limit';
import { seedDemo } from '@backend/server/seed';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import type { Store } from '@backend/storage/port';

/** 2026-10-05 09:00 China time, the same start as the HTTP test server. */
export const START = Date.UTC(2026, 9, 5, 1, 0);

export const DB_FILE = 'red-property.sqlite';

/** Every row of every table of the store in `dir`, read through its own read-only connection. */
export function dumpStore(dir: string): string {
  const db = new Database(path.join(dir, DB_FILE), { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}

/**
 * A cheap "has anyone written?" probe: SQLite's data_version, seen from a second read-only
 * connection, changes whenever another connection commits. Used per call; a full dump settles it.
 */
export function writeProbe(dir: string) {
  const db = new Database(path.join(dir, DB_FILE), { readonly: true, fileMustExist: true });
  const version = db.prepare('PRAGMA data_version').pluck();
  return { version: () => version.get() as number, close: () => db.close() };
}

/** Timeline invariants of one order: seq 1..version, the last event lands in the order's state. */
export function timelineProblems(order: Order, events: readonly OrderEvent[]): string[] {
  const problems: string[] = [];
  if (events.length !== order.version) problems.push(`${order.id}: ${events.length} events but version ${order.version}`);
  events.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`${order.id}: event ${i} has seq ${e.seq}`);
    if (i > 0 && e.from !== events[i - 1]!.to) problems.push(`${order.id}: event ${e.seq} starts from ${e.from}, previous ended in ${events[i - 1]!.to}`);
  });
  const last = events[events.length - 1];
  if (last && last.to !== order.state) problems.push(`${order.id}: last event ends in ${last.to}, order is ${order.state}`);
  return problems;
}

/** Every order of the store with its timeline checked, straight from the tables (one query each). */
export function auditStore(dir: string): { orders: number; events: number; problems: string[] } {
  const db = new Database(path.join(dir, DB_FILE), { readonly: true, fileMustExist: true });
  try {
    const orders = (db.prepare('SELECT doc FROM orders').pluck().all() as string[]).map((d) => JSON.parse(d) as Order);
    const events = (db.prepare('SELECT doc FROM order_events ORDER BY order_id, seq').pluck().all() as string[]).map((d) => JSON.parse(d) as OrderEvent);
    const byOrder = new Map<string, OrderEvent[]>();
    for (const e of events) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
    const problems = orders.flatMap((o) => timelineProblems(o, byOrder.get(o.id) ?? []));
    for (const id of byOrder.keys()) if (!orders.some((o) => o.id === id)) problems.push(`events of a missing order ${id}`);
    return { orders: orders.length, events: events.length, problems };
  } finally {
    db.close();
  }
}

export type Reply = Envelope<any>;

/** A handler reply that failed the way every refusal must: a code of the table, a 4xx status, a Chinese message. */
export function refusalProblem(reply: unknown): string | null {
  if (typeof reply !== 'object' || reply === null) return `not an envelope: ${String(reply)}`;
  const r = reply as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok !== false) return `expected a refusal, got ${JSON.stringify(reply).slice(0, 300)}`;
  const code = r.error?.code;
  if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(ERRORS, code)) return `unknown code ${String(code)}`;
  const status = ERRORS[code as ErrorCode].status;
  if (status < 400 || status > 499) return `${code} is status ${status}, not 4xx`;
  if (typeof r.error?.message !== 'string' || !/\p{Script=Han}/u.test(r.error.message)) return `${code} without a Chinese message`;
  return null;
}

/** A fresh demo community in a temp store, with a frozen clock, calling the real handlers in-process. */
export async function openWorld(opts: { start?: number; limits?: Limits; seed?: boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-robust-'));
  const store: Store = openSqliteStore(dir);
  if (opts.seed !== false) await seedDemo(store);
  let now = opts.start ?? START;
  const deps: Deps = { store, now: () => now, newId: (prefix) => timeOrderedId(prefix, now), limits: opts.limits };
  /** Calls a function as a demo user (by id), as an explicit caller, or as nobody. */
  const call = (fn: FunctionName | string, event: unknown, who: string | Caller): Promise<Reply> => {
    const handler = (FUNCTIONS as Record<string, (typeof FUNCTIONS)[FunctionName]>)[fn];
    if (!handler) throw new Error(`no function ${fn}`);
    return handler(event, typeof who === 'string' ? { devUserId: who } : who, deps);
  };
  return {
    dir,
    store,
    deps,
    call,
    now: () => now,
    advance: (ms: number) => void (now += ms),
    dump: () => dumpStore(dir),
    audit: () => auditStore(dir),
    async close() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type World = Awaited<ReturnType<typeof openWorld>>;

/** Fails loudly with the envelope when a call did not succeed. */
export function dataOf<T = any>(reply: Reply): T {
  if (!reply.ok) throw new Error(`expected success, got ${JSON.stringify(reply.error)}`);
  return reply.data as T;
}
