import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY, GROUP_BYS } from '@core';
import { dataFileOf } from '@backend/storage/embedded/backups';
import { keepHouse } from '@backend/usecases/housekeeping';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import { FOLD_EVERY } from '@backend/storage/embedded/rollup-sql';
import { dayStart } from '@backend/storage/rollups';
import { T0, generateOrders, nextCommit, placeAndMove } from './fixtures';
import { byKey, expectedSums } from './contract/reference-model';

/**
 * The embedded store queues each commit's change to the rollups and folds the queue later (before
 * the rollups are read, or by the commit that makes the queue long). Whatever was folded when, the statistics
 * equal a recount of the orders, and a queued change is as durable as the commit that made it.
 */
const dirs: string[] = [];
const freshDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-rollup-queue-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const queueLength = (dir: string) => {
  const db = new Database(dataFileOf(dir), { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM rollup_queue').pluck().get() as number;
  } finally {
    db.close();
  }
};
/**
 * Makes the queue longer than a step of the fold, as a file written by a version that folded only
 * every 2,047 changes left it: pairs of moves that cancel out (a queued change and its reverse), so
 * the statistics still equal a recount however much of the backlog is folded.
 */
const lengthenQueue = (dir: string, pairs: number) => {
  const db = new Database(dataFileOf(dir));
  try {
    const [before, after] = db.prepare('SELECT before, after FROM rollup_queue ORDER BY seq LIMIT 1').raw().get() as [string | null, string | null];
    const insert = db.prepare('INSERT INTO rollup_queue (before, after) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < pairs; i++) {
        insert.run(before, after);
        insert.run(after, before);
      }
    })();
  } finally {
    db.close();
  }
};
const period = { from: dayStart(T0) - DAY, to: dayStart(T0) + 4 * DAY };
const tick = () => new Promise((r) => setImmediate(r));

describe('the rollup queue of the embedded store', () => {
  it('folds a step in every commit that queues a FOLD_EVERY-th change, and the statistics still equal a recount', async () => {
    const dir = freshDir();
    const store = openSqliteStore(dir);
    const orders = await placeAndMove(store, generateOrders(1000, 11));
    await tick();
    // 2,000 commits with nothing else folding (one fold of 2,047 would not have come yet): the commits folded
    // in steps, so less than a step's worth is left.
    expect(queueLength(dir)).toBeLessThan(FOLD_EVERY);
    expect(queueLength(dir)).toBeGreaterThan(0);
    for (const asOf of [T0, T0 + 30 * 3_600_000, T0 + 100 * DAY]) {
      const many = await store.metricSumsMany('c1', period, GROUP_BYS, asOf);
      expect(many.map((g) => byKey(g))).toEqual(GROUP_BYS.map((by) => byKey(expectedSums(orders, 'c1', period, by, asOf))));
    }
    expect(queueLength(dir)).toBe(0);
    await store.close();
  });

  it('is folded by the housekeeping a step at a time, and the statistics still equal a recount', async () => {
    const dir = freshDir();
    const store = openSqliteStore(dir);
    const orders = await placeAndMove(store, generateOrders(400, 5));
    await tick();
    lengthenQueue(dir, 400);
    const queued = queueLength(dir);
    expect(queued).toBeGreaterThan(512);
    const report = await keepHouse({ store, now: () => T0, newId: (p) => `${p}-1` });
    expect(report.rollups).toBe(queued);
    expect(queueLength(dir)).toBe(0);
    for (const asOf of [T0, T0 + 100 * DAY]) {
      const many = await store.metricSumsMany('c1', period, GROUP_BYS, asOf);
      expect(many.map((g) => byKey(g))).toEqual(GROUP_BYS.map((by) => byKey(expectedSums(orders, 'c1', period, by, asOf))));
    }
    await store.close();
  });

  it('stops the housekeeping’s fold at its time budget, leaving the rest for the next run', async () => {
    const dir = freshDir();
    const store = openSqliteStore(dir);
    await placeAndMove(store, generateOrders(400, 6));
    await tick();
    lengthenQueue(dir, 400);
    const queued = queueLength(dir);
    expect(await store.foldRollups!(0)).toBe(512);
    expect(queueLength(dir)).toBe(queued - 512);
    await store.close();
  });

  it('keeps queued changes across a restart that came before any fold', async () => {
    const dir = freshDir();
    const first = openSqliteStore(dir);
    const orders = await placeAndMove(first, generateOrders(20, 3));
    await first.close();
    expect(queueLength(dir)).toBeGreaterThan(0);
    const again = openSqliteStore(dir);
    const sums = await again.metricSums('c1', period, 'all', T0 + 100 * DAY);
    expect(byKey(sums)).toEqual(byKey(expectedSums(orders, 'c1', period, 'all', T0 + 100 * DAY)));
    await again.close();
  });

  it('queues nothing for a commit that changes no counted fact', async () => {
    const dir = freshDir();
    const store = openSqliteStore(dir);
    const [o] = await placeAndMove(store, generateOrders(1, 5));
    await store.metricSums('c1', period, 'all', T0); // folds what placing queued
    expect(await store.commit(nextCommit(o!, { updatedAt: o!.updatedAt + 1 }))).toEqual({ ok: true });
    expect(queueLength(dir)).toBe(0);
    await store.close();
  });
});
