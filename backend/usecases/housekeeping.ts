import type { Deps } from '../runtime/deps';
import { REPLY_TTL } from '../runtime/idempotency';
import { UPLOAD_TTL } from '../runtime/photos';

/**
 * Whether the order a photo was claimed for was written. Its existence is enough: a 完工上报's photos
 * stay on the timeline after a 返工 clears the completion, and the claim comes only after every check
 * of the write passed.
 */
async function holds(deps: Deps, orderId: string): Promise<boolean> {
  return (await deps.store.getOrder(orderId)) !== null;
}

/** What one round of housekeeping removed. */
export interface HousekeepingReport {
  /** Stored replies older than REPLY_TTL. */
  readonly replies: number;
  /** Photos uploaded more than UPLOAD_TTL ago and never put on an order. */
  readonly photos: number;
  /** What was folded into the rollups: orders (CloudBase) or queued changes of orders (embedded). */
  readonly rollups: number;
  /** Commits finished and claims corrected after a function killed midway (CloudBase). */
  readonly finished: number;
}

/** Wall-clock time one run spends folding statistics into the rollups; the next run takes the rest. */
export const ROLLUP_FOLD_BUDGET_MS = 10_000;

/**
 * Removes what is kept only for a while: replies to requests older than REPLY_TTL, and photos never
 * put on an order within UPLOAD_TTL (where this process keeps the photos); and folds the orders'
 * statistics into the rollups, which both stores do after the commit, off the requests' path. Runs
 * beside the sweep (CloudBase's timer, the local server's scheduler), so a busy day's replies and
 * queued statistics never pile up.
 */
export async function keepHouse(deps: Deps): Promise<HousekeepingReport> {
  // By the real time: a dev clock moved ahead must not make a photo uploaded a minute ago, or the
  // reply a retry still needs, look a day old.
  const now = deps.realNow?.() ?? deps.now();
  return {
    replies: await deps.store.pruneReplies(now - REPLY_TTL),
    photos: deps.photos ? await deps.photos.removeUnattached(now - UPLOAD_TTL, (orderId) => holds(deps, orderId)) : 0,
    // Before the fold, so that what a killed commit wrote reaches the statistics in this run.
    finished: deps.store.finishCommits ? await deps.store.finishCommits(now) : 0,
    rollups: deps.store.foldRollups ? await deps.store.foldRollups(ROLLUP_FOLD_BUDGET_MS) : 0,
  };
}
