import type { Who, World } from './actor';
import { appError, fail, invalid, type AppError } from './errors';
import type { ActionType } from './order-inputs';
import type { Assignment, Instruction, Order, OrderState } from './order';
import type { User } from './community';
import { ORDER_STATES, TERMINAL_STATES, UNFINISHED_STATES } from './order';
import { notify, type Effect, type Recipient } from './notifications';
import { residentNotice } from './event-texts';
import { poolTeamOf } from './order-holder';
import { checkPhotos } from './photos';
import { err, ok, type Result } from './result';
import { personRules, type Capacity, type Change, type SystemActionType, type SystemRule } from './order-rule';
import { HOUR, MINUTE } from './time';
import { BOOKING_RULES } from './booking-rules';
import { GRIEVANCE_RULES } from './grievance-rules';
import { isGrievance } from './grievance';
import { isDueForResident } from './deadlines';
import { actsOnBehalf } from './party-grid';
import { volunteerHours } from './volunteers';

/** 催单 at most once per this interval. */
export const URGE_INTERVAL = 30 * MINUTE;
/** 返工 may be asked for within this long after completion. */
export const REWORK_WINDOW = 72 * HOUR;

const ALL_STATES = ORDER_STATES;
/** States in which nobody has come yet: a complaint there waits until something is late. */
const COMPLAIN_BEFORE_DUE: readonly OrderState[] = ['pending_dispatch', 'pending_accept', 'accepted'];

const pass = (): Result<void, AppError> => ok(undefined);
const change = (patch: Change['patch'], payload: Change['payload'] = {}, effects: Effect[] = [], capacity?: Capacity) =>
  ok(capacity ? { patch, payload, effects, capacity } : { patch, payload, effects });
/** The cap that goes with an assignment to one worker. */
const capOf = (a: Assignment, world: World<'user'>): Capacity | undefined =>
  a.mode === 'member' ? { workerId: a.workerId, max: world.user(a.workerId)?.maxOpenOrders ?? 0 } : undefined;

const isAssignee = (order: Order, who: Who) => order.assignment?.mode === 'member' && order.assignment.workerId === who.actor.user.id;

/**
 * Why this worker may not take an order from a pool now, or null: off duty, or already holding
 * their cap of open orders. The grab rule refuses with it; the app says it above the pool before any
 * 抢单 is tapped, where `held` is null until known and only duty is judged.
 */
export function grabBarrier(me: Pick<User, 'onDuty' | 'maxOpenOrders'>, held: number | null): AppError | null {
  if (!me.onDuty) return appError('GRAB.OFF_DUTY');
  if (held !== null && held >= me.maxOpenOrders) return appError('GRAB.OVER_CAPACITY', { max: me.maxOpenOrders });
  return null;
}

const mustBeAssignee = (order: Order, who: Who) => (isAssignee(order, who) ? pass() : fail('AUTH.FORBIDDEN'));

/** The resident side of the order: whoever placed it. */
const residentOf = (order: Order): Recipient => ({ kind: 'user', userId: order.createdBy });
/** The household's paired party member hears what the household hears, unless they placed the order (then they already do). */
const toPartyMember = (order: Order, text: string): Effect[] =>
  order.partyMember && order.partyMember.userId !== order.createdBy ? [notify({ kind: 'user', userId: order.partyMember.userId }, order.id, text)] : [];
const companyOf = (order: Order): Recipient => ({ kind: 'company', companyId: order.companyId, communityId: order.communityId });
/** Whoever is expected to act next on an open order. */
function handlerOf(order: Order): Recipient {
  const a = order.assignment;
  if (!a) return companyOf(order);
  return a.mode === 'pool' ? { kind: 'team', teamId: a.teamId } : { kind: 'user', userId: a.workerId };
}

/** Checks a dispatch target: a team of this community and company, and, if named, an on-duty member with room. */
function target(order: Order, teamId: string, workerId: string | null, world: World<'team' | 'user' | 'openOrders'>): Result<Assignment, AppError> {
  const team = world.team(teamId);
  if (!team || team.communityId !== order.communityId || (team.companyId !== null && team.companyId !== order.companyId)) {
    return fail('TEAM.NOT_FOUND');
  }
  if (workerId === null) return ok({ mode: 'pool', teamId });
  const worker = world.user(workerId);
  if (!worker || !team.memberIds.includes(workerId) || !worker.roles.includes('worker')) return fail('TEAM.NOT_MEMBER');
  if (!worker.onDuty) return fail('WORKER.OFF_DUTY', { name: worker.name });
  if (world.openOrders(workerId) >= worker.maxOpenOrders) {
    return fail('WORKER.OVER_CAPACITY', { name: worker.name, max: worker.maxOpenOrders });
  }
  return ok({ mode: 'member', teamId, workerId });
}

