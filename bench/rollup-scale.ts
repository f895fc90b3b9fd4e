/**
 * `npx tsx bench/rollup-scale.ts 100000 1000000`: the supervisor's board for a month of N orders on
 * the embedded store, read from the statistics rollups (backend/storage/rollups.ts). Prints one
 * JSON line per size: the board (as bench/statistics.ts measures it), how many rollup rows the
 * store holds, and the board's sums alone (fastest and median of 20, less exposed to the machine's
 * other load).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { monthRange, type StatsCut } from '@core';
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';
import { RAM, WORK, removeDir } from './lib/paths';
import { COMMUNITY } from './lib/world';
import { AS_OF, MONTH, buildStatsStore, measureStatistics } from './statistics';

const BOARD_BYS = ['all', 'day', 'team', 'compound', 'company', 'worker', 'category'] as const;

async function main() {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  for (const count of sizes.length ? sizes : [100_000]) {
    const { dir, fillPerSecond } = await buildStatsStore(RAM ?? WORK, WORK, count);
    try {
      const run = await measureStatistics(dir, count, fillPerSecond);
      const db = new Database(path.join(dir, 'red-property.sqlite'), { readonly: true });
      const rollupRows = db.prepare('SELECT COUNT(*) FROM metric_rollups').pluck().get();
      db.close();
      const store = openSqliteStore(dir);
      const r1 = (x: number) => Math.round(x * 10) / 10;
      // Fastest and median of 20 reads of the board's sums, whole or cut (core/stats-cut.ts).
      const timed = async (cut?: StatsCut) => {
        const xs: number[] = [];
        for (let k = 0; k < 20; k++) {
          const t = performance.now();
          await store.metricSumsMany(COMMUNITY, monthRange(MONTH)!, BOARD_BYS, AS_OF, cut);
          xs.push(performance.now() - t);
        }
        xs.sort((a, b) => a - b);
        return { min: r1(xs[0]!), median: r1(xs[10]!) };
      };
      const boardSums = await timed();
      // The bench's world puts every other order in 阳光小区 1号楼, the rest in 和平小区 5号楼: each cut holds half the month.
      const compoundCutMs = await timed({ compoundId: 'cp-yangguang', buildingId: null });
      const buildingCutMs = await timed({ compoundId: null, buildingId: 'b-yg-1' });
      await store.close();
      const line = {
        orders: count,
        rollupRows,
        boardSumsMs: boardSums,
        compoundCutMs,
        buildingCutMs,
        boardMedianMs: run.boardMedianMs,
        boardFirstMs: run.boardFirstMs,
      };
      console.log(JSON.stringify({ ...line, calls: run.boardCalls.slice(0, 3) }));
    } finally {
      removeDir(dir);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
