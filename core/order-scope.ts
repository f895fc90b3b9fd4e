import { assertNever } from './result';
import type { Actor } from './actor';
import type { Order } from './order';
import { poolTeamOf } from './order-holder';

/**
 * Which orders a caller may see, as data: the embedded store turns it into SQL, the CloudBase store
 * into a query, and `inScope` is the reference both are tested against.
 */
export type OrderScope =
  | { readonly kind: 'household'; readonly communityId: string; readonly userId: string; readonly householdIds: readonly string[] }
  | { readonly kind: 'worker'; readonly communityId: string; readonly workerId: string; readonly poolTeamIds: readonly string[] }
  | { readonly kind: 'company'; readonly communityId: string; readonly companyId: string }
  | { readonly kind: 'community'; readonly communityId: string }
  | { readonly kind: 'none' };

/** The scope of a role: residents their households (and those they care for), group leaders their buildings', workers their tasks and pool, dispatchers their company, supervisors the community. */
export function scopeFor(actor: Actor): OrderScope {
  const { user } = actor;
  switch (actor.role) {
    case 'resident':
      // Their homes, and the households they order for and follow (结对, their buildings: party-grid.ts).
      return { kind: 'household', communityId: user.communityId, userId: user.id, householdIds: [...user.householdIds, ...(actor.caresFor ?? [])] };
    case 'group_leader':
      // A 楼栋党小组长 follows the orders of the buildings they lead, and acts on none (as the grid, not as staff).
      return { kind: 'household', communityId: user.communityId, userId: user.id, householdIds: actor.caresFor ?? [] };
    case 'worker':
      return { kind: 'worker', communityId: user.communityId, workerId: user.id, poolTeamIds: actor.teamIds };
    case 'dispatcher':
      return user.companyId ? { kind: 'company', communityId: user.communityId, companyId: user.companyId } : { kind: 'none' };
    case 'supervisor':
      return { kind: 'community', communityId: user.communityId };
    case 'admin':
      // Admins run the catalogue and teams; they have no need to read residents' orders.
      return { kind: 'none' };
    default:
      return assertNever(actor.role);
  }
}

/** A worker's scope cut down to the orders they hold, or to their teams' pool; other scopes unchanged. */
export function narrowToHolder(scope: OrderScope, holder: 'mine' | 'pool' | undefined): OrderScope {
  if (scope.kind !== 'worker' || holder === undefined) return scope;
  // An empty worker id matches no member assignment; no pool teams match no pool order.
  return holder === 'mine' ? { ...scope, poolTeamIds: [] } : { ...scope, workerId: '' };
}

/** Whether one order falls inside a scope. */
export function inScope(order: Order, scope: OrderScope): boolean {
  if (scope.kind === 'none' || order.communityId !== scope.communityId) return false;
  switch (scope.kind) {
    case 'household':
      return order.createdBy === scope.userId || scope.householdIds.includes(order.householdId);
    case 'worker': {
      const a = order.assignment;
      if (!a) return false;
      if (a.mode === 'member') return a.workerId === scope.workerId;
      const pool = poolTeamOf(order);
      return pool !== null && scope.poolTeamIds.includes(pool);
    }
    case 'company':
      return order.companyId === scope.companyId;
    case 'community':
      return true;
    default:
      return assertNever(scope);
  }
}

/** Whether the actor may read the order at all. */
export const canSee = (order: Order, actor: Actor): boolean => inScope(order, scopeFor(actor));
