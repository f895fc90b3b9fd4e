import { randomUUID } from 'node:crypto';
import type { Db } from '@cloudbase/database';
import type { Names } from './names';

/** How many open orders each of some workers holds, counted from the orders' stored holder (the `holder` index). */
export type CountHeld = (workerIds: readonly string[]) => Promise<Record<string, number>>;

/** One group per worker asked about; the service answers 20 rows without a $limit. */
const MAX_GROUPS = 1000;

export function countHeld(db: Db, names: Names): CountHeld {
  const _ = db.command;
  return async (workerIds) => {
    const held: Record<string, number> = Object.fromEntries(workerIds.map((id) => [id, 0]));
    if (workerIds.length === 0) return held;
    const res = (await db
      .collection(names.orders)
      .aggregate()
      .match({ 'idx.holderId': _.in([...workerIds]) })
      .group({ _id: '$idx.holderId', n: _.aggregate.sum(1) })
      .limit(MAX_GROUPS)
      .end()) as { data?: unknown };
    for (const g of Array.isArray(res.data) ? (res.data as Record<string, unknown>[]) : []) if (typeof g._id === 'string') held[g._id] = Number(g.n);
    return held;
  };
}

/**
 * What a commit writes, inside its transaction, to the document of the worker an order arrives at
 * (`rp_worker_load`, _id = the worker's id). It is not a count: the cap is checked on a count of
 * the orders (countHeld), taken outside the transaction after its first read. This write is what
 * makes two arrivals at one worker conflict, so that of two racing grabs the second is retried and
 * counts the first's order; an arrival committed before the transaction's first read is in the
 * count. Leaving a worker writes nothing. The content differs every time, so that no service can
 * take the write for a no-op and skip the conflict.
 */
export const arrivalMark = (orderId: string) => ({ orderId, mark: randomUUID() });
