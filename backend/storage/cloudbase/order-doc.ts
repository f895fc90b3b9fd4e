import { GROUP_BYS, groupKey, type Order, type OrderFacts, type OrderIndex, type ServiceCategory } from '@core';
import { storedIndex } from '../order-index';
import type { KeptReply } from './order-replies';

/**
 * The core's index of an order as stored under `idx` beside the order's own fields: the database
 * cannot run the core's functions, so the sweep queue, the scopes, the attention queues and the
 * 三率 sums query these instead. Flags are 0/1 so aggregation can `$sum` them directly.
 */
export function indexFields(ix: OrderIndex) {
  const { handlingMs, ...stored } = storedIndex(ix);
  // The spread last: keys added after a spread of a small object build it key by key (slow).
  return {
    closed: handlingMs === null ? 0 : 1,
    handlingMs: handlingMs ?? 0,
    // Each statistics grouping's key, as the core defines it (China-time calendar buckets included).
    groups: Object.fromEntries(GROUP_BYS.filter((g) => g !== 'all').map((g) => [g, groupKey(ix.facts, g)])),
    ...stored,
  };
}

/**
 * The order as stored: the Order (with its version), `idx`, and the replies to the requests that
 * changed it (order-replies.ts); a commit adds its rollup marks (`rolled`, `rollupDue`: rollup-marks.ts)
 * and `rev`, which every write of the document moves, and `holderClaim`, the token of its holder's
 * claim (commit.ts, worker-arrivals.ts).
 */
export const toOrderDoc = (o: Order, ix: OrderIndex, requests: readonly KeptReply[] = []) => ({ ...o, idx: indexFields(ix), requests });

/** The version at which the stored order's holder got it, their claim's token (worker-arrivals.ts); null before tokens were kept. */
export const heldSince = (doc: Record<string, unknown> | null | undefined): number | null => (typeof doc?.holderClaim === 'number' ? doc.holderClaim : null);

export function fromOrderDoc(doc: Record<string, unknown>): Order {
  const { _id, idx, requests, rolled, rollupDue, rev, holderClaim, ...order } = doc;
  return order as unknown as Order;
}

/**
 * The 三率 facts a stored order was counted with, read back from its `idx` (not re-derived from the
 * order: its rollup row holds what was stored, even if the core has changed since); null for an
 * order stored without an index.
 */
export function storedFacts(doc: Record<string, unknown>): OrderFacts | null {
  // An order written before the index existed was never counted in any rollup.
  if (!doc.idx || typeof doc.idx !== 'object') return null;
  const ix = doc.idx as Record<string, unknown>;
  // Nor was one whose index predates the facts (the rollup rebuild counts such environments afresh).
  if (typeof ix.resolveDueAt !== 'number' || typeof doc.createdAt !== 'number') return null;
  const groups = (ix.groups ?? {}) as Record<string, string | null>;
  const flag = (k: string) => ix[k] === 1;
  return {
    communityId: String(doc.communityId),
    compoundId: String(doc.compoundId),
    companyId: String(doc.companyId),
    category: doc.category as ServiceCategory,
    teamId: groups.team ?? null,
    workerId: groups.worker ?? null,
    createdAt: Number(doc.createdAt),
    counted: flag('counted'),
    respondedOnTime: flag('respondedOnTime'),
    resolveDueAt: Number(ix.resolveDueAt),
    settled: flag('settled'),
    resolved: flag('resolved'),
    rated: flag('rated'),
    satisfied: flag('satisfied'),
    handlingMs: flag('closed') ? Number(ix.handlingMs) : null,
    overdue: flag('overdue'),
  };
}
