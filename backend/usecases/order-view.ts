import { availableActions, redactOrder, type Actor, type Order, type OrderView } from '@core';

/**
 * The order as this actor may see it, with the actions the core allows them now. Built on `order`
 * itself where the actor may see all of it, so pass the caller's own copy (the store parses one for
 * every read; a write's order is the one the core just made). The order gains `actions` and nothing
 * else changes, so whoever still reads its fields (a write's deliveries) reads the same. Copying a
 * document of some fifty fields cost half as much as parsing it, for every order of every list.
 */
export const viewOrder = (order: Order, actor: Actor, now: number): OrderView =>
  Object.assign(redactOrder(order, actor, now), { actions: availableActions(order, { now, actor }) });
