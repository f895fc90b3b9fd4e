import type { Need, Who, World } from './actor';
import type { Millis } from './community';
import type { AppError } from './errors';
import type { Effect } from './notifications';
import type { Order, OrderState } from './order';
import type { ActionInput, ActionType } from './order-inputs';
import type { Result } from './result';
import type { Role } from './roles';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What an action changes: fields of the order, what the event records, what to tell whom. */
export interface Change {
  readonly patch: Partial<Mutable<Order>>;
  readonly payload: Record<string, unknown>;
  readonly effects: readonly Effect[];
  /** The cap the store must still hold to when it writes (another order may have reached the worker meanwhile). */
  readonly capacity?: Capacity;
}

/** A worker and the most open orders they may hold. */
export interface Capacity {
  readonly workerId: string;
  readonly max: number;
}

/**
 * One row of the lifecycle: which states an action starts from, which role may take it, where it
 * leads. `guard` reads only the order, the actor and the clock, so the app can show exactly the
 * buttons that would succeed; `apply` validates what depends on the input and the wider world, and
 * may read only the lookups it lists in `needs` (reading another does not compile).
 */
export interface Rule<A extends ActionType, N extends Need = Need> {
  readonly from: readonly OrderState[];
  readonly roles: readonly Role[];
  readonly to: OrderState | 'unchanged';
  readonly guard: (order: Order, who: Who) => Result<void, AppError>;
  /**
   * Residents of the community may take it on a 诉求 that is not theirs (我也遇到, 关注): the only
   * rows that reach past the caller's scope, and only for the resident role.
   */
  readonly neighbours?: true;
  /** What the use case must load for `apply`, beyond the order, the actor and the clock. */
  readonly needs: readonly N[];
  readonly apply: (order: Order, input: ActionInput<A>, world: World<N>) => Result<Change, AppError>;
}

/**
 * A row the system takes by itself (the deadline sweep), never a person: it reads only the order
 * and the clock, and is taken once `due` says so.
 */
export interface SystemRule {
  readonly from: readonly OrderState[];
  readonly to: OrderState;
  readonly due: (order: Order, now: Millis) => boolean;
  readonly apply: (order: Order, now: Millis) => Change;
}

/** Actions the system takes itself; their events carry actorRole 'system'. */
export const SYSTEM_ACTION_TYPES = ['auto_close'] as const;
export type SystemActionType = (typeof SYSTEM_ACTION_TYPES)[number];

/** The person rules, each with the needs it declared: what the use case reads to load its world. */
type PersonRules<T extends { [A in ActionType]: Need }> = { readonly [A in ActionType]: Rule<A, T[A]> };
/** Infers each rule's needs from its `needs` list, so its `apply` sees only those lookups; every action must have a row. */
export const personRules = <const T extends { [A in ActionType]: Need }>(rules: { [A in keyof T]: Rule<A & ActionType, T[A] & Need> }): PersonRules<T> =>
  rules as unknown as PersonRules<T>;
