import {
  canSee,
  fail,
  invalid,
  narrowToHolder,
  ok,
  scopeFor,
  type Actor,
  type AppError,
  type OrderEvent,
  type OrderListFilter,
  type OrderState,
  type OrderView,
  type Result,
} from '@core';
import type { Deps } from '../runtime/deps';
import { decodeCursor } from '../storage/order-index';
import { viewOrder } from './order-view';

/** One order with its whole timeline, if the actor may see it. */
export async function getOrder(deps: Deps, actor: Actor, orderId: string): Promise<Result<{ order: OrderView; events: OrderEvent[] }, AppError>> {
  const order = await deps.store.getOrder(orderId);
  if (!order || !canSee(order, actor)) return fail('ORDER.NOT_FOUND');
  const events = await deps.store.listEvents(orderId);
  return ok({ order: viewOrder(order, actor, deps.now()), events });
}

/** A page of the orders the actor may see, newest change first, with counts per state for the tabs. */
export async function listOrders(
  deps: Deps,
  actor: Actor,
  filter: OrderListFilter,
  cursor: string | null,
  limit: number,
  sort: 'recent' | 'oldest' = 'recent',
): Promise<Result<{ items: OrderView[]; nextCursor: string | null; counts: Record<OrderState, number> }, AppError>> {
  if (cursor !== null && !decodeCursor(cursor)) return invalid({ cursor: '翻页位置无效，请刷新' });
  const { holder, ...rest } = filter;
  const scope = narrowToHolder(scopeFor(actor), holder);
  const [page, counts] = await Promise.all([
    deps.store.listOrders(scope, rest, { limit, cursor, sort }),
    // Counts ignore the state filter: they label the state tabs.
    deps.store.countByState(scope, { ...rest, states: undefined }),
  ]);
  const now = deps.now();
  return ok({ items: page.items.map((o) => viewOrder(o, actor, now)), nextCursor: page.nextCursor, counts });
}
