import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_TYPES, ROLES, type ActionType, type Role } from '@core';
import { DEMO_DATA } from '@backend/server/demo-data';
import { userFixture } from '../fixtures/user';
import { desk, inProcessRig, type Rig } from './support/rig';

/*
 * The authorization matrix, walked: for every action, a fresh order of 幸福里 is brought through the
 * real handlers (as the real people) into a state where the lifecycle allows that action; then each
 * role tries it as the person tied to the order (own), as someone of the same community with no tie
 * (other), and as someone of a second community whose links would match if communities were ignored
 * (foreign: a household id of 幸福里 on file, the same property company). Who may do what is written
 * here by hand from the rules, not read from core/order-transitions.ts. A refusal is one of
 * four codes and writes nothing.
 */

type Relation = 'own' | 'other' | 'foreign';
const RELATIONS: readonly Relation[] = ['own', 'other', 'foreign'];

/**
 * The rules, by hand. Residents: cancel/urge/confirm/rework/complain on their own household's
 * orders. Dispatchers: dispatch/reassign/refuse on their company's orders (and reply to a 督办
 * addressed to the dispatcher). Workers: accept/decline/start/complete on orders assigned to them,
 * grab from their team's pool, reply to a 督办 addressed to workers. Supervisors: instruct/reopen/
 * revisit/answer on any order of their community. Admins: no order actions. Nobody acts on another
 * community's orders.
 */
const MAY: Readonly<Record<Role, readonly ActionType[]>> = {
  resident: ['cancel', 'urge', 'confirm', 'rework', 'complain', 'reschedule', 'accept_time', 'refuse_time', 'me_too', 'follow'],
  dispatcher: ['dispatch', 'reassign', 'refuse', 'reply', 'classify', 'route'],
  worker: ['accept', 'decline', 'start', 'complete', 'grab', 'reply', 'propose_time'],
  // 诉求: resolve and unroute of one routed to an outside department (the supervisor enters its answer).
  supervisor: ['instruct', 'reopen', 'revisit', 'answer', 'classify', 'route', 'resolve', 'unroute', 'agenda_decide'],
  admin: [],
  group_leader: [],
};
/** 我也遇到 and 关注: a resident of the same community who did not raise the 诉求 (the one who did is told GRIEVANCE.OWN). */
const NEIGHBOUR_ACTIONS: readonly ActionType[] = ['me_too', 'follow'];
function allowed(action: ActionType, role: Role, relation: Relation): boolean {
  if (relation === 'foreign') return false;
  if (NEIGHBOUR_ACTIONS.includes(action)) return role === 'resident' && relation === 'other';
  // Only a supervisor's tie is the community itself: any supervisor of 幸福里 may supervise any of its orders.
  if (relation === 'other' && role !== 'supervisor') return false;
  return MAY[role].includes(action);
}
const REFUSALS = ['AUTH.FORBIDDEN', 'ORDER.NOT_FOUND', 'AUTH.ROLE_NOT_HELD', 'ORDER.TRANSITION_NOT_ALLOWED', 'GRIEVANCE.OWN'];

// ---- The second community (and the untied people of the first), added through the store ----------

const B = 'c-second';
const cast = {
  // 幸福里, tied to nothing of the orders below.
  otherDispatcher: userFixture('x-dispatcher', 'c-xingfuli', ['dispatcher'], { companyId: 'pc-second' }),
  otherSupervisor: userFixture('x-supervisor', 'c-xingfuli', ['supervisor']),
  otherAdmin: userFixture('x-admin', 'c-xingfuli', ['admin']),
  // The second community: links that would match 幸福里's orders if the community were not checked.
  resident: userFixture('b-resident', B, ['resident'], { householdIds: ['h-b-1', 'h-yg-a'] }),
  dispatcher: userFixture('b-dispatcher', B, ['dispatcher'], { companyId: 'pc-hongxin' }),
  worker: userFixture('b-worker', B, ['worker']),
  supervisor: userFixture('b-supervisor', B, ['supervisor']),
  admin: userFixture('b-admin', B, ['admin']),
  // 楼栋党小组长: of 和平小区's 5号楼 (not the orders' building), and of the second community's.
  otherLeader: userFixture('x-leader', 'c-xingfuli', ['group_leader'], { leads: ['b-hp-5'] }),
  leader: userFixture('b-leader', B, ['group_leader'], { leads: ['b-b-1', 'b-yg-1'] }),
};

