import type { Db } from '@cloudbase/database';
import { mergeChanges, type RollupChange, type RollupEntry } from '../rollups';
import { isExpiredTransaction, isRaceError, type Inc, type Tx, type TxDb } from './transactions';
import type { Names } from './names';
import { storedFacts } from './order-doc';
import { rolledOf } from './rollup-marks';
import { rollupDocId, rowField, SUMS } from './rollup-docs';
import { rowsOf } from './docs';

/**
 * The statistics rollups folded in after the commit: a transition only marks its order
 * (`rollupDue`, rollup-marks.ts) in the write it makes anyway, and this moves each marked order's
 * change (its facts − what `rolled` says the rollups hold) into the rollup documents, in a
 * transaction that also writes the order's `rolled` and clears its mark. A crash therefore loses
 * or doubles nothing, and a transition on an order being folded makes one of the two conflict and
 * retry on what the other wrote. The sweep's housekeeping folds every minute; a read of the
 * rollups folds its community first (metricSumsMany), so the statistics stay exact.
 */

/** Orders per fold transaction: few order locks held at once, and a conflict redoes little. */
export const FOLD_CHUNK = 10;
/** Due orders a read of the statistics folds before reading; the rest it counts from the orders (pendingEntries). */
export const FOLD_ON_READ = 20;
/** Due orders asked for per query (the service answers at most 1,000). */
const PAGE = 100;
const ATTEMPTS = 6;

type Raw = Record<string, unknown>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Orders due for folding, of one community or of all (the index `rollup_due`). */
const dueWhere = (communityId?: string) => (communityId === undefined ? { rollupDue: true } : { rollupDue: true, communityId });

export interface FoldLimits {
  /** One community's orders (a read of its statistics), or every community's (the housekeeping). */
  readonly communityId?: string;
  /** At most this many orders. */
  readonly maxOrders: number;
  /** Stops between transactions once this much wall-clock time is spent. */
  readonly budgetMs?: number;
}

export interface FoldReport {
  readonly folded: number;
  /** Stopped at a limit, or left orders a contended transaction could not fold: some may still be due. */
  readonly unfinished: boolean;
}

/** Folds due orders in transactions of FOLD_CHUNK, within the limits; what it leaves, the next fold takes. */
export async function foldRollups(db: Db, names: Names, limits: FoldLimits): Promise<FoldReport> {
  const started = performance.now();
  const outOfTime = () => performance.now() - started >= (limits.budgetMs ?? Number.POSITIVE_INFINITY);
  const tried = new Set<string>();
  let folded = 0;
  /** A transaction that others kept winning left its orders due. */
  let lost = false;
  for (;;) {
    const room = limits.maxOrders - tried.size;
    if (room <= 0 || outOfTime()) return { folded, unfinished: true };
    const limit = Math.min(1000, Math.min(PAGE, room) + tried.size);
    const found = rowsOf(await db.collection(names.orders).where(dueWhere(limits.communityId)).limit(limit).get());
    // Orders a lost transaction left due come back: not tried twice in one run.
    const ids = found.map((d) => String(d._id)).filter((id) => !tried.has(id));
    if (ids.length === 0) return { folded, unfinished: found.length > 0 };
    const taken = ids.slice(0, room);
    for (let i = 0; i < taken.length; i += FOLD_CHUNK) {
      const chunk = taken.slice(i, i + FOLD_CHUNK);
      for (const id of chunk) tried.add(id);
      const n = await foldChunk(db as unknown as TxDb, names, chunk);
      if (n === null) lost = true;
      else folded += n;
      if (outOfTime()) return { folded, unfinished: true };
    }
    // The query found all there were: no need to ask again.
    if (found.length < limit) return { folded, unfinished: lost || taken.length < ids.length };
  }
}

/**
 * Folds a few orders in one transaction: each re-read inside it (a commit may have changed it since
 * the query), its change added to the rollup rows, its `rolled` set and its mark cleared. Answers
 * how many it folded; null when others kept winning (the orders stay due for the next fold).
 */
