/**
 * The supervisor's statistics over a big store: statistics.board for a month and the store's
 * metricSums, with N synthetic orders all placed in that month (the worst case: the board then
 * aggregates every order). The orders are committed through store.commit into a store on tmpfs (N
 * fsyncs would take minutes), and the file is then copied to the bench's disk and measured there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DAY, type GroupBy } from '@core';
import { FUNCTIONS } from '../backend/functions/registry';
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';
import type { Store } from '../backend/storage/port';
import { freshDir, removeDir } from './lib/paths';
import { median, round } from './lib/stats';
import { fillStore } from './lib/synthetic';
import { benchDeps, COMMUNITY, seedBench, SUPERVISOR } from './lib/world';

export const MONTH = '2026-10';
/** The board is read a few days after the month, as a supervisor would for the monthly report. */
export const AS_OF = Date.parse('2026-11-05T09:00:00+08:00');

export interface StatsRun {
  readonly orders: number;
  /** Synthetic orders committed per second while filling (on tmpfs, no fsync: CPU-bound). */
  readonly fillPerSecond: number;
  readonly fileMb: number;
  readonly boardFirstMs: number;
  readonly boardMedianMs: number;
  readonly boardMaxMs: number;
  readonly metricSumsMs: Partial<Record<GroupBy, number>>;
  /** One board call, split by the store calls it made (ms each, the slowest first). */
  readonly boardCalls: { readonly call: string; readonly ms: number }[];
}

/** Wraps a store so that each call's synchronous work (all of SQLite's, here) is timed. */
function timedStore(store: Store, log: { call: string; ms: number }[]): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const t = performance.now();
        const result = value.apply(target, args);
        const detail =
          prop === 'metricSums' || prop === 'metricSumsMany'
            ? `(${String(args[2])})`
            : prop === 'listOrders' || prop === 'countByState'
              ? `(${JSON.stringify(args[1])})`
              : prop === 'listRefs'
                ? `(${String(args[0])})`
                : '';
        log.push({ call: `${String(prop)}${detail}`, ms: round(performance.now() - t, 2) });
        return result;
      };
    },
  });
}

/** Fills a store with `count` orders on `ramBase`, moves it to `diskBase`, and returns its directory there. */
export async function buildStatsStore(ramBase: string, diskBase: string, count: number): Promise<{ dir: string; fillPerSecond: number }> {
  const gen = freshDir(ramBase, `stats-gen-${count}`);
  const store = openSqliteStore(gen);
  await seedBench(store);
  const { seconds } = await fillStore(store, count, MONTH);
  await store.close(); // checkpoints the WAL into the file
  const dir = freshDir(diskBase, `stats-${count}`);
  for (const f of fs.readdirSync(gen)) if (fs.statSync(path.join(gen, f)).isFile()) fs.copyFileSync(path.join(gen, f), path.join(dir, f));
  removeDir(gen);
  return { dir, fillPerSecond: count / seconds };
}

/** Board and metricSums timings on the store in `dir` (already filled with `count` orders). */
export async function measureStatistics(dir: string, count: number, fillPerSecond: number, repeats = 5): Promise<StatsRun> {
  const fileMb = fs.statSync(path.join(dir, 'red-property.sqlite')).size / 2 ** 20;
  const store = openSqliteStore(dir);
  try {
    const deps = benchDeps(store, () => AS_OF);
    const board = async (s = deps) => {
      const t = performance.now();
      const reply = await FUNCTIONS.statistics({ action: 'board', role: 'supervisor', month: MONTH }, { devUserId: SUPERVISOR }, s);
      if (!reply.ok) throw new Error(`board: ${reply.error.code}`);
      const orders = (reply.data as { overall: { orders: number } }).overall.orders;
      if (orders < count * 0.9) throw new Error(`board counted ${orders} of ${count} orders`);
      return performance.now() - t;
    };
    const boardFirstMs = await board();
    const warm: number[] = [];
    for (let k = 0; k < repeats; k++) warm.push(await board());
    const calls: { call: string; ms: number }[] = [];
    await board({ ...deps, store: timedStore(store, calls) });
    const metricSumsMs: Partial<Record<GroupBy, number>> = {};
    const period = { from: AS_OF - 60 * DAY, to: AS_OF };
    for (const by of ['all', 'team', 'day'] as const) {
      const xs: number[] = [];
      for (let k = 0; k < repeats; k++) {
        const t = performance.now();
        await store.metricSums(COMMUNITY, period, by, AS_OF);
        xs.push(performance.now() - t);
      }
      metricSumsMs[by] = round(median(xs), 2);
    }
    return {
      orders: count,
      fillPerSecond: round(fillPerSecond, 0),
      fileMb: round(fileMb, 1),
      boardFirstMs: round(boardFirstMs, 1),
      boardMedianMs: round(median(warm), 1),
      boardMaxMs: round(Math.max(...warm), 1),
      metricSumsMs,
      boardCalls: calls.sort((a, b) => b.ms - a.ms).slice(0, 8),
    };
  } finally {
    await store.close();
  }
}
