import type { Who } from './actor';
import { bookingOf, clockFor, resumeClock } from './deadlines';
import { fail, invalid, type AppError } from './errors';
import type { Order, TimeWindow } from './order';
import { checkWindow } from './order-create';
import type { Change, Rule } from './order-rule';
import { notify, type Effect, type Recipient } from './notifications';
import { ok, type Result } from './result';
import { chinaClock, chinaParts } from './china-time';

/** A resident may move an order's booking this many times (改约); more goes through the property office. */
export const MAX_RESCHEDULES = 3;

const pass = (): Result<void, AppError> => ok(undefined);
const change = (patch: Change['patch'], payload: Change['payload'], effects: Effect[]): Result<Change, AppError> => ok({ patch, payload, effects });
const residentOf = (order: Order): Recipient => ({ kind: 'user', userId: order.createdBy });
const handlerOf = (order: Order): Recipient => {
  const a = order.assignment;
  if (!a) return { kind: 'company', companyId: order.companyId, communityId: order.communityId };
  return a.mode === 'pool' ? { kind: 'team', teamId: a.teamId } : { kind: 'user', userId: a.workerId };
};
const isAssignee = (order: Order, who: Who) => order.assignment?.mode === 'member' && order.assignment.workerId === who.actor.user.id;

/** A window as the notices word it, in China time (UTC+8) whatever the server's zone: 12月1日 08:00–12:00. */
export function bookingText({ from, to }: TimeWindow): string {
  const parts = (t: number) => {
    const p = chinaParts(t);
    return { day: `${p.month}月${p.day}日`, hm: chinaClock(t) };
  };
  const a = parts(from);
  const b = parts(to);
  return a.day === b.day ? `${a.day} ${a.hm}–${b.hm}` : `${a.day} ${a.hm}–${b.day} ${b.hm}`;
}

/** What ends a wait on the resident: the time it lasted goes to the resident's account, not the team's. */
const endWait = (order: Order, now: number) => {
  const heldMs = order.waiting ? now - order.waiting.since : 0;
  return { heldMs, patch: { waiting: null, residentHeldMs: (order.residentHeldMs ?? 0) + heldMs } };
};

/**
 * 改约 and waiting on the resident: the resident moves the booking; a worker proposes another time,
 * which pauses the order's clocks until the resident accepts or refuses it. Spread into the table.
 */
export const BOOKING_RULES = {
  reschedule: {
    from: ['pending_dispatch', 'pending_accept', 'accepted'],
    roles: ['resident'],
    to: 'unchanged',
    guard: (order) => ((order.rescheduleCount ?? 0) >= MAX_RESCHEDULES ? fail('ORDER.RESCHEDULE_LIMIT', { max: MAX_RESCHEDULES }) : pass()),
    needs: [],
    // The stage's clock starts afresh against the new booking, as at a hand-over: the team is given
    // its usual time from the moment the resident moved it. It also answers a pending proposal.
    apply: (order, { timeWindow, reason }, { now }) => {
      const window = checkWindow(timeWindow, now);
      if (!window.ok) return window;
      const ended = endWait(order, now);
      const next = { ...order, timeWindow: window.value };
      return change(
        {
          ...ended.patch,
          timeWindow: window.value,
          rescheduleCount: (order.rescheduleCount ?? 0) + 1,
          rescheduledAt: now,
          clock: clockFor(order.state, order.sla, now, bookingOf(next)),
        },
        { previous: order.timeWindow, timeWindow: window.value, reason, ...(order.waiting && { since: order.waiting.since, heldMs: ended.heldMs }) },
        [notify(handlerOf(order), order.id, `居民改约到${bookingText(window.value)}${reason ? `：${reason}` : ''}`)],
      );
    },
  },
  propose_time: {
    from: ['accepted', 'in_service'],
    roles: ['worker'],
    to: 'unchanged',
    guard: (order, who) => {
      if (!isAssignee(order, who)) return fail('AUTH.FORBIDDEN');
      return order.waiting ? fail('ORDER.AWAITING_RESIDENT') : pass();
    },
    needs: [],
    apply: (order, { timeWindow, reason }, { now, actor }) => {
      const window = checkWindow(timeWindow, now);
      if (!window.ok) return window;
      const waiting = { reason, proposed: window.value, since: now, by: actor.user.id };
      return change({ waiting }, { timeWindow: window.value, reason }, [
        notify(residentOf(order), order.id, `服务队员提议改到${bookingText(window.value)}（${reason}），请确认`),
      ]);
    },
  },
  accept_time: {
    from: ['accepted', 'in_service'],
    roles: ['resident'],
    to: 'unchanged',
    guard: (order) => (order.waiting ? pass() : fail('ORDER.NOTHING_PROPOSED')),
    needs: [],
    apply: (order, _input, { now }) => {
      const waiting = order.waiting!;
      if (waiting.proposed.to < now) return invalid({ timeWindow: '提议的时间已经过去，请改约或不同意' });
      const ended = endWait(order, now);
      const next = { ...order, timeWindow: waiting.proposed };
      const clock = order.clock && resumeClock(order.clock, ended.heldMs, order.sla, bookingOf(next), now);
      return change(
        { ...ended.patch, timeWindow: waiting.proposed, clock },
        { previous: order.timeWindow, timeWindow: waiting.proposed, since: waiting.since, heldMs: ended.heldMs },
        [notify({ kind: 'user', userId: waiting.by }, order.id, `居民同意改到${bookingText(waiting.proposed)}`)],
      );
    },
  },
  refuse_time: {
    from: ['accepted', 'in_service'],
    roles: ['resident'],
    to: 'unchanged',
    guard: (order) => (order.waiting ? pass() : fail('ORDER.NOTHING_PROPOSED')),
    needs: [],
    // The booking stands and the clock resumes with the time it had left.
    apply: (order, { reason }, { now }) => {
      const waiting = order.waiting!;
      const ended = endWait(order, now);
      const clock = order.clock && resumeClock(order.clock, ended.heldMs, order.sla, bookingOf(order), now);
      return change({ ...ended.patch, clock }, { reason, proposed: waiting.proposed, since: waiting.since, heldMs: ended.heldMs }, [
        notify({ kind: 'user', userId: waiting.by }, order.id, `居民不同意改时间${reason ? `：${reason}` : ''}，请按原预约时间服务`),
      ]);
    },
  },
} satisfies { readonly [A in 'reschedule' | 'propose_time' | 'accept_time' | 'refuse_time']: Rule<A, never> };
