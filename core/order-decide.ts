import type { Who, World } from './actor';
import { fail, type AppError } from './errors';
import type { Order, OrderEvent } from './order';
import { clockFor } from './deadlines';
import { ACTION_TYPES, type ActionType, type OrderAction } from './order-inputs';
import { canSee } from './order-scope';
import { TRANSITIONS, type Capacity, type Rule } from './order-transitions';
import type { Effect } from './notifications';
import { ok, type Result } from './result';

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
  // A pool order a teammate grabbed, or that left the pool, is no longer visible to the rest of the
  // team; say which plainly rather than "not found".
  if (type === 'grab' && actor.role === 'worker' && order.assignment && actor.teamIds.includes(order.assignment.teamId)) {
    const a = order.assignment;
    if (a.mode === 'member' && a.workerId !== actor.user.id) return fail('ORDER.ALREADY_TAKEN');
    if (a.mode === 'pool' && order.state !== 'pending_accept') {
      return fail('ORDER.LEFT_POOL');
    }
  }
  if (!canSee(order, actor)) return fail('ORDER.NOT_FOUND');
  const rule = ruleOf(type);
  if (!rule.roles.includes(actor.role)) return fail('AUTH.FORBIDDEN');
  if (expectedVersion !== undefined && expectedVersion !== order.version) return fail('ORDER.VERSION_CONFLICT');
  if (!rule.from.includes(order.state)) return fail('ORDER.TRANSITION_NOT_ALLOWED');
  return rule.guard(order, who);
}

/** Applies one action to an order: the pure heart of every function that changes an order. */
export function decide(order: Order, action: OrderAction, expectedVersion: number, world: World): Result<Decision, AppError> {
  const allowed = check(order, action.type, world, expectedVersion);
  if (!allowed.ok) return allowed;
  const rule = ruleOf(action.type);
  const applied = rule.apply(order, action.input, world);
  if (!applied.ok) return applied;
  const { patch, payload, effects, capacity } = applied.value;
  const to = rule.to === 'unchanged' ? order.state : rule.to;
  const version = order.version + 1;
  const next: Order = {
    ...order,
    ...patch,
    state: to,
    version,
    updatedAt: world.now,
    // Every hand-over starts the next stage's clock afresh, even into the same state (转单).
    clock: rule.to === 'unchanged' ? order.clock : clockFor(to, order.sla, world.now),
    firstAcceptedAt: order.firstAcceptedAt ?? (to === 'accepted' ? world.now : null),
  };
  const event: OrderEvent = {
    orderId: order.id,
    seq: version,
    action: action.type,
    actorId: world.actor.user.id,
    actorRole: world.actor.role,
    at: world.now,
    from: order.state,
    to,
    payload,
  };
  return ok(capacity ? { order: next, event, effects, capacity } : { order: next, event, effects });
}

/** The actions the actor could take on the order now: what the app shows as buttons. */
export const availableActions = (order: Order, who: Who): ActionType[] => ACTION_TYPES.filter((type) => check(order, type, who).ok);

/** Explains why an action is unavailable, for the tests and for disabled buttons. */
export const whyNot = (order: Order, type: ActionType, who: Who): AppError | null => {
  const r = check(order, type, who);
  return r.ok ? null : r.error;
};
