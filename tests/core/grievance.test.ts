import { describe, expect, it } from 'vitest';
import {
  DAY,
  HOUR,
  LEVEL_DEADLINES,
  MINUTE,
  UNCLASSIFIED_DEADLINES,
  clockFor,
  decide,
  orderFacts,
  raiseGrievance,
  redactOrder,
  type Actor,
  type Department,
  type GrievanceLevel,
  type Meeting,
  type Order,
  type OrderAction,
  type World,
} from '@core';
import { ACTORS, NOW, resident, user, world } from './fixtures';
import { grievanceFixture } from '../fixtures/grievance';

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
const power: Department = { id: 'd1', communityId: 'c1', name: '供电所', contact: '值班电工', phone: '95598', active: true };
const retired: Department = { ...power, id: 'd2', name: '旧水务站', active: false };
const meeting: Meeting = {
  id: 'm1',
  communityId: 'c1',
  compoundId: 'cp1',
  title: '十二月圆桌会议',
  at: NOW + DAY,
  place: '社区党群服务中心',
  attendees: { street: '街道党工委王书记', neighbourhood: '居委会李主任', partyBranch: '小区支部刘书记', owners: '业委会陈主任', property: '红心物业赵经理' },
  createdBy: 'supervisor',
  createdAt: NOW,
};
const lookups: Partial<World> = {
  department: (id) => [power, retired].find((d) => d.id === id),
  meeting: (id) => (id === meeting.id ? meeting : undefined),
};
const act = (o: Order, action: OrderAction, actor: Actor, now = NOW) => decide(o, action, o.version, { ...world(actor, lookups), now });
/** Acts and returns the next order, failing the spec if the action is refused. */
function step(o: Order, action: OrderAction, actor: Actor, now = NOW): Order {
  const r = act(o, action, actor, now);
  if (!r.ok) throw new Error(`${action.type} refused: ${r.error.code}`);
  return r.value.order;
}

