import { GROUP_BYS, groupKey, type Order } from '@core';
import { orderIndex } from '../order-index';

/**
 * Values derived from an order on every write, stored under `idx` beside the order's own fields:
 * the database cannot run the core's functions, so the sweep queue, the attention queues and the
 * 三率 sums query these instead. Flags are 0/1 so aggregation can `$sum` them directly.
 */
export function indexFields(o: Order) {
  const { facts: f, handlingMs, ...index } = orderIndex(o);
  return {
    ...index,
    closed: handlingMs === null ? 0 : 1,
    handlingMs: handlingMs ?? 0,
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
