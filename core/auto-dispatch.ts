import type { Millis, ServiceCategory, ServiceTeam, User } from './community';
import { bookingOf, clockFor } from './deadlines';
import { notify, type Effect } from './notifications';
import type { Assignment, Order, OrderEvent } from './order';
import type { Capacity } from './order-rule';

/**
 * Orders that need no dispatcher. A team in 抢单 mode gets its new orders in its pool at once; one in
 * 轮询 mode gives each to the next on-duty member with room, so an order placed at night does not
 * wait for a dispatcher. Teams in 指派 mode (the default) leave new orders to the dispatcher.
 *
 * When a 轮询 team has nobody on duty with room, the order falls back to the team's pool (not to the
 * dispatcher): the first member to come on duty or finish a job can grab it, the accept clock runs
 * and the sweep escalates it like any other, and the dispatcher can still reassign it.
 */

/** The team that takes a new order by itself, or null when the dispatcher decides. */
export function autoTeamFor(teams: readonly ServiceTeam[], order: Pick<Order, 'communityId' | 'companyId' | 'category'>): ServiceTeam | null {
  const serving = teams
    .filter((t) => t.communityId === order.communityId && (t.companyId === null || t.companyId === order.companyId))
    .filter((t) => t.categories.includes(order.category) && (t.dispatchMode === 'pool' || t.dispatchMode === 'rotation'))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return serving[0] ?? null;
}

/** Whether a member could take one more order now: a worker, on duty, under their cap. */
export const hasRoom = (u: User, open: number): boolean => u.roles.includes('worker') && u.onDuty && open < u.maxOpenOrders;

/** Whether a worker's skills cover a kind of service; skills never recorded (absent) cover every kind, an empty list none. */
export const covers = (u: Pick<User, 'skills'>, category: ServiceCategory): boolean => u.skills === undefined || u.skills.includes(category);

/**
 * 轮询: among the team's on-duty members with room whose skills cover the order's kind of service,
 * the one holding the fewest open orders; among those tied, the turn (the order's number of the
 * day) moves one member on each time, in id order. Null when nobody qualifies.
 */
export function rotationPick(
  team: ServiceTeam,
  members: readonly User[],
  openOrders: (id: string) => number,
  turn: number,
  category: ServiceCategory,
): User | null {
  const byId = new Map(members.map((u) => [u.id, u]));
  const ready = team.memberIds
    .map((id) => byId.get(id))
    .filter((u): u is User => u !== undefined && covers(u, category) && hasRoom(u, openOrders(u.id)))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (!ready.length) return null;
  const fewest = Math.min(...ready.map((u) => openOrders(u.id)));
  const tied = ready.filter((u) => openOrders(u.id) === fewest);
  return tied[((turn % tied.length) + tied.length) % tied.length]!;
}

/** Where a new order goes without a dispatcher (the event records the mode). */
export interface AutoRoute {
  readonly assignment: Assignment;
  readonly mode: 'pool' | 'rotation';
}

/**
 * The route of a new order to an automatic team: its pool (抢单), or (轮询) the member rotationPick
 * names; null when 轮询 found nobody qualified, so the order stays 待派单 for the dispatcher, who
 * can see whose skills, duty and load fit (a pool would wait for members who cannot take it).
 */
export function routeFor(team: ServiceTeam, pick: User | null): AutoRoute | null {
  if (team.dispatchMode !== 'rotation') return { assignment: { mode: 'pool', teamId: team.id }, mode: 'pool' };
  return pick ? { assignment: { mode: 'member', teamId: team.id, workerId: pick.id }, mode: 'rotation' } : null;
}

/** The system's dispatch of a just-placed order along a route: the next order, its event, whom to tell, the cap to hold. */
export function autoDispatch(
  order: Order,
  route: AutoRoute,
  maxOpenOrders: number,
  now: Millis,
): { order: Order; event: OrderEvent; effects: Effect[]; capacity?: Capacity } {
  const version = order.version + 1;
  // Object.assign, as numberedOrder: a spread of the just-placed order gave each a hidden class of its own.
  const next: Order = Object.assign({}, order, {
    assignment: route.assignment,
    state: 'pending_accept' as const,
    version,
    updatedAt: now,
    clock: clockFor('pending_accept', order.sla, now, bookingOf(order)),
  });
  const a = route.assignment;
  const event: OrderEvent = {
    orderId: order.id,
    seq: version,
    action: 'auto_dispatch',
    actorId: 'system',
    actorRole: 'system',
    at: now,
    from: order.state,
    to: 'pending_accept',
    payload: { assignment: a, mode: route.mode },
  };
  const to = a.mode === 'pool' ? ({ kind: 'team', teamId: a.teamId } as const) : ({ kind: 'user', userId: a.workerId } as const);
  const effects = [notify(to, order.id, `新工单：${order.serviceName}`)];
  return a.mode === 'member' ? { order: next, event, effects, capacity: { workerId: a.workerId, max: maxOpenOrders } } : { order: next, event, effects };
}