/** Who plays each role in each relation to the orders (all placed by 张秀兰 for h-yg-a, company 红心物业, held by 刘师傅 of t-general). */
const PLAYER: Readonly<Record<Role, Record<Relation, string>>> = {
  resident: { own: 'demo-resident', other: 'demo-resident-2', foreign: cast.resident.id },
  dispatcher: { own: 'demo-dispatcher', other: cast.otherDispatcher.id, foreign: cast.dispatcher.id },
  // 赵阿姨 is in t-elder only: neither holder nor in the pool's team.
  worker: { own: 'demo-worker', other: 'demo-worker-2', foreign: cast.worker.id },
  supervisor: { own: 'demo-supervisor', other: cast.otherSupervisor.id, foreign: cast.supervisor.id },
  admin: { own: 'demo-admin', other: cast.otherAdmin.id, foreign: cast.admin.id },
  group_leader: { own: 'demo-leader', other: cast.otherLeader.id, foreign: cast.leader.id },
};

async function addSecondCommunity(r: Rig) {
  const xingfuli = DEMO_DATA.communities[0]!;
  await r.store.putRefs('communities', [{ ...xingfuli, id: B, name: '第二社区', secretaryUserId: null }]);
  await r.store.putRefs('companies', [{ id: 'pc-second', name: '第二物业' }]);
  await r.store.putRefs('compounds', [{ id: 'cp-b', communityId: B, name: '乙小区', companyId: 'pc-hongxin' }]);
  await r.store.putRefs('buildings', [{ id: 'b-b-1', compoundId: 'cp-b', name: '1号楼' }]);
  await r.store.putRefs('households', [
    { id: 'h-b-1', communityId: B, compoundId: 'cp-b', buildingId: 'b-b-1', door: '1单元101', contactName: '乙', contactPhone: '13800009999' },
  ]);
  await r.store.putRefs('teams', [{ id: 't-b', communityId: B, companyId: 'pc-hongxin', name: '乙队', categories: ['repair'], memberIds: [cast.worker.id] }]);
  await r.store.putRefs('serviceItems', [{ ...DEMO_DATA.serviceItems.find((s) => s.id === 's-repair')!, id: 's-b-repair', communityId: B }]);
  // Everyone has room for every order the matrix places (capacity is raced elsewhere).
  await r.store.putRefs('users', [...DEMO_DATA.users.map((u) => ({ ...u, maxOpenOrders: 100_000 })), ...Object.values(cast)]);
}

// ---- Walking a fresh order into a state where the action is allowed ------------------------------

type O = { id: string; version: number };

