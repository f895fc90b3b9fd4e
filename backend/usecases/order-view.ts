import { availableActions, redactOrder, type Actor, type Order, type OrderView } from '@core';

/** The order as this actor may see it, with the actions the core allows them now. */
export const viewOrder = (order: Order, actor: Actor, now: number): OrderView => ({
  ...redactOrder(order, actor, now),
  actions: availableActions(order, { now, actor }),
});
