import type { Who } from './actor';
import { stageDueAt } from './deadlines';
import { fail, invalid, type AppError } from './errors';
import { PARTY_LABELS, followersOf, followsGrievance, isGrievance, LEVEL_DEADLINES, type DepartmentReply, type Grievance, type Route } from './grievance';
import { OPEN_STATES, UNFINISHED_STATES, type Order } from './order';
import type { Change, Rule } from './order-rule';
import { notify, type Effect, type Recipient } from './notifications';
import { checkPhotos } from './photos';
import { ok, type Result } from './result';
import { residentNotice } from './event-texts';
import { canSee } from './order-scope';

const pass = (): Result<void, AppError> => ok(undefined);
const change = (patch: Change['patch'], payload: Change['payload'], effects: Effect[] = []): Result<Change, AppError> => ok({ patch, payload, effects });
const residentOf = (order: Order): Recipient => ({ kind: 'user', userId: order.createdBy });
const companyOf = (order: Order): Recipient => ({ kind: 'company', companyId: order.companyId, communityId: order.communityId });
const supervisorsOf = (order: Order): Recipient => ({ kind: 'supervisors', communityId: order.communityId });
/** The resident who raised it and everyone who said 我也遇到 or 关注. */
const everyoneFollowing = (order: Order, text: string): Effect[] => [
  notify(residentOf(order), order.id, text),
  ...followersOf(order).map((userId) => notify({ kind: 'user', userId }, order.id, text)),
];

/** The grievance part of an order the guard has already checked to be a 诉求. */
const g = (order: Order): Grievance => order.grievance!;
const withGrievance = (order: Order, part: Partial<Grievance>) => ({ grievance: { ...g(order), ...part } });

const mustBeGrievance = (order: Order) => (isGrievance(order) ? pass() : fail('GRIEVANCE.NOT_A_GRIEVANCE'));

/**
 * Who answers for a routed 诉求: the dispatcher when the property company handles it itself, the
 * supervisor when an outside department or the roundtable does (the supervisor enters their reply).
 */
function mustHoldRoute(order: Order, { actor }: Who): Result<void, AppError> {
  const route = order.grievance?.route;
  if (!isGrievance(order) || !route || route.to === 'team') return fail('GRIEVANCE.NOT_A_GRIEVANCE');
  return (route.to === 'company') === (actor.role === 'dispatcher') ? pass() : fail('AUTH.FORBIDDEN');
}

/** A department's answer, on time or not against the clock the route started. */
function departmentReply(order: Order, text: string, accepted: boolean, now: number): DepartmentReply[] {
  const route = g(order).route;
  if (route?.to !== 'department') return [...g(order).replies];
  const late = order.clock !== null && now > order.clock.dueAt;
  return [...g(order).replies, { departmentId: route.departmentId, departmentName: route.departmentName, text, accepted, routedAt: route.at, at: now, late }];
}

/**
 * The 诉求's own rows of the one lifecycle table (core/order-transitions.ts): classified and routed
 * by the dispatcher or supervisor, answered for the company, a department or the roundtable, joined
 * (我也遇到) and followed by neighbours. Routing to a service team is the table's `dispatch`.
 */