/** Brings a fresh order, through the handlers, to where `action` is allowed; returns it with the input to send. */
async function prepare(r: Rig, action: ActionType, role: Role): Promise<{ order: O; input: Record<string, unknown> }> {
  const c = desk(r);
  const dispatched = async (workerId: string | null = 'demo-worker') =>
    c.step('demo-dispatcher', 'dispatcher', await c.place(), 'dispatch', workerId ? { teamId: 't-general', workerId } : { teamId: 't-general' });
  const accepted = async () => c.step('demo-worker', 'worker', await dispatched(), 'accept');
  const inService = async () => c.step('demo-worker', 'worker', await accepted(), 'start');
  const done = async () => c.step('demo-worker', 'worker', await inService(), 'complete', { notes: '已修好' });
  const closed = async () => c.step('demo-resident', 'resident', await done(), 'confirm', { attitude: 5, timeliness: 5, quality: 5 });
  // 催单 and 投诉 wait until something is late: past the dispatch deadline (two hours) of a fresh order.
  const late = async () => {
    const o = await c.place();
    r.advance(3 * 3_600_000);
    return o;
  };
  const tomorrow = () => ({ from: r.now() + 24 * 3_600_000, to: r.now() + 26 * 3_600_000 });
  const classified = async () => c.step('demo-dispatcher', 'dispatcher', await c.raise(), 'classify', { category: 'facility', level: 'normal' });
  const routed = async (input: Record<string, unknown>) => c.step('demo-supervisor', 'supervisor', await classified(), 'route', input);
  const proposed = async () => c.step('demo-worker', 'worker', await accepted(), 'propose_time', { timeWindow: tomorrow(), reason: '家中无人' });
  switch (action) {
    case 'cancel':
      return { order: await c.place(), input: { reason: '不需要了' } };
    case 'urge':
      return { order: await late(), input: {} };
    case 'complain':
      return { order: await late(), input: { text: '一直没人联系' } };
    case 'reschedule':
      return { order: await c.place(), input: { timeWindow: tomorrow(), reason: '明天才在家' } };
    case 'propose_time':
      return { order: await accepted(), input: { timeWindow: tomorrow(), reason: '需要买配件' } };
    case 'accept_time':
      return { order: await proposed(), input: {} };
    case 'refuse_time':
      return { order: await proposed(), input: { reason: '今天就要' } };
    case 'confirm':
      return { order: await done(), input: { attitude: 5, timeliness: 4, quality: 5 } };
    case 'rework':
      return { order: await done(), input: { reason: '还在漏' } };
    case 'dispatch':
      return { order: await c.place(), input: { teamId: 't-general', workerId: 'demo-worker' } };
    case 'refuse':
      return { order: await c.place(), input: { reason: '不归物业管', redirect: '请找供水公司' } };
    case 'reassign':
      return { order: await dispatched(), input: { teamId: 't-elder', workerId: 'demo-worker-2', reason: '换人' } };
    case 'accept':
      return { order: await dispatched(), input: {} };
    case 'decline':
      return { order: await dispatched(), input: { reason: '在外地' } };
    case 'grab':
      return { order: await dispatched(null), input: {} };
    case 'start':
      return { order: await accepted(), input: {} };
    case 'complete':
      return { order: await inService(), input: { notes: '已修好', photos: [] } };
    case 'instruct':
      return { order: await c.place(), input: { text: '请今天派单', to: 'dispatcher', dueInHours: 4 } };
    case 'reopen':
      return { order: await c.step('demo-dispatcher', 'dispatcher', await c.place(), 'refuse', { reason: '不归物业管' }), input: { reason: '其实归物业管' } };
    case 'revisit':
      return { order: await closed(), input: { reached: true, satisfied: true, notes: '满意' } };
    case 'answer': {
      const o = await c.step('demo-resident', 'resident', await late(), 'complain', { text: '太慢了' });
      return { order: o, input: { seq: o.version, text: '已督促物业' } };
    }
    case 'classify':
      return { order: await c.raise(), input: { category: 'safety', level: 'urgent' } };
    case 'route':
      return { order: await classified(), input: { to: 'company' } };
    case 'resolve':
      return { order: await routed({ to: 'department', departmentId: 'd-power' }), input: { text: '供电所已更换路灯' } };
    case 'unroute':
      return { order: await routed({ to: 'department', departmentId: 'd-power' }), input: { reason: '路灯归城管' } };
    case 'me_too':
    case 'follow':
      return { order: await c.raise(), input: {} };
    case 'agenda_decide': {
      const made = await r.call(
        'grievances',
        {
          action: 'createMeeting',
          role: 'supervisor',
          compoundId: 'cp-yangguang',
          title: '圆桌会议',
          at: r.now() + 86_400_000,
          place: '社区党群服务中心',
          attendees: { street: '王', neighbourhood: '李', partyBranch: '刘', owners: '陈', property: '赵' },
        },
        'demo-supervisor',
      );
      if (!made.body.ok) throw new Error(JSON.stringify(made.body));
      const meetingId = (made.body.data as { meeting: { id: string } }).meeting.id;
      return {
        order: await routed({ to: 'roundtable', meetingId }),
        input: { decision: '业委会出资更换', responsible: 'owners', dueAt: r.now() + 7 * 86_400_000 },
      };
    }
    case 'reply': {
      // A 督办 to the dispatcher and one to the worker, both open; each role replies to its own.
      let o = await accepted();
      o = await c.step('demo-supervisor', 'supervisor', o, 'instruct', { text: '请物业盯紧', to: 'dispatcher' });
      const toDispatcher = o.version;
      o = await c.step('demo-supervisor', 'supervisor', o, 'instruct', { text: '请队员今天上门', to: 'worker' });
      return { order: o, input: { seq: role === 'worker' ? o.version : toDispatcher, text: '已安排' } };
    }
  }
}

// ---- The matrix ------------------------------------------------------------------------------------

