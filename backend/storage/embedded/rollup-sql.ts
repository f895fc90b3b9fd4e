import type Database from 'better-sqlite3';
import { dayName, type MetricSums, type OrderFacts, type ServiceCategory, type StatsCut } from '@core';
import {
  DIMS,
  dayOf,
  dayStart,
  dueOnly,
  mergeChanges,
  sameFacts,
  splitPeriod,
  type Dim,
  type KeyedSums,
  type RollupChange,
  type RollupEntry,
  type RollupKeys,
} from '../rollups';
import { METRIC_SUMS_SQL } from './metric-sql';

/**
 * The rollup table (see rollups.ts for what it holds and what is computed when asked). A missing
 * team or worker is stored as '' so that the primary key treats it as one value (SQL's NULLs are
 * all distinct), and so is a settled order's open_due_day. Also the partial index that finds the
 * unsettled orders whose deadline falls on the day of asking, which `due` counts at read time.
 *
 * And the queue of commits not yet folded into the rollups: a commit that changes an order's facts
 * appends one row (its facts before and after) in its own transaction, instead of moving a dozen
 * rollup rows; the queue is folded before the rollups are read and, in the commit that makes it long,
 * when a busy day's many changes collapse into few rows. Both are in the data file, so a crash loses none.
 */
export const ROLLUP_SCHEMA = `
CREATE TABLE IF NOT EXISTS metric_rollups (
  community_id TEXT NOT NULL,
  day TEXT NOT NULL,
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  open_due_day TEXT NOT NULL,
  orders INTEGER NOT NULL,
  responded_on_time INTEGER NOT NULL,
  settled INTEGER NOT NULL,
  resolved INTEGER NOT NULL,
  rated INTEGER NOT NULL,
  satisfied INTEGER NOT NULL,
  closed INTEGER NOT NULL,
  handling_ms INTEGER NOT NULL,
  overdue INTEGER NOT NULL,
  PRIMARY KEY (community_id, day, dim, key, open_due_day)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS orders_unsettled ON orders (community_id, resolve_due_at) WHERE counted = 1 AND settled = 0;
CREATE TABLE IF NOT EXISTS rollup_queue (
  seq INTEGER PRIMARY KEY,
  before TEXT,
  after TEXT
);
`;

/** The building an order was placed at (a column written when it is placed). */
export const BUILDING_COLUMN = 'building_id';
/**
 * The statistics cut by building and the group leader's list of a building's orders read this one.
 * Created on every open with the rest of the schema (IF NOT EXISTS), so an older file gains it
 * without a migration step. (A compound's cut reads the covering orders_metrics: see readCut.)
 */
export const CUT_INDEXES = `
CREATE INDEX IF NOT EXISTS orders_by_building ON orders (community_id, ${BUILDING_COLUMN}, created_at);
`;

const KEYS = 'community_id, day, dim, key, open_due_day';
const SUMS = ['orders', 'responded_on_time', 'settled', 'resolved', 'rated', 'satisfied', 'closed', 'handling_ms', 'overdue'] as const;
/** MetricSums' names in SUMS' order (`settled` is what the rollup keeps as `due`). */
const SUM_NAMES = ['orders', 'respondedOnTime', 'due', 'resolved', 'rated', 'satisfied', 'closed', 'handlingMs', 'overdue'] as const;
/** Each dimension's column in the orders table ('' for the `all` rows). */
const DIM_COLUMN: Record<Dim, string> = {
  all: "''",
  team: "COALESCE(team_id, '')",
  worker: "COALESCE(worker_id, '')",
  compound: 'compound_id',
  company: 'company_id',
  category: 'category',
};

/**
 * Recounts every rollup row from the orders' stored facts: the migration that introduces the table,
 * and the reference the rollups are tested against. The days are China time, as the core's `day`.
 */
export const REBUILD_ROLLUPS_SQL = `
DELETE FROM rollup_queue;
DELETE FROM metric_rollups;
INSERT INTO metric_rollups (${KEYS}, ${SUMS.join(', ')})
${DIMS.map(
  (dim) => `SELECT community_id, strftime('%Y-%m-%d', (created_at + 28800000) / 1000, 'unixepoch'), '${dim}', ${DIM_COLUMN[dim]},
  CASE WHEN settled = 1 THEN '' ELSE strftime('%Y-%m-%d', (resolve_due_at + 28800000) / 1000, 'unixepoch') END, COUNT(*),
  SUM(responded_on_time), SUM(settled), SUM(resolved), SUM(rated), SUM(satisfied),
  SUM(handling_ms IS NOT NULL), COALESCE(SUM(handling_ms), 0), SUM(overdue)
