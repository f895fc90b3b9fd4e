import { availableActions, redactOrder, type Actor, type Order, type OrderView } from '@core';

/**
 * The order as this actor may see it, with the actions the core allows them now: always a new
 * object, since the order may be the one the store hands to every reader (order-cache.ts). Copied
 * key by key onto a new object rather than spread with `actions` added, which would give each view
 * a hidden class of its own (core/order-number.ts says what that cost).
 */
export function viewOrder(order: Order, actor: Actor, now: number): OrderView {
  const seen = redactOrder(order, actor, now);
  const actions = availableActions(order, { now, actor });
  // A redacted order is already a copy made for this view.
  return seen === order ? Object.assign({}, order, { actions }) : Object.assign(seen, { actions });
}