export const GRIEVANCE_RULES = {
  classify: {
    from: UNFINISHED_STATES,
    roles: ['dispatcher', 'supervisor'],
    to: 'unchanged',
    guard: mustBeGrievance,
    needs: [],
    // The level sets the deadlines; the running stage keeps its start and takes the level's time,
    // unless the roundtable already set its own deadline.
    apply: (order, { category, level }, { now }) => {
      const sla = LEVEL_DEADLINES[level];
      const keep = order.clock === null || g(order).agenda !== null;
      const dueAt = order.clock && stageDueAt(order.clock.stage, order.clock.enteredAt, sla);
      const clock = keep || !order.clock || dueAt === null ? order.clock : { ...order.clock, dueAt, level: dueAt > now ? 0 : order.clock.level };
      return change(
        { ...withGrievance(order, { category, level }), sla, clock },
        { category, level, previous: { category: g(order).category, level: g(order).level } },
      );
    },
  },
  route: {
    from: ['pending_dispatch'],
    roles: ['dispatcher', 'supervisor'],
    to: 'referred',
    guard: (order) => (!isGrievance(order) ? fail('GRIEVANCE.NOT_A_GRIEVANCE') : order.grievance.level === null ? fail('GRIEVANCE.NOT_CLASSIFIED') : pass()),
    needs: ['department', 'meeting'] as const,
    apply: (order, { to, departmentId, meetingId, note }, world) => {
      const { now, actor } = world;
      const by = actor.user.id;
      let route: Route;
      const effects: Effect[] = [];
      if (to === 'department') {
        const d = departmentId === null ? undefined : world.department(departmentId);
        if (!d?.active || d.communityId !== order.communityId)
          return departmentId === null ? invalid({ departmentId: '请选择职能部门' }) : fail('DEPARTMENT.NOT_FOUND');
        route = { to, departmentId: d.id, departmentName: d.name, at: now, by };
        effects.push(notify(supervisorsOf(order), order.id, `诉求已转${d.name}办理，请跟进并录入部门答复`));
      } else if (to === 'roundtable') {
        const m = meetingId === null ? undefined : world.meeting(meetingId);
        if (!m || m.communityId !== order.communityId) return meetingId === null ? invalid({ meetingId: '请选择圆桌会议' }) : fail('MEETING.NOT_FOUND');
        route = { to, meetingId: m.id, at: now, by };
        effects.push(notify(supervisorsOf(order), order.id, `诉求已列入圆桌会议议程：${m.title}`));
      } else {
        route = { to, at: now, by };
        effects.push(notify(companyOf(order), order.id, '诉求转物业公司办理，请办理后录入结果'));
      }
      effects.push(notify(residentOf(order), order.id, residentNotice('route')));
      // Taken on by whoever it is routed to: that is its response (响应率), as a team's acceptance is an order's.
      return change({ ...withGrievance(order, { route, agenda: null }), firstAcceptedAt: order.firstAcceptedAt ?? now }, { ...route, note });
    },
  },
  resolve: {
    from: ['referred'],
    roles: ['dispatcher', 'supervisor'],
    to: 'pending_confirm',
    guard: (order, who) => {
      const held = mustHoldRoute(order, who);
      if (!held.ok) return held;
      return order.grievance?.route?.to === 'roundtable' && !order.grievance.agenda ? fail('GRIEVANCE.NO_DECISION') : pass();
    },
    needs: ['photoUploaded'] as const,
    apply: (order, { text, photos }, { now, photoUploaded }) => {
      const uploaded = checkPhotos(photos, photoUploaded);
      if (!uploaded.ok) return uploaded;
      const replies = departmentReply(order, text, true, now);
      const reply = replies.length > g(order).replies.length ? replies[replies.length - 1] : null;
      return change(
        { completion: { notes: text, photos, at: now }, ...withGrievance(order, { replies }) },
        { text, photos, ...(reply && { departmentId: reply.departmentId, late: reply.late }) },
        everyoneFollowing(order, `您关注的诉求有了办理结果：${text}`),
      );
    },
  },
  unroute: {
    from: ['referred'],
    roles: ['dispatcher', 'supervisor'],
    to: 'pending_dispatch',
    guard: mustHoldRoute,
    needs: [],
    // A department that says "not ours" is recorded as such (FixMyStreet: say who refused it), and
    // the 诉求 goes back to be routed elsewhere.
    apply: (order, { reason }, { now }) =>
      change(
        { lastReason: reason, ...withGrievance(order, { route: null, agenda: null, replies: departmentReply(order, reason, false, now) }) },
        { reason, previous: g(order).route },
        [notify(companyOf(order), order.id, `诉求退回，请重新分派：${reason}`), notify(supervisorsOf(order), order.id, `诉求退回，请重新分派：${reason}`)],
      ),
  },
  me_too: {
    from: OPEN_STATES,
    roles: ['resident'],
    to: 'unchanged',
    neighbours: true,
    guard: (order, who) => {
      if (!isGrievance(order)) return fail('GRIEVANCE.NOT_A_GRIEVANCE');
      if (canSee(order, who.actor)) return fail('GRIEVANCE.OWN');
      return order.grievance.supporters.includes(who.actor.user.id) ? fail('GRIEVANCE.ALREADY_JOINED') : pass();
    },
    needs: [],
    // One more voice on the same 诉求 instead of a duplicate; whoever says so is told of its outcome.
    apply: (order, _input, { actor }) => {
      const me = actor.user.id;
      const supporters = [...g(order).supporters, me];
      const followers = g(order).followers.includes(me) ? g(order).followers : [...g(order).followers, me];
      return change(withGrievance(order, { supporters, followers }), { supporters: supporters.length }, [
        notify(residentOf(order), order.id, residentNotice('me_too')),
      ]);
    },
  },
  follow: {
    from: OPEN_STATES,
    roles: ['resident'],
    to: 'unchanged',
    neighbours: true,
    guard: (order, who) => {
      if (!isGrievance(order)) return fail('GRIEVANCE.NOT_A_GRIEVANCE');
      if (canSee(order, who.actor)) return fail('GRIEVANCE.OWN');
      return followsGrievance(order, who.actor.user.id) ? fail('GRIEVANCE.ALREADY_FOLLOWING') : pass();
    },
    needs: [],
    apply: (order, _input, { actor }) => change(withGrievance(order, { followers: [...g(order).followers, actor.user.id] }), {}),
  },
  agenda_decide: {
    from: ['referred'],
    roles: ['supervisor'],
    to: 'unchanged',
    guard: (order) => (order.grievance?.route?.to === 'roundtable' ? pass() : fail('GRIEVANCE.NOT_A_GRIEVANCE')),
    needs: [],
    // The roundtable's deadline replaces the level's: the item is followed against what was agreed.
    apply: (order, { decision, responsible, dueAt }, { now }) => {
      const route = g(order).route;
      if (route?.to !== 'roundtable') return fail('GRIEVANCE.NOT_A_GRIEVANCE');
      if (dueAt <= now) return invalid({ dueAt: '完成期限应晚于现在' });
      const agenda = { meetingId: route.meetingId, decision, responsible, dueAt, at: now };
      return change(
        { ...withGrievance(order, { agenda }), clock: { stage: 'complete', enteredAt: now, dueAt, level: 0 } },
        { decision, responsible, dueAt },
        everyoneFollowing(order, `圆桌会议已议定：${decision}（${PARTY_LABELS[responsible]}负责）`),
      );
    },
  },
} satisfies {
  readonly [A in 'classify' | 'unroute' | 'me_too' | 'follow' | 'agenda_decide']: Rule<A, never>;
} & { readonly route: Rule<'route', 'department' | 'meeting'>; readonly resolve: Rule<'resolve', 'photoUploaded'> };