/** A 诉求 raised at NOW by the fixture resident, as the core builds it. */
function raised(): Order {
  const r = raiseGrievance(
    { category: 'facility', householdId: 'h1', description: '1号楼北侧路灯不亮', place: '1号楼北侧', anonymous: false, photos: [] },
    {
      now: NOW,
      actor: ACTORS.resident,
      id: 'g1',
      household: { id: 'h1', communityId: 'c1', compoundId: 'cp1', buildingId: 'b1', door: '2单元301', contactName: '张秀兰', contactPhone: '13800001111' },
      compound: { id: 'cp1', communityId: 'c1', name: '阳光小区', companyId: 'pc1' },
      building: { id: 'b1', compoundId: 'cp1', name: '1号楼' },
      photoUploaded: () => true,
    },
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.value.order;
}
const classified = (level: GrievanceLevel = 'normal') => step(raised(), { type: 'classify', input: { category: 'facility', level } }, ACTORS.dispatcher);
const toDepartment = () => step(classified(), { type: 'route', input: { to: 'department', departmentId: 'd1', meetingId: null, note: '' } }, ACTORS.supervisor);
const toRoundtable = () =>
  step(classified('major'), { type: 'route', input: { to: 'roundtable', departmentId: null, meetingId: 'm1', note: '' } }, ACTORS.supervisor);

const neighbour: Actor = { user: user('neighbour', ['resident'], { householdIds: ['h2'], name: '李建国' }), role: 'resident', teamIds: [] };
const stranger: Actor = { user: user('stranger', ['resident'], { householdIds: ['h9'], communityId: 'c2' }), role: 'resident', teamIds: [] };

describe('raising a 诉求', () => {
  it('makes an order of kind grievance, unclassified, whose classification is due within 2 hours', () => {
    const g = raised();
    expect(g).toMatchObject({ kind: 'grievance', state: 'pending_dispatch', serviceName: '诉求·设施报修', createdBy: resident.id });
    expect(g.grievance).toMatchObject({ category: 'facility', level: null, route: null, place: '1号楼北侧' });
    expect(g.sla).toEqual(UNCLASSIFIED_DEADLINES);
    expect(g.clock).toMatchObject({ stage: 'dispatch', dueAt: NOW + 2 * HOUR });
  });

  it('is refused for a household that is not the resident’s', () => {
    const r = raiseGrievance(
      { category: 'other', householdId: 'h2', description: '噪音', place: '', anonymous: true, photos: [] },
      { now: NOW, actor: ACTORS.resident, id: 'g2', household: undefined, compound: undefined, building: undefined, photoUploaded: () => true },
    );
    expect(codeOf(r)).toBe('HOUSEHOLD.NOT_YOURS');
  });
});

describe('classification and routing, per level', () => {
  it.each([
    ['normal', 24 * HOUR, 7 * DAY],
    ['urgent', 30 * MINUTE, DAY],
    ['major', 2 * HOUR, 15 * DAY],
  ] as const)('a %s 诉求 must be routed within %i ms and answered within %i ms of routing', (level, routeIn, answerIn) => {
    const g = classified(level);
    expect(g.sla).toEqual(LEVEL_DEADLINES[level]);
    expect(g.clock).toMatchObject({ stage: 'dispatch', dueAt: NOW + routeIn });
    const later = NOW + 10 * MINUTE;
    const routed = step(g, { type: 'route', input: { to: 'company', departmentId: null, meetingId: null, note: '' } }, ACTORS.dispatcher, later);
    expect(routed.state).toBe('referred');
    expect(routed.clock).toMatchObject({ stage: 'complete', dueAt: later + answerIn });
  });

  it('counts routing as its response for 响应率, on time within the level’s deadlines', () => {
    const later = NOW + 10 * MINUTE;
    const routed = step(
      classified('urgent'),
      { type: 'route', input: { to: 'department', departmentId: 'd1', meetingId: null, note: '' } },
      ACTORS.supervisor,
      later,
    );
    expect(routed.firstAcceptedAt).toBe(later);
    expect(orderFacts(routed).respondedOnTime).toBe(true);
    const slow = step(
      classified('urgent'),
      { type: 'route', input: { to: 'company', departmentId: null, meetingId: null, note: '' } },
      ACTORS.dispatcher,
      NOW + 2 * HOUR,
    );
    expect(orderFacts(slow).respondedOnTime).toBe(false);
  });

  it('takes an urgent level’s shorter clock even for a 诉求 already waiting, and marks it late at once if that has passed', () => {
    const r = act(raised(), { type: 'classify', input: { category: 'safety', level: 'urgent' } }, ACTORS.supervisor, NOW + HOUR);
    expect(r.ok && r.value.order.clock?.dueAt).toBe(NOW + 30 * MINUTE);
    expect(r.ok && r.value.order.grievance?.category).toBe('safety');
  });

  it('is neither routed nor dispatched to a team before it is classified', () => {
    expect(codeOf(act(raised(), { type: 'route', input: { to: 'company', departmentId: null, meetingId: null, note: '' } }, ACTORS.dispatcher))).toBe(
      'GRIEVANCE.NOT_CLASSIFIED',
    );
    expect(codeOf(act(raised(), { type: 'dispatch', input: { teamId: 't1', workerId: null } }, ACTORS.dispatcher))).toBe('GRIEVANCE.NOT_CLASSIFIED');
  });

  it('goes to a service team through the usual 派单, which records the team route', () => {
    const g = step(classified('urgent'), { type: 'dispatch', input: { teamId: 't1', workerId: null } }, ACTORS.dispatcher);
    expect(g.state).toBe('pending_accept');
    expect(g.grievance?.route).toMatchObject({ to: 'team' });
    expect(g.clock).toMatchObject({ stage: 'accept', dueAt: NOW + 30 * MINUTE });
  });

  it('is routed only to an active department of its community', () => {
    const route = (departmentId: string | null) => ({ type: 'route' as const, input: { to: 'department' as const, departmentId, meetingId: null, note: '' } });
    expect(codeOf(act(classified(), route('d2'), ACTORS.supervisor))).toBe('DEPARTMENT.NOT_FOUND');
    expect(codeOf(act(classified(), route('nope'), ACTORS.supervisor))).toBe('DEPARTMENT.NOT_FOUND');
    expect(codeOf(act(classified(), route(null), ACTORS.supervisor))).toBe('INPUT.INVALID');
    expect(toDepartment().grievance?.route).toMatchObject({ to: 'department', departmentId: 'd1', departmentName: '供电所' });
  });

  it('is not an action for a service order', () => {
    const service = grievanceFixture(NOW, {}, { kind: undefined, grievance: undefined });
    expect(codeOf(act(service, { type: 'classify', input: { category: 'other', level: 'normal' } }, ACTORS.dispatcher))).toBe('GRIEVANCE.NOT_A_GRIEVANCE');
  });
});

describe('an outside department’s reply, entered by the supervisor', () => {
  it('gives the 诉求 its outcome for the resident to confirm, on time, and tells every follower', () => {
    const joined = step(toDepartment(), { type: 'me_too', input: {} }, neighbour);
    const r = act(joined, { type: 'resolve', input: { text: '供电所已更换灯泡', photos: [] } }, ACTORS.supervisor, NOW + DAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.order.state).toBe('pending_confirm');
    expect(r.value.order.completion?.notes).toBe('供电所已更换灯泡');
    expect(r.value.order.grievance?.replies).toEqual([
      { departmentId: 'd1', departmentName: '供电所', text: '供电所已更换灯泡', accepted: true, routedAt: NOW, at: NOW + DAY, late: false },
    ]);
    const told = r.value.effects.map((e) => (e.to.kind === 'user' ? e.to.userId : e.to.kind));
    expect(told.sort()).toEqual([resident.id, 'neighbour'].sort());
  });

  it('records a reply after the level’s deadline as late', () => {
    const r = act(toDepartment(), { type: 'resolve', input: { text: '已处理', photos: [] } }, ACTORS.supervisor, NOW + 8 * DAY);
    expect(r.ok && r.value.order.grievance?.replies[0]?.late).toBe(true);
  });

  it('is the supervisor’s to enter, not the dispatcher’s; the company route is the dispatcher’s', () => {
    expect(codeOf(act(toDepartment(), { type: 'resolve', input: { text: '已处理', photos: [] } }, ACTORS.dispatcher))).toBe('AUTH.FORBIDDEN');
    const company = step(classified(), { type: 'route', input: { to: 'company', departmentId: null, meetingId: null, note: '' } }, ACTORS.supervisor);
    expect(codeOf(act(company, { type: 'resolve', input: { text: '已处理', photos: [] } }, ACTORS.supervisor))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(act(company, { type: 'resolve', input: { text: '物业已清理', photos: [] } }, ACTORS.dispatcher))).toBe('ok');
  });

  it('records a department that says "not ours" and sends the 诉求 back to be routed again', () => {
    const back = step(toDepartment(), { type: 'unroute', input: { reason: '路灯归城管' } }, ACTORS.supervisor, NOW + HOUR);
    expect(back.state).toBe('pending_dispatch');
    expect(back.grievance?.route).toBeNull();
    expect(back.grievance?.replies).toMatchObject([{ departmentName: '供电所', text: '路灯归城管', accepted: false }]);
  });

  it('ends rated by the resident, like any order', () => {
    const answered = step(toDepartment(), { type: 'resolve', input: { text: '已更换', photos: [] } }, ACTORS.supervisor);
    const closed = step(answered, { type: 'confirm', input: { attitude: 5, timeliness: 4, quality: 5, comment: '' } }, ACTORS.resident);
    expect(closed).toMatchObject({ state: 'closed', rating: { quality: 5 } });
  });
});

describe('我也遇到 and 关注', () => {
  it('adds a neighbour to the existing 诉求 (no duplicate) and makes them a follower', () => {
    const g = step(raised(), { type: 'me_too', input: {} }, neighbour);
    expect(g.grievance).toMatchObject({ supporters: ['neighbour'], followers: ['neighbour'] });
    expect(g.version).toBe(2);
  });

  it('is refused to the resident who raised it, to a second press, and to another community', () => {
    expect(codeOf(act(raised(), { type: 'me_too', input: {} }, ACTORS.resident))).toBe('GRIEVANCE.OWN');
    expect(codeOf(act(step(raised(), { type: 'me_too', input: {} }, neighbour), { type: 'me_too', input: {} }, neighbour))).toBe('GRIEVANCE.ALREADY_JOINED');
    expect(codeOf(act(raised(), { type: 'me_too', input: {} }, stranger))).toBe('ORDER.NOT_FOUND');
  });

  it('reaches no other action of a neighbour’s 诉求', () => {
    expect(codeOf(act(raised(), { type: 'cancel', input: { reason: '' } }, neighbour))).toBe('ORDER.NOT_FOUND');
  });

  it('lets a neighbour follow once', () => {
    const g = step(raised(), { type: 'follow', input: {} }, neighbour);
    expect(g.grievance?.followers).toEqual(['neighbour']);
    expect(codeOf(act(g, { type: 'follow', input: {} }, neighbour))).toBe('GRIEVANCE.ALREADY_FOLLOWING');
  });
});

describe('anonymity', () => {
  it.each([false, true])('shows a neighbour no name, phone, door or photo of whoever raised it (anonymous: %s)', (anonymous) => {
    const g = grievanceFixture(NOW, { anonymous }, { photos: ['f1.jpg'] });
    const seen = redactOrder(g, neighbour, NOW);
    expect(seen).toMatchObject({ contactName: '', contactPhone: '', createdBy: '', householdId: '', photos: [] });
    expect(seen.address.door).toBe('');
    expect(JSON.stringify(seen)).not.toContain('张秀兰');
    expect(JSON.stringify(seen)).not.toContain('2单元301');
  });

  it('still shows staff the person to call', () => {
    const g = grievanceFixture(NOW, { anonymous: true });
    expect(redactOrder(g, ACTORS.dispatcher, NOW).contactName).toBe('张秀兰');
  });
});

describe('the roundtable', () => {
  it('puts a 诉求 on a meeting’s agenda, records the decision and follows the item to a rated outcome', () => {
    const onAgenda = toRoundtable();
    expect(onAgenda.grievance?.route).toMatchObject({ to: 'roundtable', meetingId: 'm1' });
    expect(codeOf(act(onAgenda, { type: 'resolve', input: { text: '已办', photos: [] } }, ACTORS.supervisor))).toBe('GRIEVANCE.NO_DECISION');

    const dueAt = NOW + 10 * DAY;
    const decided = step(onAgenda, { type: 'agenda_decide', input: { decision: '业委会出资更换消防门', responsible: 'owners', dueAt } }, ACTORS.supervisor);
    expect(decided.grievance?.agenda).toMatchObject({ meetingId: 'm1', responsible: 'owners', dueAt });
    expect(decided.clock).toEqual({ stage: 'complete', enteredAt: NOW, dueAt, level: 0 });

    const done = step(decided, { type: 'resolve', input: { text: '消防门已更换', photos: [] } }, ACTORS.supervisor, NOW + 9 * DAY);
    const rated = step(done, { type: 'confirm', input: { attitude: 5, timeliness: 5, quality: 5, comment: '谢谢' } }, ACTORS.resident, NOW + 9 * DAY);
    expect(rated.state).toBe('closed');
  });

  it('refuses a decision whose deadline has passed, and a meeting that does not exist', () => {
    expect(codeOf(act(toRoundtable(), { type: 'agenda_decide', input: { decision: '再议', responsible: 'street', dueAt: NOW - 1 } }, ACTORS.supervisor))).toBe(
      'INPUT.INVALID',
    );
    const route = { type: 'route' as const, input: { to: 'roundtable' as const, departmentId: null, meetingId: 'm9', note: '' } };
    expect(codeOf(act(classified(), route, ACTORS.supervisor))).toBe('MEETING.NOT_FOUND');
  });

  it('keeps the roundtable’s deadline when the level is changed afterwards', () => {
    const dueAt = NOW + 20 * DAY;
    const decided = step(toRoundtable(), { type: 'agenda_decide', input: { decision: '街道协调', responsible: 'street', dueAt } }, ACTORS.supervisor);
    const relevelled = step(decided, { type: 'classify', input: { category: 'safety', level: 'urgent' } }, ACTORS.supervisor);
    expect(relevelled.clock?.dueAt).toBe(dueAt);
  });
});

it('runs the clock of a referred 诉求 on the resolve stage', () => {
  expect(clockFor('referred', LEVEL_DEADLINES.normal, NOW)).toMatchObject({ stage: 'complete', dueAt: NOW + 7 * DAY });
});
