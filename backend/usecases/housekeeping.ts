import type { Deps } from '../runtime/deps';
import { REPLY_TTL } from '../runtime/idempotency';

/** What one round of housekeeping removed. */
export interface HousekeepingReport {
  /** Stored replies older than REPLY_TTL. */
  readonly replies: number;
}

/**
 * Removes what is kept only for a while: replies to requests older than REPLY_TTL. Runs beside the
 * sweep (CloudBase's timer, the local server's scheduler), so a busy day's replies never pile up.
 */
export async function keepHouse(deps: Deps): Promise<HousekeepingReport> {
  return { replies: await deps.store.pruneReplies(deps.now() - REPLY_TTL) };
}
