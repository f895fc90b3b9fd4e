import { GROUP_BYS, groupKey, nextSweepAt, orderFacts, type Order } from '@core';

/**
 * Values derived from an order on every write, stored under `idx` beside the order's own fields:
 * the database cannot run the core's functions, so the sweep queue, the attention queues and the
 * 三率 sums query these instead. Flags are 0/1 so aggregation can `$sum` them directly.
 */
export function indexFields(o: Order) {
  const f = orderFacts(o);
  const b = (x: boolean) => (x ? 1 : 0);
  return {
    nextSweepAt: nextSweepAt(o),
    clockLevel: o.clock?.level ?? 0,
    openComplaints: o.complaints.filter((c) => !c.answer).length,
    openInstructions: o.instructions.filter((i) => !i.answer).length,
    counted: b(f.counted),
    respondedOnTime: b(f.respondedOnTime),
    resolveDueAt: f.resolveDueAt,
    settled: b(f.settled),
    resolved: b(f.resolved),
    rated: b(f.rated),
    satisfied: b(f.satisfied),
    closed: b(f.handlingMs !== null),
    handlingMs: f.handlingMs ?? 0,
    overdue: b(f.overdue),
    // Each statistics grouping's key, as the core defines it (China-time calendar buckets included).
    groups: Object.fromEntries(GROUP_BYS.filter((g) => g !== 'all').map((g) => [g, groupKey(f, g)])),
  };
}

/** The order as stored: the Order (with its version) plus `idx`. */
export const toOrderDoc = (o: Order) => ({ ...o, idx: indexFields(o) });

export function fromOrderDoc(doc: Record<string, unknown>): Order {
  const { _id, idx, ...order } = doc;
  return order as unknown as Order;
}
