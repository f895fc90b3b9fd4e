import { fail, grievanceStats, ok, type Actor, type AppError, type GrievanceStats, type Order, type Result } from '@core';
import type { Deps } from '../../runtime/deps';
import { periodOf } from '../statistics';

/**
 * The 诉求 statistics of a month: the 三率 by category and by route, and which outside departments
 * answer late. The 诉求 are few beside the orders, so they are read and summed by the core here.
 */
export async function stats(deps: Deps, actor: Actor, month: string): Promise<Result<GrievanceStats, AppError>> {
  if (actor.role !== 'supervisor') return fail('AUTH.FORBIDDEN');
  const period = periodOf(month, deps.now());
  if (!period.ok) return period;
  const communityId = actor.user.communityId;
  const orders: Order[] = [];
  let cursor: string | null = null;
  do {
    const page = await deps.store.listOrders(
      { kind: 'community', communityId },
      { kind: 'grievance', createdFrom: period.value.from, createdTo: period.value.to },
      { limit: 50, cursor, sort: 'oldest' },
    );
    orders.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const departments = await deps.store.listRefs('departments', communityId);
  return ok(grievanceStats(orders, departments, deps.now()));
}
