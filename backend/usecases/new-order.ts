import { fail, type Actor, type AppError, type Result } from '@core';
import type { Deps } from '../runtime/deps';
import { orderIdFor, replyKey } from '../runtime/idempotency';
import { readmit } from '../runtime/rate-limit';
import { earlierReply, type Mutation, type OrderReply } from './commit-once';

/** How a create request is kept to one order (Store.idsFromRequests). */
export interface NewOrder {
  /** An earlier answer to the same request, given back before anything else (stores that look first). */
  readonly earlier: Result<OrderReply, AppError> | null;
  /** The new order's id. */
  id(): string;
  /** A refusal, unless the same request was answered before: then that answer. */
  replayOr(refusal: Result<never, AppError>): Promise<Result<OrderReply, AppError>>;
  /** What a write refused as a version conflict means: another order under the id (none can: the id source is broken), or a request id reused after its reply expired. */
  readonly taken: Result<never, AppError>;
}

/**
 * Where the store takes new orders' ids from their requests, the insert refuses a retry, so the
 * earlier reply is looked up only when the request cannot go ahead (one round trip less on every
 * create); a retry then uses up an order number (a gap: numbers are unique, not dense) and claims
 * its photos again for the same order.
 *
 * Elsewhere a new order's id is fresh each time. The commit still refuses a request id it has stored
 * (Store.commit), and commitOnce then answers the earlier reply, so a create without photos looks
 * nothing up before it is written either (a retry uses up a number, as above). One with photos
 * (`claimsFiles`) looks first: its retry would claim them again for an order never written.
 */
export async function newOrderFor(deps: Deps, m: Mutation, actor: Actor, prefix: string, claimsFiles: boolean): Promise<NewOrder> {
  // A retry is found out at the write, and its earlier reply looked up only if the request cannot
  // go ahead; the one exception, below, is a create with photos on a store of fresh ids.
  const replayOr = async (r: Result<never, AppError>) => (await earlierReply(deps, m, actor, null)) ?? r;
  if (deps.store.idsFromRequests) {
    const id = orderIdFor(prefix, replyKey(m.userId, m.requestId));
    return { earlier: null, id: () => id, replayOr, taken: fail('IDEMPOTENCY.KEY_REUSED') };
  }
  const id = () => deps.newId(prefix);
  if (claimsFiles) return { earlier: await earlierReply(deps, m, actor, null), id, replayOr: async (r) => r, taken: fail('INTERNAL') };
  return { earlier: null, id, replayOr, taken: fail('INTERNAL') };
}

/**
 * What a create's write answered. Where the commit recognised a retry, it answered the first
 * request's order (another id than this attempt's): the attempt that `admit` counted at `admittedAt`
 * is given back, since retries count against no ceiling.
 */
export function answered(deps: Deps, userId: string, admittedAt: number, orderId: string, written: Result<OrderReply, AppError>): Result<OrderReply, AppError> {
  if (written.ok && written.value.order.id !== orderId) readmit(deps.limits, userId, admittedAt);
  return written;
}
