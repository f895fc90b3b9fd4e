import type { Db } from '@cloudbase/database';
import type { LoadCorrection } from '../port';
import { fetchAll } from './collections';
import { isExpiredTransaction, isRaceError, type TxDb } from './commit';
import type { Names } from './names';
import { nextLoad, workerLoadOf, type WorkerLoad } from './worker-load-doc';

/** Rows of one aggregation page (the service answers at most 1,000). */
const PAGE = 1000;
const rowsOf = (res: { data?: unknown }) => (Array.isArray(res.data) ? (res.data as Record<string, unknown>[]) : []);

/** How many open orders each worker holds, counted from the orders' stored holder. */
async function heldByWorker(db: Db, names: Names): Promise<Map<string, number>> {
  const _ = db.command;
  const held = new Map<string, number>();
  // Keyset pages over the holder index, in case more than a page of workers hold orders.
  for (let after = ''; ; ) {
    const rows = rowsOf(
      await db
        .collection(names.orders)
        .aggregate()
        .match({ 'idx.holderId': _.gt(after) })
        .group({ _id: '$idx.holderId', n: _.aggregate.sum(1) })
        .sort({ _id: 1 })
        .limit(PAGE)
        .end(),
    );
    for (const r of rows) if (typeof r._id === 'string') held.set(r._id, Number(r.n));
    const last = rows[rows.length - 1]?._id;
    if (rows.length < PAGE || typeof last !== 'string') return held;
    after = last;
  }
}

/**
 * Sets one counter to `count` only if no commit wrote it since it was read at `seen` (its revision
 * is unchanged): a commit that moved an order meanwhile counted that move itself, and the next run
 * looks again. True when it wrote.
 */
async function setIfUntouched(db: TxDb, names: Names, workerId: string, seen: WorkerLoad, count: number): Promise<boolean> {
  const tx = await db.startTransaction();
  try {
    const ref = tx.collection(names.workerLoad).doc(workerId);
    const now = workerLoadOf((await ref.get()).data);
    if (now.rev !== seen.rev) {
      await tx.rollback();
      return false;
    }
    await ref.set(nextLoad(now, count));
    await tx.commit();
    return true;
  } catch (e) {
    await tx.rollback().catch(() => undefined);
    if (isRaceError(e) || isExpiredTransaction(e)) return false;
    throw e;
  }
}

/**
 * Brings every worker's open-order counter in line with a recount of the orders they hold: seeds
 * the counters of an environment whose orders predate them, and repairs any that drifted. Counters
 * are read before the recount, and each is corrected only if no commit touched it since, so a
 * transition racing the reconciliation is never undone.
 */
export async function reconcileWorkerLoads(db: Db, names: Names): Promise<LoadCorrection[]> {
  const counters = new Map((await fetchAll(db.collection(names.workerLoad), db.command, {})).map((d) => [String(d._id), workerLoadOf(d)]));
  const held = await heldByWorker(db, names);
  const corrections: LoadCorrection[] = [];
  for (const workerId of new Set([...counters.keys(), ...held.keys()])) {
    const seen = counters.get(workerId) ?? workerLoadOf(null);
    const count = held.get(workerId) ?? 0;
    if (seen.count === count) continue;
    if (await setIfUntouched(db as unknown as TxDb, names, workerId, seen, count)) corrections.push({ workerId, was: seen.count, now: count });
  }
  return corrections;
}