async function foldChunk(db: TxDb, names: Names, ids: readonly string[]): Promise<number | null> {
  const inc: Inc = (n) => db.command.inc(n);
  for (let attempt = 1; ; attempt++) {
    const tx = await db.startTransaction();
    try {
      const moves: [ReturnType<typeof rolledOf>, ReturnType<typeof storedFacts>][] = [];
      const writes: [string, Raw][] = [];
      for (const id of ids) {
        const doc = (await tx.collection(names.orders).doc(id).get()).data;
        if (doc?.rollupDue !== true) continue;
        const { _id, ...rest } = doc;
        const facts = storedFacts(doc);
        moves.push([rolledOf(doc), facts]);
        // `rev` moved: a commit that read the order before this write writes it again on a fresh read (commit.ts).
        writes.push([id, { ...rest, rolled: facts, rollupDue: false, rev: Number(rest.rev ?? 0) + 1 }]);
      }
      if (writes.length === 0) {
        await tx.rollback().catch(() => undefined);
        return 0;
      }
      // The whole document rewritten: a commit's write landing since the read makes this one conflict.
      for (const [id, doc] of writes) await tx.collection(names.orders).doc(id).set(doc);
      await applyRollups(tx, names, inc, mergeChanges(moves));
      await tx.commit();
      return writes.length;
    } catch (e) {
      await tx.rollback().catch(() => undefined);
      // An expired transaction wrote nothing; if it did land after all, the re-read finds nothing due.
      if (!(isRaceError(e) || isExpiredTransaction(e))) throw e;
      if (attempt >= ATTEMPTS) return null;
      await sleep(10 * attempt * (0.5 + Math.random()));
    }
  }
}

/**
 * What the rollups lack for a community's orders still due after a read's fold (FOLD_ON_READ reached,
 * or a fold running elsewhere held them): their changes as rollup entries, read from the orders,
 * added to the rows at read time. One query per 1,000 such orders.
 */
export async function pendingEntries(db: Db, names: Names, communityId: string): Promise<RollupEntry[]> {
  const _ = db.command;
  const moves: [ReturnType<typeof rolledOf>, ReturnType<typeof storedFacts>][] = [];
  for (let after = ''; ; ) {
    const rows = rowsOf(
      await db
        .collection(names.orders)
        .where(_.and([dueWhere(communityId), { _id: _.gt(after) }]))
        .orderBy('_id', 'asc')
        .limit(1000)
        .get(),
    );
    for (const d of rows) moves.push([rolledOf(d), storedFacts(d)]);
    if (rows.length < 1000) break;
    after = String(rows[rows.length - 1]!._id);
  }
  return mergeChanges(moves);
}

/**
 * Adds changes to the rollup documents inside a transaction: one document per community and day
 * holds that day's rows (rollups.ts), each row's sums moved by `_.inc` in one update; a day's first
 * fold finds none and writes it whole. Folds running at once conflict on a shared day and retry.
 */
async function applyRollups(tx: Tx, names: Names, inc: Inc, changes: readonly RollupChange[]): Promise<void> {
  const byDoc = new Map<string, RollupChange[]>();
  for (const c of changes) {
    const id = rollupDocId(c.communityId, c.day);
    byDoc.set(id, [...(byDoc.get(id) ?? []), c]);
  }
  for (const [id, list] of byDoc) {
    const ref = tx.collection(names.metricRollups).doc(id);
    const first = list[0]!;
    const rows = (sums: (c: RollupChange, k: (typeof SUMS)[number]) => unknown) =>
      Object.fromEntries(
        list.map((c) => [rowField(c), { dim: c.dim, key: c.key, openDueDay: c.openDueDay, ...Object.fromEntries(SUMS.map((k) => [k, sums(c, k)])) }]),
      );
    const moved = (await ref.update({ communityId: first.communityId, day: first.day, rows: rows((c, k) => inc(c.sums[k])) })) as { updated?: number };
    if (!moved.updated) await ref.set({ communityId: first.communityId, day: first.day, rows: rows((c, k) => c.sums[k]) });
  }
}
