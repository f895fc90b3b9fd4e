import {
  ACTION_INPUTS,
  ACTION_TYPES,
  SERVICE_CATEGORIES,
  ORDER_STATES,
  createOrderInput,
  fail,
  int,
  list,
  obj,
  oneOf,
  optional,
  str,
  type OrderAction,
} from '@core';
import { actOnOrder } from '../usecases/act-on-order';
import { placeOrder } from '../usecases/create-order';
import { getOrder, listOrders } from '../usecases/order-queries';
import { defineFunction, route, type AnyRoute } from './define-function';
import { entityId, requestId, version } from './fields';

const instant = int(0, 4_102_444_800_000);
const filter = obj({
  states: optional(list(oneOf(ORDER_STATES), ORDER_STATES.length)),
  compoundId: optional(entityId),
  teamId: optional(entityId),
  category: optional(oneOf(SERVICE_CATEGORIES)),
  createdFrom: optional(instant),
  createdTo: optional(instant),
  holder: optional(oneOf(['mine', 'pool'] as const)),
});

/** Every lifecycle action shares one envelope: which order, which version the caller saw, a request id, the input. */
const actionRoutes = Object.fromEntries(
  ACTION_TYPES.map((type) => [
    type,
    route({
      fields: { orderId: entityId, version, requestId, input: optional(ACTION_INPUTS[type] as never, {}) },
      access: 'role',
      run: async (deps, actor, { orderId, version: v, requestId: rid, input }) => {
        const parsed = ACTION_INPUTS[type](input, 'input');
        if (!parsed.ok) return parsed;
        const action = { type, input: parsed.value } as OrderAction;
        return actOnOrder(deps, actor, { orderId, version: v, requestId: rid, action });
      },
    }),
  ]),
) as Record<string, AnyRoute>;

/** 工单: place, list, read, and every action of the lifecycle. */
export const orders = defineFunction('orders', {
  create: route({
    fields: { requestId, order: createOrderInput },
    access: 'user',
    run: async (deps, user, { requestId: rid, order }) => {
      const actor = { user, role: 'resident' as const, teamIds: [] };
      return user.roles.includes('resident') ? placeOrder(deps, actor, rid, order) : fail('AUTH.ROLE_NOT_HELD', { role: 'resident' });
    },
  }),
  list: route({
    fields: {
      filter: optional(filter, {}),
      cursor: optional(str({ max: 200 }), null),
      limit: optional(int(1, 50), 20),
      sort: optional(oneOf(['recent', 'oldest'] as const), 'recent' as const),
    },
    access: 'role',
    run: (deps, actor, { filter: f, cursor, limit, sort }) => listOrders(deps, actor, f, cursor, limit, sort),
  }),
  get: route({ fields: { orderId: entityId }, access: 'role', run: (deps, actor, { orderId }) => getOrder(deps, actor, orderId) }),
  ...actionRoutes,
});