/** A 督办 waits for a reply from the dispatchers, or from the worker who holds the order. */
function awaitsReplyFrom(order: Order, i: Instruction, who: Who): boolean {
  if (i.answer) return false;
  if (i.to === 'dispatcher') return who.actor.role === 'dispatcher';
  return who.actor.role === 'worker' && isAssignee(order, who);
}

const sameAssignment = (a: Assignment | null, b: Assignment) =>
  a !== null && a.mode === b.mode && a.teamId === b.teamId && (a.mode === 'pool' || (b.mode === 'member' && a.workerId === b.workerId));

/** What people do to an order: one row per action. */
const PERSON_TRANSITIONS = personRules({
  cancel: {
    from: ['pending_dispatch', 'pending_accept', 'accepted'],
    roles: ['resident'],
    to: 'cancelled',
    guard: pass,
    needs: [],
    // closedAt marks when it ended, from which docs/privacy.md counts the days contact stays visible.
    apply: (order, { reason }, { now }) => {
      if (order.state === 'accepted' && !reason) return fail('ORDER.REASON_REQUIRED', undefined, { reason: '队员已接单，取消请说明原因' });
      const effects = order.assignment ? [notify(handlerOf(order), order.id, '居民已取消工单')] : [];
      return change({ lastReason: reason || null, closedAt: now }, { reason }, [...effects, notify(companyOf(order), order.id, '居民已取消工单')]);
    },
  },
  urge: {
    from: UNFINISHED_STATES,
    roles: ['resident'],
    to: 'unchanged',
    // Urging before anything is late is noise: offered once a deadline or the booked start has passed.
    guard: (order, { now }) => {
      if (!isDueForResident(order, now)) return fail('ORDER.NOT_DUE_YET');
      return order.lastUrgedAt !== null && now - order.lastUrgedAt < URGE_INTERVAL ? fail('ORDER.URGE_TOO_SOON') : pass();
    },
    needs: [],
    apply: (order, _input, { now }) =>
      change({ lastUrgedAt: now, urgeCount: order.urgeCount + 1 }, { count: order.urgeCount + 1 }, [
        notify(handlerOf(order), order.id, `居民催单（第${order.urgeCount + 1}次），请尽快处理`),
      ]),
  },
  confirm: {
    from: ['pending_confirm'],
    roles: ['resident'],
    to: 'closed',
    guard: pass,
    needs: [],
    apply: (order, rating, { now, actor }) => {
      // 代居民确认: a proxy's confirmation is marked, on the timeline and in the statistics.
      const onBehalf = actsOnBehalf(actor, order);
      const who = onBehalf ? `${actor.user.name}代居民确认完成` : '居民已确认完成';
      return change({ rating, closedAt: now, confirmedOnBehalf: onBehalf }, { ...rating, onBehalf }, [
        notify(handlerOf(order), order.id, `${who}，评价${rating.quality}星`),
      ]);
    },
  },
  rework: {
    from: ['pending_confirm', 'closed'],
    roles: ['resident'],
    to: 'accepted',
    guard: (order, { now }) => (order.completion && now - order.completion.at <= REWORK_WINDOW ? pass() : fail('ORDER.REWORK_WINDOW_PASSED')),
    needs: [],
    apply: (order, { reason }, { now }) =>
      change(
        { reworkCount: order.reworkCount + 1, lastReason: reason, completion: null, rating: null, confirmedOnBehalf: false, closedAt: null, acceptedAt: now },
        { reason },
        [notify(handlerOf(order), order.id, `居民申请返工：${reason}`), notify(companyOf(order), order.id, '居民申请返工')],
      ),
  },
  complain: {
    from: ALL_STATES,
    roles: ['resident'],
    to: 'unchanged',
    // One open complaint per order: the supervisor answers it before another is taken, so a loop of
    // complaints cannot fill the queue (or the disk); the answer reopens the way to complain again.
    // Before anyone came, a complaint waits, like 催单, for a deadline or the booked start to pass;
    // once the worker is there or the order has ended, one about conduct or the outcome is always open.
    guard: (order, { now }) => {
      if (COMPLAIN_BEFORE_DUE.includes(order.state) && !isDueForResident(order, now)) return fail('ORDER.NOT_DUE_YET');
      return order.complaints.some((c) => !c.answer) ? fail('ORDER.COMPLAINT_OPEN') : pass();
    },
    needs: [],
    apply: (order, { text }, { now }) =>
      change({ complaints: [...order.complaints, { seq: order.version + 1, text, at: now, answer: null }] }, { text }, [
        notify({ kind: 'supervisors', communityId: order.communityId }, order.id, `居民投诉：${text}`),
      ]),
  },
  dispatch: {
    from: ['pending_dispatch'],
    roles: ['dispatcher'],
    to: 'pending_accept',
    // A 诉求 goes to a team only once classified: its level sets the team's deadlines.
    guard: (order) => (isGrievance(order) && order.grievance.level === null ? fail('GRIEVANCE.NOT_CLASSIFIED') : pass()),
    needs: ['team', 'user', 'openOrders'],
    apply: (order, { teamId, workerId }, world) => {
      const t = target(order, teamId, workerId, world);
      if (!t.ok) return t;
      const next = { ...order, assignment: t.value };
      const routed = isGrievance(order) ? { grievance: { ...order.grievance, route: { to: 'team' as const, at: world.now, by: world.actor.user.id } } } : {};
      return change(
        { assignment: t.value, ...routed },
        { assignment: t.value },
        [notify(handlerOf(next), order.id, `新工单：${order.serviceName}`)],
        capOf(t.value, world),
      );
    },
  },
  reassign: {
    from: ['pending_accept', 'accepted'],
    roles: ['dispatcher'],
    to: 'pending_accept',
    guard: pass,
    needs: ['team', 'user', 'openOrders'],
    apply: (order, { teamId, workerId, reason }, world) => {
      const t = target(order, teamId, workerId, world);
      if (!t.ok) return t;
      if (sameAssignment(order.assignment, t.value)) return fail('ORDER.SAME_ASSIGNEE');
      const next = { ...order, assignment: t.value };
      return change(
        { assignment: t.value, acceptedAt: null, lastReason: reason },
        { previous: order.assignment, assignment: t.value, reason },
        [notify(handlerOf(order), order.id, `工单已转给他人：${reason}`), notify(handlerOf(next), order.id, `转来新工单：${order.serviceName}`)],
        capOf(t.value, world),
      );
    },
  },
  refuse: {
    from: ['pending_dispatch'],
    roles: ['dispatcher'],
    to: 'refused',
    guard: pass,
    needs: [],
    apply: (order, { reason, redirect }, { now }) =>
      change({ lastReason: reason, closedAt: now }, { reason, redirect }, [
        notify(residentOf(order), order.id, `物业退回了工单：${reason}${redirect ? `；建议：${redirect}` : ''}`),
      ]),
  },
  accept: {
    from: ['pending_accept'],
    roles: ['worker'],
    to: 'accepted',
    guard: mustBeAssignee,
    // Capacity was checked when the order was dispatched to this worker; it already counts as theirs.
    needs: [],
    apply: (order, _input, { now }) => change({ acceptedAt: now }, {}, [notify(residentOf(order), order.id, residentNotice('accept'))]),
  },
  grab: {
    from: ['pending_accept'],
    roles: ['worker'],
    to: 'accepted',
    guard: (order, { actor }) => {
      const pool = poolTeamOf(order);
      return pool !== null && actor.teamIds.includes(pool) ? pass() : fail('AUTH.FORBIDDEN');
    },
    needs: ['openOrders'],
    apply: (order, _input, world) => {
      const me = world.actor.user;
      const barred = grabBarrier(me, world.openOrders(me.id));
      if (barred) return err(barred);
      const assignment: Assignment = { mode: 'member', teamId: order.assignment!.teamId, workerId: me.id };
      return change({ assignment, acceptedAt: world.now }, { assignment }, [notify(residentOf(order), order.id, residentNotice('accept'))], {
        workerId: me.id,
        max: me.maxOpenOrders,
      });
    },
  },
  decline: {
    from: ['pending_accept', 'accepted'],
    roles: ['worker'],
    to: 'pending_dispatch',
    guard: mustBeAssignee,
    needs: [],
    apply: (order, { reason }) =>
      change({ assignment: null, acceptedAt: null, lastReason: reason }, { previous: order.assignment, reason }, [
        notify(companyOf(order), order.id, `队员退回工单：${reason}`),
      ]),
  },
  start: {
    from: ['accepted'],
    roles: ['worker'],
    to: 'in_service',
    guard: mustBeAssignee,
    needs: [],
    apply: (order, _input, { now }) => change({ startedAt: now }, {}, [notify(residentOf(order), order.id, residentNotice('start'))]),
  },
  complete: {
    from: ['in_service'],
    roles: ['worker'],
    to: 'pending_confirm',
    guard: mustBeAssignee,
    needs: ['photoUploaded'],
    apply: (order, { notes, photos }, { now, photoUploaded }) => {
      const uploaded = checkPhotos(photos, photoUploaded);
      if (!uploaded.ok) return uploaded;
      // A volunteer's hours are their record (在职党员报到): on site from start to completion.
      const hours = order.volunteer ? volunteerHours(order.startedAt ?? null, now) : null;
      return change(
        { completion: { notes, photos, at: now }, ...(hours === null ? {} : { volunteerHours: hours }) },
        hours === null ? { notes, photos } : { notes, photos, hours },
        [notify(residentOf(order), order.id, residentNotice('complete')), ...toPartyMember(order, residentNotice('complete'))],
      );
    },
  },
  instruct: {
    from: ALL_STATES,
    roles: ['supervisor'],
    to: 'unchanged',
    guard: pass,
    needs: [],
    apply: (order, { text, to, dueInHours }, { now, actor }) => {
      if (to === 'worker' && !order.assignment) {
        return fail('INSTRUCTION.NOT_DISPATCHED');
      }
      const dueAt = dueInHours === null ? null : now + dueInHours * HOUR;
      const instruction = { seq: order.version + 1, text, to, dueAt, at: now, by: actor.user.id, answer: null, overdue: false };
      return change({ instructions: [...order.instructions, instruction] }, { text, to, dueAt }, [
        notify(to === 'worker' ? handlerOf(order) : companyOf(order), order.id, `社区督办：${text}`),
      ]);
    },
  },
  reopen: {
    from: ['closed', 'refused'],
    roles: ['supervisor'],
    to: 'pending_dispatch',
    guard: pass,
    needs: [],
    apply: (order, { reason }) =>
      change(
        { reopenCount: order.reopenCount + 1, lastReason: reason, assignment: null, acceptedAt: null, completion: null, rating: null, closedAt: null },
        { reason, previous: order.assignment },
        [notify(companyOf(order), order.id, `社区重新打开工单：${reason}`), notify(residentOf(order), order.id, '社区已重新打开您的工单')],
      ),
  },
  reply: {
    from: ALL_STATES,
    roles: ['dispatcher', 'worker'],
    to: 'unchanged',
    guard: (order, who) => (order.instructions.some((i) => awaitsReplyFrom(order, i, who)) ? pass() : fail('INSTRUCTION.NONE_AWAITING')),
    needs: [],
    apply: (order, { seq, text }, world) => {
      const target = order.instructions.find((i) => i.seq === seq);
      if (!target || !awaitsReplyFrom(order, target, world)) return invalid({ seq: '没有待回复的这条督办' });
      const answer = { text, at: world.now, by: world.actor.user.id };
      return change({ instructions: order.instructions.map((i) => (i.seq === seq ? { ...i, answer } : i)) }, { seq, text }, [
        notify({ kind: 'user', userId: target.by }, order.id, `督办已回复：${text}`),
      ]);
    },
  },
  answer: {
    from: ALL_STATES,
    roles: ['supervisor'],
    to: 'unchanged',
    guard: (order) => (order.complaints.some((c) => !c.answer) ? pass() : fail('COMPLAINT.NONE_AWAITING')),
    needs: [],
    apply: (order, { seq, text }, { now, actor }) => {
      const target = order.complaints.find((c) => c.seq === seq);
      if (!target || target.answer) return invalid({ seq: '没有待答复的这条投诉' });
      const answer = { text, at: now, by: actor.user.id };
      return change({ complaints: order.complaints.map((c) => (c.seq === seq ? { ...c, answer } : c)) }, { seq, text }, [
        notify(residentOf(order), order.id, `社区答复了您的投诉：${text}`),
      ]);
    },
  },
  revisit: {
    from: ['closed'],
    roles: ['supervisor'],
    to: 'unchanged',
    guard: pass,
    needs: [],
    apply: (order, { reached, satisfied, notes }, { now, actor }) => {
      const visit = { reached, satisfied: reached ? satisfied : null, notes, at: now, by: actor.user.id };
      return change({ returnVisits: [...order.returnVisits, visit] }, { reached, satisfied: visit.satisfied, notes });
    },
  },
  ...BOOKING_RULES,
  ...GRIEVANCE_RULES,
});

/** What the system does to an order by itself, when a deadline passes. */
const SYSTEM_TRANSITIONS: { readonly [S in SystemActionType]: SystemRule } = {
  auto_close: {
    from: ['pending_confirm'],
    to: 'closed',
    due: (order, now) => order.clock?.stage === 'confirm' && now >= order.clock.dueAt,
    apply: (order, now) => ({
      patch: { closedAt: now, autoClosed: true },
      payload: { stage: 'confirm', dueAt: order.clock?.dueAt ?? null },
      effects: [notify(residentOf(order), order.id, '您未在期限内确认，工单已自动办结；如有问题可向社区投诉')],
    }),
  },
};

/** The whole order lifecycle, people's actions and the system's. Nothing else changes an order's state. */
export const TRANSITIONS = { ...PERSON_TRANSITIONS, ...SYSTEM_TRANSITIONS };

/** The data each action's rule declared it needs. */
export type NeedsOf<A extends ActionType> = (typeof TRANSITIONS)[A]['needs'][number];

/** Whether a state is one where work has ended. */
export const isTerminal = (state: OrderState): boolean => TERMINAL_STATES.includes(state);