FROM orders WHERE counted = 1 GROUP BY 1, 2, 3, 4, 5`,
).join('\nUNION ALL\n')};
`;

/** The stored facts of an order row, as the core's OrderFacts (what its rollup row holds of it). */
export const FACT_COLUMN_NAMES = [
  'community_id',
  'compound_id',
  'company_id',
  'category',
  'team_id',
  'worker_id',
  'created_at',
  'counted',
  'responded_on_time',
  'resolve_due_at',
  'settled',
  'resolved',
  'rated',
  'satisfied',
  'handling_ms',
  'overdue',
] as const;
export const FACT_COLUMNS = FACT_COLUMN_NAMES.join(', ');
export interface FactRow {
  community_id: string;
  compound_id: string;
  company_id: string;
  category: ServiceCategory;
  team_id: string | null;
  worker_id: string | null;
  created_at: number;
  counted: number;
  responded_on_time: number;
  resolve_due_at: number;
  settled: number;
  resolved: number;
  rated: number;
  satisfied: number;
  handling_ms: number | null;
  overdue: number;
}
export const factsOfRow = (r: FactRow): OrderFacts => ({
  communityId: r.community_id,
  compoundId: r.compound_id,
  companyId: r.company_id,
  category: r.category,
  teamId: r.team_id,
  workerId: r.worker_id,
  createdAt: r.created_at,
  counted: r.counted === 1,
  respondedOnTime: r.responded_on_time === 1,
  resolveDueAt: r.resolve_due_at,
  settled: r.settled === 1,
  resolved: r.resolved === 1,
  rated: r.rated === 1,
  satisfied: r.satisfied === 1,
  handlingMs: r.handling_ms,
  overdue: r.overdue === 1,
});

/** Rows per upsert statement (largest first), and queued changes read per step of a fold. */
const UPSERT_SIZES = [64, 16, 4, 1] as const;
export const FOLD_ROWS = 512;
/**
 * Queued changes after which a commit folds one step (up to FOLD_ROWS, oldest first). The queue is
 * folded off the requests' path — by the housekeeping every minute and before every read of the
 * statistics — so this is only the bound for a process that runs no housekeeping (a script, the
 * tests, the bench's server). Small steps keep that bound's cost to a couple of milliseconds in one
 * commit, paid by the writes in proportion to the changes they queue: a fold of 2,047 changes at
 * once stalled one commit batch for 20–30 ms and charged every action's share to whichever request
 * reached the count. A step moves at least what was appended since the last, so the queue stays
 * short. Odd, so that a pattern of writes repeated over and over does not fold in the same one of
 * its steps every time.
 */
export const FOLD_EVERY = 255;

