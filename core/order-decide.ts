import type { Who, World } from './actor';
import type { Millis } from './community';
import { fail, type AppError } from './errors';
import type { Order, OrderEvent, OrderState } from './order';
import { bookingOf, clockFor } from './deadlines';
import { ACTION_TYPES, type ActionType, type OrderAction } from './order-inputs';
import { poolTeamOf } from './order-holder';
import { canSee } from './order-scope';
import { isGrievance } from './grievance';
import type { Capacity, Change, Rule, SystemActionType } from './order-rule';
import { TRANSITIONS, type NeedsOf } from './order-transitions';
import type { Effect } from './notifications';
import { ok, type Result } from './result';
import type { Role } from './roles';

/** The outcome of a successful action: the next order, the one event that records it, the effects to carry out. */
export interface Decision {
  readonly order: Order;
  readonly event: OrderEvent;
  readonly effects: readonly Effect[];
  /** A worker's cap the write must respect atomically (grab, dispatch or reassign to one worker). */
  readonly capacity?: Capacity;
}

/** The rule of an action, typed loosely for callers that hold a union. */
const ruleOf = (type: ActionType) => TRANSITIONS[type] as unknown as Rule<ActionType>;

/**
 * Checks that the actor may take this action on this order now, without looking at its input.
 * The order of checks is the order of what the caller is told: can't see it, not your role,
 * someone changed it meanwhile, wrong state, then the rule's own guard.
 */
export function check(order: Order, type: ActionType, who: Who, expectedVersion?: number): Result<void, AppError> {
  const { actor } = who;
  // A pool order that left the pool (cancelled) was seen by the whole team; say so plainly. One a
  // teammate holds is out of scope like any other: only the timeline can tell a lost race (lostGrabRace).
  if (type === 'grab' && actor.role === 'worker' && order.assignment?.mode === 'pool' && actor.teamIds.includes(order.assignment.teamId)) {
    if (poolTeamOf(order) === null) return fail('ORDER.LEFT_POOL');
  }
  const rule = ruleOf(type);
  if (!canSee(order, actor) && !(rule.neighbours && isNeighbour(order, actor))) return fail('ORDER.NOT_FOUND');
  if (!rule.roles.includes(actor.role)) return fail('AUTH.FORBIDDEN');
  if (expectedVersion !== undefined && expectedVersion !== order.version) return fail('ORDER.VERSION_CONFLICT');
  if (!rule.from.includes(order.state)) return fail('ORDER.TRANSITION_NOT_ALLOWED');
  return rule.guard(order, who);
}

/** A resident of the 诉求's community who did not raise it: may say 我也遇到 or 关注 (the board shows it to them). */
const isNeighbour = (order: Order, actor: Who['actor']): boolean =>
  actor.role === 'resident' && isGrievance(order) && order.communityId === actor.user.communityId;

/** One action of type A, with its input. */
export type OrderActionOf<A extends ActionType> = Extract<OrderAction, { readonly type: A }>;

/** Applies one action to an order: the pure heart of every function that changes an order. */
export function decide<A extends ActionType>(
  order: Order,
  action: OrderActionOf<A>,
  expectedVersion: number,
  world: World<NeedsOf<A>>,
): Result<Decision, AppError> {
  const allowed = check(order, action.type, world, expectedVersion);
  if (!allowed.ok) return allowed;
  const rule = ruleOf(action.type);
  // The world holds what this rule declared it needs; the rule reads nothing else (its type says so).
  const applied = rule.apply(order, action.input, world as World);
  if (!applied.ok) return applied;
  return ok(advance(order, action.type, rule.to, applied.value, world.now, { id: world.actor.user.id, role: world.actor.role }));
}

/**
 * Takes a system row of the table (auto-close) if it is due now, or null: the sweep's one way to
 * change an order's state.
 */
export function decideSystem(order: Order, type: SystemActionType, now: Millis): Decision | null {
  const rule = TRANSITIONS[type];
  if (!rule.from.includes(order.state) || !rule.due(order, now)) return null;
  return advance(order, type, rule.to, rule.apply(order, now), now, { id: 'system', role: 'system' });
}

/** The next version of an order after one row of the table, and the event that records it. */
function advance(order: Order, action: string, ruleTo: OrderState | 'unchanged', c: Change, now: Millis, by: { id: string; role: Role | 'system' }): Decision {
  const to = ruleTo === 'unchanged' ? order.state : ruleTo;
  const version = order.version + 1;
  const patched: Order = { ...order, ...c.patch };
  // Any change of state ends a wait on the resident (the worker came anyway, the order was handed
  // on or ended); the time it lasted is the resident's, and the event that ended it says so, as an
  // answer to the proposal does, so no timeline leaves the proposal waiting for good.
  const ended = ruleTo !== 'unchanged' && order.waiting ? { since: order.waiting.since, heldMs: now - order.waiting.since } : null;
  const waitEnds = ended ? { waiting: null, residentHeldMs: (order.residentHeldMs ?? 0) + ended.heldMs } : {};
  const next: Order = {
    ...patched,
    ...waitEnds,
    state: to,
    version,
    updatedAt: now,
    // Every hand-over starts the next stage's clock afresh, even into the same state (转单), measured
    // from the booking; a rule that sets the clock itself (改约, a wait ended) is taken at its word.
    clock: c.patch.clock !== undefined ? c.patch.clock : ruleTo === 'unchanged' ? order.clock : clockFor(to, order.sla, now, bookingOf(patched)),
    // The first acceptance, or what a rule says stands for it (a 诉求 routed to the company, a department or the roundtable).
    firstAcceptedAt: patched.firstAcceptedAt ?? (to === 'accepted' ? now : null),
  };
  const payload = ended ? { ...c.payload, ...ended, proposalLapsed: true } : c.payload;
  const event: OrderEvent = { orderId: order.id, seq: version, action, actorId: by.id, actorRole: by.role, at: now, from: order.state, to, payload };
  const { effects, capacity } = c;
  return capacity ? { order: next, event, effects, capacity } : { order: next, event, effects };
}

/**
 * The actions the actor could take on the order now: what the app shows as buttons. Every reply
 * carries them, so the actor's role and the order's state rule out most actions before `check`
 * (which would build a refusal for each) runs on the few left; its answer is the same.
 */
export function availableActions(order: Order, who: Who): ActionType[] {
  const { role } = who.actor;
  return ACTION_TYPES.filter((type) => {
    const rule = ruleOf(type);
    return rule.roles.includes(role) && rule.from.includes(order.state) && check(order, type, who).ok;
  });
}