let r: Rig;
let db: Database.Database;
beforeAll(async () => {
  r = await inProcessRig();
  await addSecondCommunity(r);
  db = new Database(path.join(r.dir, 'red-property.sqlite'), { readonly: true });
});
afterAll(async () => {
  db.close();
  await r.close();
});

/** Everything in the tables, cheaply: a commit by anyone changes one of these counts or the order's row. */
const footprint = (orderId: string) =>
  JSON.stringify([
    db
      .prepare(
        'SELECT (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM order_events), (SELECT COUNT(*) FROM notifications), (SELECT COUNT(*) FROM replies)',
      )
      .raw()
      .get(),
    db.prepare('SELECT * FROM orders WHERE id = ?').raw().get(orderId),
  ]);

describe('authorization matrix, walked through the real handlers: every action × role × own/other order × own/other community', () => {
  it.each(ACTION_TYPES.map((a) => [a, ROLES.filter((role) => MAY[role].includes(a)).join(', ') || 'nobody'] as const))(
    '%s is allowed to %s on their own orders in their own community (any supervisor of it for 督单), and refused to everyone else without a write',
    async (action) => {
      const problems: string[] = [];
      let allowedCount = 0;
      for (const role of ROLES) {
        for (const relation of RELATIONS) {
          const { order, input } = await prepare(r, action, role);
          const who = PLAYER[role][relation];
          const before = footprint(order.id);
          const reply = await r.call(
            'orders',
            { action, role, orderId: order.id, version: order.version, requestId: `walk-${action}-${role}-${relation}-${order.id}`, input },
            who,
          );
          const got = reply.body.ok ? 'ok' : (reply.body.error.code as string);
          const label = `${action} by ${role} ${who} (${relation})`;
          if (allowed(action, role, relation)) {
            allowedCount++;
            if (got !== 'ok') problems.push(`${label}: expected success, got ${got} ${JSON.stringify(reply.body.ok ? '' : (reply.body.error.details ?? ''))}`);
            else {
              const events = await r.store.listEvents(order.id);
              const last = events[events.length - 1]!;
              if (events.length !== order.version + 1 || last.action !== action || last.actorId !== who || last.actorRole !== role)
                problems.push(`${label}: recorded ${JSON.stringify(last)}`);
            }
          } else {
            if (!REFUSALS.includes(got)) problems.push(`${label}: expected a refusal (${REFUSALS.join('/')}), got ${got}`);
            if (footprint(order.id) !== before) problems.push(`${label}: refused with ${got}, yet something was written`);
          }
        }
      }
      expect(problems).toEqual([]);
      // Every action but none of the admin's has someone who may take it.
      expect(allowedCount).toBe(ROLES.reduce((n, role) => n + (MAY[role].includes(action) ? (role === 'supervisor' ? 2 : 1) : 0), 0));
    },
  );

  it('places orders only for a resident, only for a household of theirs in their own community', async () => {
    const c = desk(r);
    const tries: [string, string, string, boolean][] = [
      ['demo-resident', 'h-yg-a', 's-repair', true],
      ['demo-resident', 'h-yg-b', 's-repair', true], // 代办: a neighbour's household paired with hers
      ['demo-resident-2', 'h-yg-a', 's-repair', false],
      [cast.resident.id, 'h-yg-a', 's-repair', false], // on file, but of another community
      [cast.resident.id, 'h-b-1', 's-repair', false], // a 幸福里 service for a household elsewhere
      ['demo-dispatcher', 'h-yg-a', 's-repair', false],
      ['demo-supervisor', 'h-yg-a', 's-repair', false],
      ['demo-admin', 'h-yg-a', 's-repair', false],
    ];
    const problems: string[] = [];
    for (const [user, householdId, serviceItemId, ok] of tries) {
      const before = db.prepare('SELECT COUNT(*) FROM orders').pluck().get();
      const reply = await c.create(user, householdId, serviceItemId);
      if (reply.body.ok !== ok) problems.push(`create by ${user} for ${householdId}: ${reply.body.ok ? 'ok' : reply.body.error.code}`);
      if (!ok && db.prepare('SELECT COUNT(*) FROM orders').pluck().get() !== before)
        problems.push(`create by ${user} for ${householdId}: refused, yet written`);
      if (!ok && reply.status >= 500) problems.push(`create by ${user}: ${reply.status}`);
    }
    expect(problems).toEqual([]);
  });
});