/** Statements over the rollup table and its queue, prepared once per store. */
export function rollupStatements(db: Database.Database, withoutOwnFsync: <T>(write: () => T) => T) {
  // Rows are upserted many to a statement (a statement's own overhead was most of a row's cost),
  // prepared once for each of UPSERT_SIZES.
  const ROW_PARAMS = `(${[...KEYS.split(', '), ...SUMS].map(() => '?').join(', ')})`;
  const upserts = new Map<number, Database.Statement>();
  const upsert = (n: number) => {
    let s = upserts.get(n);
    if (!s) {
      s = db.prepare(
        `INSERT INTO metric_rollups (${KEYS}, ${SUMS.join(', ')}) VALUES ${Array.from({ length: n }, () => ROW_PARAMS).join(', ')}
         ON CONFLICT (${KEYS}) DO UPDATE SET ${SUMS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
      );
      upserts.set(n, s);
    }
    return s;
  };
  /** A row that no order is in any more. */
  const dropEmpty = db.prepare(
    `DELETE FROM metric_rollups WHERE (${KEYS}) = (${KEYS.split(', ')
      .map(() => '?')
      .join(', ')}) AND orders = 0`,
  );
  const applyChanges = (changes: readonly RollupChange[]) => {
    for (let at = 0; at < changes.length; ) {
      // Chunks of a few fixed sizes, so the statements are prepared once each, never one per count.
      const size = UPSERT_SIZES.find((n) => n <= changes.length - at)!;
      const chunk = changes.slice(at, at + size);
      at += size;
      const params: unknown[] = [];
      for (const c of chunk) {
        params.push(c.communityId, c.day, c.dim, c.key ?? '', c.openDueDay ?? '');
        for (const name of SUM_NAMES) params.push(c.sums[name]);
      }
      upsert(chunk.length).run(params);
    }
    for (const c of changes) if (c.sums.orders < 0) dropEmpty.run(c.communityId, c.day, c.dim, c.key ?? '', c.openDueDay ?? '');
  };

  const enqueue = db.prepare('INSERT INTO rollup_queue (before, after) VALUES (?, ?)');
  const queued = db.prepare('SELECT seq, before, after FROM rollup_queue ORDER BY seq LIMIT ?').raw();
  const dequeue = db.prepare('DELETE FROM rollup_queue WHERE seq <= ?');
  const anyQueued = db.prepare('SELECT 1 FROM rollup_queue LIMIT 1').pluck();
  const facts = (json: unknown): OrderFacts | null => (typeof json === 'string' ? (JSON.parse(json) as OrderFacts) : null);
  /** Moves up to FOLD_ROWS queued changes into the rollups, inside the caller's transaction; answers how many. */
  const foldSome = (): number => {
    const rows = queued.all(FOLD_ROWS) as [number, string | null, string | null][];
    if (rows.length === 0) return 0;
    applyChanges(mergeChanges(rows.map(([, before, after]) => [facts(before), facts(after)] as const)));
    dequeue.run(rows[rows.length - 1]![0]);
    return rows.length;
  };
  /** Folds the queued changes into the rollups, inside the caller's transaction. */
  const foldRows = () => {
    while (foldSome() === FOLD_ROWS);
  };
  // Before a read, in a transaction of its own, committed without an fsync of its own: it moves
  // sums from the queue to the rollups in one transaction, so a power cut loses both or neither, and
  // the next durable commit in the same WAL makes it durable.
  const foldQueue = db.transaction(foldRows);
  const foldOneStep = db.transaction(foldSome);
  // Appended since this connection last folded; a commit that brings it to FOLD_EVERY folds a step.
  let appended = 0;
  const fold = () => {
    appended = 0;
    if (!db.open || !anyQueued.get()) return;
    withoutOwnFsync(() => foldQueue.immediate());
  };

  // The rollup rows of a range of days summed by SQLite to what the groupings need: per day for the
  // `all` rows (days, weeks, months and the whole period are sums of them), per key for the other
  // dimensions; `due` completed as dueByDay does (rollups.ts), its one parameter the day of asking.
  const rows = db
    .prepare(
      `SELECT CASE WHEN dim = 'all' THEN day ELSE '' END, dim, key,
         ${SUMS.map((c) => (c === 'settled' ? "SUM(settled + CASE WHEN open_due_day <> '' AND open_due_day < ? THEN orders ELSE 0 END)" : `SUM(${c})`)).join(', ')}
       FROM metric_rollups WHERE community_id = ? AND day >= ? AND day < ? GROUP BY 1, 2, 3`,
    )
    .raw();
  // Orders of the partial days, and the unsettled orders whose deadline fell earlier on the day of
  // asking, keyed by all their keys (the day as a number of China-time days since 1970). The latter
  // name their index: left to choose, SQLite scans the month through the covering orders_metrics.
  const fineKeys = "(created_at + 28800000) / 86400000, COALESCE(team_id, ''), COALESCE(worker_id, ''), compound_id, company_id, category";
  const edgeRows = db
    .prepare(
      `SELECT ${fineKeys}, ${METRIC_SUMS_SQL} FROM orders WHERE community_id = ? AND counted = 1 AND created_at >= ? AND created_at < ? GROUP BY 1, 2, 3, 4, 5, 6`,
    )
    .raw();
  const dueRows = db
    .prepare(
      `SELECT ${fineKeys}, COUNT(*) FROM orders INDEXED BY orders_unsettled
       WHERE community_id = ? AND counted = 1 AND settled = 0 AND resolve_due_at >= ? AND resolve_due_at <= ? AND created_at >= ? AND created_at < ?
       GROUP BY 1, 2, 3, 4, 5, 6`,
    )
    .raw();

  // A cut's orders (one compound or building) counted whole from the orders: the rollups do not
  // split a compound's days by team or worker. A compound's through the covering orders_metrics
  // (the community's month read from the index alone, never a document: 0.1 s for a compound of
  // 50k orders in a 100k month, a third of what its own index with a row lookup per order took);
  // a building's few through its own index (docs/performance.md has the figures).
  const cutWhere = (column: string) =>
    `WHERE community_id = ? AND ${column} = ? AND counted = 1 AND created_at >= ? AND created_at < ? GROUP BY 1, 2, 3, 4, 5, 6`;
  const compoundRows = db.prepare(`SELECT ${fineKeys}, ${METRIC_SUMS_SQL} FROM orders INDEXED BY orders_metrics ${cutWhere('compound_id')}`).raw();
  const buildingRows = db.prepare(`SELECT ${fineKeys}, ${METRIC_SUMS_SQL} FROM orders INDEXED BY orders_by_building ${cutWhere(BUILDING_COLUMN)}`).raw();

  const keysOf = (r: unknown[]): RollupKeys => ({
    day: dayName(Number(r[0])),
    teamId: (r[1] as string) || null,
    workerId: (r[2] as string) || null,
    compoundId: r[3] as string,
    companyId: r[4] as string,
    category: r[5] as ServiceCategory,
    openDueDay: null,
  });
  const sumsFrom = (r: unknown[], at: number) => Object.fromEntries(SUM_NAMES.map((name, i) => [name, Number(r[at + i] ?? 0)])) as unknown as MetricSums;

  return {
    /**
     * Queues one order's move for the rollups, inside the commit's transaction (nothing when no
     * counted fact changed). Every FOLD_EVERY-th queued change also folds a step: in the same
     * transaction, so it costs a few statements and no commit or fsync of its own.
     */
    record(before: OrderFacts | null, after: OrderFacts | null) {
      if (sameFacts(before, after)) return;
      enqueue.run(before && JSON.stringify(before), after && JSON.stringify(after));
      if (++appended < FOLD_EVERY) return;
      appended = 0;
      foldSome();
    },
    /** Folds every queued change into the rollups: before they are read, and by the recount's tests. */
    fold,
    /**
     * One step of the housekeeping's fold, committed without an fsync of its own, as a fold before a
     * read is: answers how many changes it moved (fewer than FOLD_ROWS: the queue is empty).
     */
    foldStep(): number {
      if (!db.open) return 0;
      const moved = withoutOwnFsync(() => foldOneStep.immediate());
      if (moved < FOLD_ROWS) appended = 0;
      return moved;
    },
    /**
     * What the statistics of a period need as of a moment: the rollup rows of its whole days, and
     * the orders counted at read time (partial days; unsettled ones due on the day of asking).
     */
    read(communityId: string, period: { from: number; to: number }, asOf: number): { entries: RollupEntry[]; orders: KeyedSums[] } {
      fold();
      const split = splitPeriod(period);
      const entries: RollupEntry[] = [];
      const orders: KeyedSums[] = [];
      if (split.days) {
        for (const r of rows.all(dayOf(asOf), communityId, split.days.fromDay, split.days.toDay) as unknown[][])
          entries.push({ day: r[0] as string, dim: r[1] as Dim, key: (r[2] as string) || null, openDueDay: null, sums: sumsFrom(r, 3) });
        for (const r of dueRows.all(communityId, dayStart(asOf), asOf, split.days.from, split.days.to) as unknown[][])
          orders.push({ keys: keysOf(r), sums: dueOnly(Number(r[6])) });
      }
      for (const e of split.edges)
        for (const r of edgeRows.all(asOf, communityId, e.from, e.to) as unknown[][]) orders.push({ keys: keysOf(r), sums: sumsFrom(r, 6) });
      return { entries, orders };
    },
    /** The orders of one cut placed in a period, counted as of a moment (a building's when it names one, else its compound's). */
    readCut(communityId: string, cut: StatsCut, period: { from: number; to: number }, asOf: number): KeyedSums[] {
      const rows = (
        cut.buildingId !== null
          ? buildingRows.all(asOf, communityId, cut.buildingId, period.from, period.to)
          : compoundRows.all(asOf, communityId, cut.compoundId, period.from, period.to)
      ) as unknown[][];
      // A building named with a compound it is not in has no orders of that compound.
      return rows.filter((r) => cut.compoundId === null || r[3] === cut.compoundId).map((r) => ({ keys: keysOf(r), sums: sumsFrom(r, 6) }));
    },
  };
}
