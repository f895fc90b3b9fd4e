import type { Millis, StageDeadlines } from './community';
import type { Order, OrderState, TimeWindow } from './order';
import { MINUTE } from './time';

/** The clocks of an order, one per stage, in the order they run. */
export const STAGES = ['dispatch', 'accept', 'start', 'complete', 'confirm'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  dispatch: '派单',
  accept: '接单',
  start: '到场',
  complete: '完工',
  confirm: '确认',
};

/** Which clock runs in each state; none once work has ended. */
export const STAGE_OF: Readonly<Record<OrderState, Stage | null>> = {
  pending_dispatch: 'dispatch',
  pending_accept: 'accept',
  accepted: 'start',
  in_service: 'complete',
  // A 诉求 with the property company, an outside department or the roundtable: the resolve clock runs.
  referred: 'complete',
  pending_confirm: 'confirm',
  closed: null,
  cancelled: null,
  refused: null,
};

/**
 * 0 on time; 1 overdue (the handler is told); 2 escalated to the supervisors; 3 escalated to the
 * community secretary.
 */
export type OverdueLevel = 0 | 1 | 2 | 3;

/** The running clock of the current stage. */
export interface StageClock {
  readonly stage: Stage;
  readonly enteredAt: Millis;
  readonly dueAt: Millis;
  readonly level: OverdueLevel;
}

/** The community's default travel allowance: a worker must have accepted this long before the booked start. */
export const DEFAULT_TRAVEL_MINUTES = 30;
/**
 * A window starting no more than this after the order was placed is "as soon as possible" (the app
 * sends its own clock's now, which may run a little ahead of the server's).
 */
export const ASAP_TOLERANCE = 10 * MINUTE;

/** What the clocks of a booked order are measured from (docs/metrics.md, "Bookings"). */
export interface Booking {
  readonly window: TimeWindow;
  readonly placedAt: Millis;
  readonly travelMinutes: number;
}

/** An order's booking; orders stored before the travel allowance existed get the default. */
export const bookingOf = (o: Pick<Order, 'timeWindow' | 'createdAt' | 'travelMinutes'>): Booking => ({
  window: o.timeWindow,
  placedAt: o.createdAt,
  travelMinutes: o.travelMinutes ?? DEFAULT_TRAVEL_MINUTES,
});

/** Whether the resident booked a time ahead, rather than asking for the service as soon as possible. */
export const isBooked = (b: Booking): boolean => b.window.from - b.placedAt > ASAP_TOLERANCE;

/** When the team must be ready to set off for a booking: its start minus the travel allowance. */
export const readyBy = (b: Booking): Millis => b.window.from - b.travelMinutes * MINUTE;

/**
 * The deadline of a stage entered at `enteredAt`. Without a booking (or for one already under way)
 * it is the stage's own deadline; with one, dispatch and acceptance are due in time for the booked
 * start less the travel allowance, arrival is due from the later of acceptance and the booked
 * start, and completion from arrival or at the booked end, whichever is later. Each is never
 * earlier than the stage's own deadline, so a booking only ever gives the team more time.
 */
export function stageDueAt(stage: Stage, enteredAt: Millis, sla: StageDeadlines, booking?: Booking): Millis {
  const own = enteredAt + sla[stage] * MINUTE;
  if (!booking) return own;
  switch (stage) {
    case 'dispatch':
      return Math.max(own, readyBy(booking) - sla.accept * MINUTE);
    case 'accept':
      return Math.max(own, readyBy(booking));
    case 'start':
      return Math.max(enteredAt, booking.window.from) + sla.start * MINUTE;
    case 'complete':
      return isBooked(booking) ? Math.max(own, booking.window.to) : own;
    case 'confirm':
      return own;
  }
}

/** Starts the clock of the stage a state belongs to, or none for an ended order; with a booking, measured from it. */
export function clockFor(state: OrderState, sla: StageDeadlines, now: Millis, booking?: Booking): StageClock | null {
  const stage = STAGE_OF[state];
  return stage ? { stage, enteredAt: now, dueAt: stageDueAt(stage, now, sla, booking), level: 0 } : null;
}

/**
 * The clock after the order waited on the resident for `heldMs`: it keeps the time it had left, or
 * runs against the (possibly new) booking if that gives more; marks already made stay on the
 * timeline, and a clock no longer late starts counting its levels afresh.
 */
export function resumeClock(clock: StageClock, heldMs: Millis, sla: StageDeadlines, booking: Booking, now: Millis): StageClock {
  const dueAt = Math.max(clock.dueAt + heldMs, stageDueAt(clock.stage, clock.enteredAt + heldMs, sla, booking));
  return { ...clock, dueAt, level: dueAt > now ? 0 : clock.level };
}

/**
 * Whether the resident is kept waiting: the current clock is past its deadline, or the booked start
 * has come. What 催单 and 投诉 (before service) wait for; never while the order waits on the resident.
 */
export function isDueForResident(o: Order, now: Millis): boolean {
  if (o.waiting) return false;
  if (o.clock && now >= o.clock.dueAt) return true;
  const b = bookingOf(o);
  return isBooked(b) && now >= b.window.from;
}

/**
 * When the resident was promised a first answer (响应): the dispatch and accept deadlines from
 * placing, or from the resident's last 改约, or in time for the booked start, whichever is latest.
 */
export function respondDueAt(o: Pick<Order, 'createdAt' | 'sla' | 'timeWindow' | 'travelMinutes' | 'rescheduledAt'>): Millis {
  const span = (o.sla.dispatch + o.sla.accept) * MINUTE;
  return Math.max(o.createdAt + span, (o.rescheduledAt ?? o.createdAt) + span, readyBy(bookingOf(o)));
}

/**
 * When the work should be done (解决): every deadline up to completion, from placing (or the last
 * 改约), or from the booked start, or the booked end, whichever is latest — plus the time the order
 * waited on the resident, which is not the team's.
 */
export function resolveDueAt(o: Pick<Order, 'createdAt' | 'sla' | 'timeWindow' | 'travelMinutes' | 'rescheduledAt' | 'residentHeldMs'>): Millis {
  const { sla } = o;
  const b = bookingOf(o);
  const span = (sla.dispatch + sla.accept + sla.start + sla.complete) * MINUTE;
  const fromStart = b.window.from + (sla.start + sla.complete) * MINUTE;
  const due = Math.max(o.createdAt + span, (o.rescheduledAt ?? o.createdAt) + span, fromStart, isBooked(b) ? b.window.to : 0);
  return due + (o.residentHeldMs ?? 0);
}
