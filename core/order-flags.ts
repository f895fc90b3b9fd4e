import type { Millis } from './community';
import type { Order } from './order';
import { IN_QUEUE } from './order-index';
import { chinaDayNumber } from './china-time';

/** What a staff card warns about, each a badge: the stage ran late, it went up to the community, the resident urged or complained, a 督办 waits. */
export const ORDER_FLAGS = ['overdue', 'escalated', 'urged', 'complained', 'pressed'] as const;
export type OrderFlag = (typeof ORDER_FLAGS)[number];

/** Whether a flag is raised on an order; the queue flags are the supervisor's own queues. */
const RAISED: { readonly [F in OrderFlag]: (o: Order) => boolean } = {
  overdue: IN_QUEUE.overdue,
  escalated: IN_QUEUE.escalated,
  // An urge on an ended order is history, not a warning.
  urged: (o) => o.urgeCount > 0 && o.clock !== null,
  complained: IN_QUEUE.complaints,
  pressed: IN_QUEUE.instructions,
};

/** The flags raised on an order, in ORDER_FLAGS order (escalated implies overdue: only the stronger one is named). */
export function orderFlags(o: Order): OrderFlag[] {
  const raised = ORDER_FLAGS.filter((f) => RAISED[f](o));
  return raised.includes('escalated') ? raised.filter((f) => f !== 'overdue') : raised;
}

/**
 * Since when the order has waited for what it waits for now: the start of its current stage (a
 * dispatcher's 已等待 counts from the moment it came back to 待派单, not from its creation); an
 * order without a running clock waits for nothing.
 */
export const waitingSince = (o: Pick<Order, 'clock'>): Millis | null => o.clock?.enteredAt ?? null;

/** The worker's task list sections, by the day the service is booked for. */
export const BOOKED_DAYS = ['today', 'tomorrow', 'later'] as const;
export type BookedDay = (typeof BOOKED_DAYS)[number];

/** A day is a China calendar day (china-time.ts). */
const dayNumber = chinaDayNumber;

/** Which section a booking falls in: today (also anything booked earlier and still open), tomorrow, or later. */
export function bookedDay(o: Pick<Order, 'timeWindow'>, now: Millis): BookedDay {
  const diff = dayNumber(o.timeWindow.from) - dayNumber(now);
  return diff <= 0 ? 'today' : diff === 1 ? 'tomorrow' : 'later';
}

/** Orders in sections by booked day, each section soonest booking first (ties by id); empty sections are left out. */
export function byBookedDay<O extends Pick<Order, 'timeWindow' | 'id'>>(orders: readonly O[], now: Millis): { day: BookedDay; orders: O[] }[] {
  const sorted = [...orders].sort((a, b) => a.timeWindow.from - b.timeWindow.from || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return BOOKED_DAYS.map((day) => ({ day, orders: sorted.filter((o) => bookedDay(o, now) === day) })).filter((s) => s.orders.length > 0);
}
