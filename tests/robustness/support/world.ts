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
import { dumpStore, storeFile } from '../../support/store-file';
import { START } from '../../support/test-server';

export { DB_FILE } from '../../support/store-file';

/**
 * A cheap "has anyone written?" probe: SQLite's data_version, seen from a second read-only
 * connection, changes whenever another connection commits. Used per call; a full dump settles it.
 */
export function writeProbe(dir: string) {
  const db = new Database(storeFile(dir), { readonly: true, fileMustExist: true });
  const version = db.prepare('PRAGMA data_version').pluck();
  return { version: () => version.get() as number, close: () => db.close() };
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

/** Every order of the store in `dir` with its timeline checked, straight from the tables; events of no order are a problem too. */
export function auditStore(dir: string): { orders: number; events: number; problems: string[] } {
  const db = new Database(storeFile(dir), { readonly: true, fileMustExist: true });
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

export type Reply = Envelope<any>;

/** A handler reply that failed the way every refusal must: a code of the table, a 4xx status, a Chinese message. */
export function refusalProblem(reply: unknown): string | null {
  if (typeof reply !== 'object' || reply === null) return `not an envelope: ${String(reply)}`;
  const r = reply as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok !== false) return `expected a refusal, got ${JSON.stringify(reply).slice(0, 300)}`;
  const code = r.error?.code;
  if (typeof code !== 'string' || !Object.hasOwn(ERRORS, code)) return `unknown code ${String(code)}`;
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
