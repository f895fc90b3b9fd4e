import { ACTION_TYPES, fail, type ActionType, type OrderAction } from '@core';
import { actOnOrder } from '../usecases/act-on-order';
import { placeOrder } from '../usecases/create-order';
import { getOrder, listOrders } from '../usecases/order-queries';
import { defineFunction, type Run } from './define-function';

/** Every lifecycle action runs the same use case; the contract already validated its input. */
const lifecycle = Object.fromEntries(
  ACTION_TYPES.map((type) => {
    const run: Run<'orders', ActionType> = (deps, actor, { orderId, version, requestId, input }) =>
      actOnOrder(deps, actor, { orderId, version, requestId, action: { type, input } as OrderAction });
    return [type, run];
  }),
) as { readonly [A in ActionType]: Run<'orders', A> };

/** 工单: place, list, read, and every action of the lifecycle. */
export const orders = defineFunction('orders', {
  // No reads before the rate limit: the core finds the households one orders for on the user itself (party-grid.ts).
  create: (deps, user, { requestId, order }) =>
    user.roles.includes('resident')
      ? placeOrder(deps, { user, role: 'resident', teamIds: [] }, requestId, order)
      : Promise.resolve(fail('AUTH.ROLE_NOT_HELD', { role: 'resident' })),
  list: (deps, actor, { filter, cursor, limit, sort }) => listOrders(deps, actor, filter, cursor, limit, sort),
  get: (deps, actor, { orderId, before, limit }) => getOrder(deps, actor, orderId, { before, limit }),
  ...lifecycle,
});
