import type { CommunitySettings, Millis } from './community';
import { orderFacts, type OrderFacts } from './metrics';
import { TERMINAL_STATES, type Order } from './order';
import { holderOf, poolTeamOf } from './order-holder';
import { escalationInterval, nextSweepAt } from './sweep';

/** The supervisor's attention queues: overdue (any level), escalated (level 2+), complaints or 督办 awaiting an answer. */
export const ATTENTION_QUEUES = ['overdue', 'escalated', 'complaints', 'instructions'] as const;
export type AttentionQueue = (typeof ATTENTION_QUEUES)[number];

/** Whether an order sits in each attention queue. */
export const IN_QUEUE: { readonly [Q in AttentionQueue]: (o: Order) => boolean } = {
  // An order waiting on the resident is nobody's lateness while it waits.
  overdue: (o) => !o.waiting && (o.clock?.level ?? 0) >= 1,
  escalated: (o) => !o.waiting && (o.clock?.level ?? 0) >= 2,
  complaints: (o) => o.complaints.some((c) => !c.answer),
  instructions: (o) => o.instructions.some((i) => !i.answer),
};

/**
 * How a listing may be ordered: latest change first (`recent`), placed longest ago first (`oldest`),
 * or what needs attention first and then the nearest deadline (`urgent`: an order complained about,
 * then the 15-minute 水电急修 above tomorrow's lunch).
 */
export const ORDER_SORTS = ['recent', 'oldest', 'urgent'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

/** The urgency key of an order without a running clock (ended): after every real deadline. */
export const NO_DEADLINE: Millis = 8_640_000_000_000_000;

/** Whether an order sits in any attention queue: late, or a complaint or 督办 awaiting an answer. */
export const needsAttention = (o: Order): boolean => ATTENTION_QUEUES.some((q) => IN_QUEUE[q](o));

/**
 * What staff must act on first: every order that needs attention (late, complained about, 督办),
 * nearest deadline first; then the rest by their running stage's deadline; the ended orders last.
 * An order that needs attention is keyed below every moment (its deadline, or its last change when
 * no clock runs, less NO_DEADLINE), so one key orders both groups and pages by keyset.
 */
export const urgencyOf = (o: Order): Millis => urgencyKey(o, needsAttention(o));

/** urgencyOf for an order whose attention is already known. */
function urgencyKey(o: Order, attention: boolean): Millis {
  return attention ? (o.clock?.dueAt ?? o.updatedAt) - NO_DEADLINE : (o.clock?.dueAt ?? NO_DEADLINE);
}

/** What of the community an order's index depends on. */
export type IndexSettings = Pick<CommunitySettings, 'escalationMinutes'>;

/**
 * Every fact a store keeps beside an order so that its queries need not run the core: who holds it,
 * whose pool offers it, whether it is open, its attention queues, when the sweep must look again,
 * and its 三率 facts. Derived here once; the adapters only turn it into columns or fields.
 */
export interface OrderIndex {
  readonly holder: string | null;
  readonly poolTeamId: string | null;
  /** Not in a terminal state. */
  readonly open: boolean;
  readonly queues: { readonly [Q in AttentionQueue]: boolean };
  /** With the community's escalation interval: the moment its next overdue level or lapsed 督办 falls due. */
  readonly nextSweepAt: Millis | null;
  /** The `urgent` listing's key (urgencyOf). */
  readonly urgentBy: Millis;
  readonly facts: OrderFacts;
}

/**
 * Derives an order's index under its community's settings; without a community (null) the sweep
 * could not act on the order, so it has no next sweep moment.
 */
export function orderIndex(o: Order, settings: IndexSettings | null): OrderIndex {
  const queues = {
    overdue: IN_QUEUE.overdue(o),
    escalated: IN_QUEUE.escalated(o),
    complaints: IN_QUEUE.complaints(o),
    instructions: IN_QUEUE.instructions(o),
  };
  // The queues just derived say whether it needs attention (urgencyOf would derive them again).
  const attention = ATTENTION_QUEUES.some((q) => queues[q]);
  return {
    holder: holderOf(o),
    poolTeamId: poolTeamOf(o),
    open: !TERMINAL_STATES.includes(o.state),
    queues,
    nextSweepAt: settings ? nextSweepAt(o, escalationInterval(settings)) : null,
    urgentBy: urgencyKey(o, attention),
    facts: orderFacts(o),
  };
}
