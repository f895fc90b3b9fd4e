import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTION_TYPES,
  ERRORS,
  ROLES,
  TRANSITIONS,
  clockFor,
  orderIndex,
  type ActionType,
  type ErrorCode,
  type Order,
  type OrderEvent,
  type OrderState,
  type Role,
} from '@core';
import { orderFixture } from '../fixtures/order';
import { grievancePart } from '../fixtures/grievance';
import { A, B, CAST, USERS, seedCast } from './support/cast';
import { openWorld, timelineProblems, writeProbe, type World } from './support/world';

/*
 * The authorization matrix: every action × every role × own / other order × own / other
 * community. The cases are generated from the core's TRANSITIONS (each action from each state it
 * starts from); what should happen is written here by hand from the rules, independently
 * of the table, and every case goes through the real orders handler and a real store.
 */

// ---- The rules, by hand ------------------------------------------------------------------------

/** Which role may take which action (点单/催单/确认/返工/投诉; 下单/转单/退单; 接单/抢单/退回/开始/完工; 督办/重开/答复/回访). */
const MAY: Record<Role, readonly ActionType[]> = {
  resident: ['cancel', 'urge', 'confirm', 'rework', 'complain', 'reschedule', 'accept_time', 'refuse_time', 'me_too', 'follow'],
  dispatcher: ['dispatch', 'reassign', 'refuse', 'reply', 'classify', 'route'],
  worker: ['accept', 'grab', 'decline', 'start', 'complete', 'reply', 'propose_time'],
  // resolve and unroute: the 诉求 here was routed to an outside department, whose answer is the supervisor's to enter.
  supervisor: ['instruct', 'reopen', 'answer', 'revisit', 'classify', 'route', 'resolve', 'unroute', 'agenda_decide'],
  admin: [],
  group_leader: [],
};

/** Where each action leads; `same` leaves the state as it was. */
const LEADS_TO: Record<ActionType, OrderState | 'same'> = {
  cancel: 'cancelled',
  urge: 'same',
  confirm: 'closed',
  rework: 'accepted',
  complain: 'same',
  dispatch: 'pending_accept',
  reassign: 'pending_accept',
  refuse: 'refused',
  accept: 'accepted',
  grab: 'accepted',
  decline: 'pending_dispatch',
  start: 'in_service',
  complete: 'pending_confirm',
  instruct: 'same',
  reopen: 'pending_dispatch',
  reply: 'same',
  answer: 'same',
  revisit: 'same',
  reschedule: 'same',
  propose_time: 'same',
  accept_time: 'same',
  refuse_time: 'same',
  classify: 'same',
  route: 'referred',
  resolve: 'pending_confirm',
  unroute: 'pending_dispatch',
  me_too: 'same',
  follow: 'same',
  agenda_decide: 'same',
};

/** The 诉求 rows: their cases act on a 诉求, and 我也遇到 and 关注 reach a neighbour's 诉求 in the same community. */
const GRIEVANCE_ACTIONS: readonly ActionType[] = ['classify', 'route', 'resolve', 'unroute', 'me_too', 'follow', 'agenda_decide'];
const NEIGHBOUR_ACTIONS: readonly ActionType[] = ['me_too', 'follow'];

/** What "own order" means for each role, for the test names. */
const OWN: Record<Role, string> = {
  resident: 'the resident who placed it',
  dispatcher: "a dispatcher of the order's company",
  worker: "the worker who holds it (for 抢单: a member of the pool's team)",
  supervisor: "any supervisor of the order's community",
  admin: 'no admin',
  group_leader: "the group leader of the order's building",
};

interface Case {
  readonly action: ActionType;
  readonly state: OrderState;
  readonly role: Role;
  readonly own: boolean;
  readonly sameCommunity: boolean;
}

/** States in which nobody holds the order yet (or any more): no worker is named on it. */
const UNASSIGNED: readonly OrderState[] = ['pending_dispatch', 'refused'];

/**
 * Who may read an order: nobody outside its community; an admin none; a supervisor all of their
 * community's; a resident their own; a dispatcher their company's; a worker only what is assigned
 * to them or waits in their team's pool.
 */
function sees(c: Pick<Case, 'role' | 'own' | 'sameCommunity' | 'state'>): boolean {
  if (!c.sameCommunity || c.role === 'admin') return false;
  if (c.role === 'supervisor') return true;
  if (c.role === 'worker') return c.own && !UNASSIGNED.includes(c.state);
  return c.own;
}

/** The expected outcome: an order you cannot see does not exist for you (404); one you see but may not act on is 403. */
function expected(c: Case): 'ok' | ErrorCode {
  if (NEIGHBOUR_ACTIONS.includes(c.action) && c.role === 'resident' && c.sameCommunity) return c.own ? 'GRIEVANCE.OWN' : 'ok';
  if (!sees(c)) return 'ORDER.NOT_FOUND';
  if (!MAY[c.role].includes(c.action)) return 'AUTH.FORBIDDEN';
  return 'ok';
}

// ---- The orders of each case -------------------------------------------------------------------

const NOW = Date.UTC(2026, 9, 5, 1, 0);
const HOUR = 3_600_000;

/** The order a case acts on: owned (or not) by the acting role's person, in community A (or B), ready for the action. */
function orderFor(c: Pick<Case, 'action' | 'state' | 'role' | 'own' | 'sameCommunity'>, id: string): Order {
  const inA = c.sameCommunity;
  let compound = inA ? CAST.cpA1 : CAST.cpB1;
  let householdId = inA ? 'h-a1' : 'h-b1';
  let createdBy: string = USERS.resident.id;
  let team = 't-a1';
  let workerId: string = USERS.worker.id;
  if (!c.own) {
    if (c.role === 'dispatcher' || c.role === 'group_leader') {
      compound = inA ? CAST.cpA2 : CAST.cpB2;
      householdId = inA ? 'h-a3' : 'h-b2';
      createdBy = 'r-a3';
    } else if (c.role === 'worker') {
      team = 't-a2';
      workerId = USERS.otherWorker.id;
    } else {
      householdId = inA ? 'h-a2' : 'h-b2';
      compound = inA ? CAST.cpA1 : CAST.cpB2;
      createdBy = USERS.otherResident.id;
    }
  }
  const assigned = !UNASSIGNED.includes(c.state);
  const assignment = !assigned ? null : c.action === 'grab' ? ({ mode: 'pool', teamId: team } as const) : ({ mode: 'member', teamId: team, workerId } as const);
  const started = ['accepted', 'in_service', 'pending_confirm', 'closed', 'cancelled'].includes(c.state);
  const completed = ['pending_confirm', 'closed'].includes(c.state);
  const ended = ['closed', 'refused', 'cancelled'].includes(c.state);
  const pressed = (seq: number, to: 'dispatcher' | 'worker') => ({
    seq,
    text: '请尽快',
    to,
    dueAt: null,
    at: NOW - HOUR,
    by: USERS.supervisor.id,
    answer: null,
    overdue: false,
  });
  const route =
    c.action === 'agenda_decide'
      ? { to: 'roundtable' as const, meetingId: 'm-a', at: NOW - HOUR, by: USERS.supervisor.id }
      : c.action === 'resolve' || c.action === 'unroute'
        ? { to: 'department' as const, departmentId: 'd-a', departmentName: '供电所', at: NOW - HOUR, by: USERS.supervisor.id }
        : null;
  const grievance = GRIEVANCE_ACTIONS.includes(c.action) ? { kind: 'grievance' as const, grievance: grievancePart({ level: 'normal', route }) } : {};
  return orderFixture(NOW - 2 * HOUR, {
    ...grievance,
    id,
    communityId: inA ? A : B,
    compoundId: compound.id,
    companyId: compound.companyId,
    householdId,
    createdBy,
    serviceItemId: inA ? 's-a' : 's-b',
    state: c.state,
    assignment,
    sla: CAST.SLA,
    // Booked for an hour ago: late enough for 催单 and 投诉, which wait for the booked start.
    timeWindow: { from: NOW - HOUR, to: NOW + HOUR },
    clock: clockFor(c.state, CAST.SLA, NOW - HOUR),
    // A worker's proposed time waits for the resident's answer, where that answer is tried.
    waiting:
      c.action === 'accept_time' || c.action === 'refuse_time'
        ? { reason: '家中无人', proposed: { from: NOW + HOUR, to: NOW + 2 * HOUR }, since: NOW - HOUR / 2, by: workerId }
        : null,
    acceptedAt: started ? NOW - HOUR : null,
    firstAcceptedAt: started ? NOW - HOUR : null,
    completion: completed ? { notes: '已修好', photos: [], at: NOW - HOUR / 2 } : null,
    rating: c.state === 'closed' ? { attitude: 5, timeliness: 5, quality: 5, comment: '' } : null,
    closedAt: ended ? NOW - HOUR / 4 : null,
    instructions: assignment?.mode === 'member' ? [pressed(1, 'dispatcher'), pressed(2, 'worker')] : [pressed(1, 'dispatcher')],
    // Waiting for an answer, except where 投诉 itself is tried: one open complaint per order.
    complaints: [
      { seq: 1, text: '太慢了', at: NOW - HOUR, answer: c.action === 'complain' ? { text: '已督促', at: NOW - HOUR, by: USERS.supervisor.id } : null },
    ],
  });
}

/** A valid input for each action against the orders above. */
function inputFor(action: ActionType, role: Role): Record<string, unknown> {
  switch (action) {
    case 'cancel':
      return { reason: '不需要了' };
    case 'confirm':
      return { attitude: 5, timeliness: 5, quality: 5 };
    case 'complain':
      return { text: '没人来' };
    case 'dispatch':
      return { teamId: 't-a1' };
    case 'reassign':
      return { teamId: 't-a2', reason: '换个队' };
    case 'complete':
      return { notes: '已修好' };
    case 'instruct':
      return { text: '请今天办好', to: 'dispatcher' };
    case 'reply':
      return { seq: role === 'worker' ? 2 : 1, text: '已安排' };
    case 'answer':
      return { seq: 1, text: '已督促物业' };
    case 'revisit':
      return { reached: true, satisfied: true };
    case 'reschedule':
      return { timeWindow: { from: NOW + 24 * HOUR, to: NOW + 26 * HOUR } };
    case 'propose_time':
      return { timeWindow: { from: NOW + 24 * HOUR, to: NOW + 26 * HOUR }, reason: '需要买配件' };
    case 'rework':
    case 'refuse':
    case 'decline':
    case 'reopen':
    case 'unroute':
      return { reason: '情况有变' };
    case 'classify':
      return { category: 'safety', level: 'urgent' };
    case 'route':
      return { to: 'company' };
    case 'resolve':
      return { text: '供电所已更换路灯' };
    case 'agenda_decide':
      return { decision: '业委会出资更换', responsible: 'owners', dueAt: NOW + 7 * 24 * HOUR };
    default:
      return {};
  }
}

const ACTOR: Record<Role, string> = {
  resident: USERS.resident.id,
  dispatcher: USERS.dispatcher.id,
  worker: USERS.worker.id,
  supervisor: USERS.supervisor.id,
  admin: USERS.admin.id,
  group_leader: USERS.leader.id,
};

async function insert(w: World, order: Order) {
  const event: OrderEvent = {
    orderId: order.id,
    seq: 1,
    action: 'create',
    actorId: order.createdBy,
    actorRole: 'resident',
    at: order.createdAt,
    from: null,
    to: order.state,
    payload: {},
  };
  const r = await w.store.commit({
    order,
    index: orderIndex(order, { escalationMinutes: 120 }),
    expectedVersion: null,
    events: [event],
    notifications: [],
    reply: null,
  });
  if (!r.ok) throw new Error(`could not insert ${order.id}`);
}

// ---- The matrix --------------------------------------------------------------------------------

// The actions people take; the system's own rows (auto_close) are no one's to call.
const ACTIONS = Object.keys(TRANSITIONS).filter((a): a is ActionType => (ACTION_TYPES as readonly string[]).includes(a));
const casesOf = (action: ActionType): Case[] =>
  TRANSITIONS[action].from.flatMap((state) =>
    ROLES.flatMap((role) => [true, false].flatMap((own) => [true, false].map((sameCommunity) => ({ action, state, role, own, sameCommunity })))),
  );

let w: World;
let probe: ReturnType<typeof writeProbe>;
let n = 0;
beforeAll(async () => {
  w = await openWorld({ start: NOW, seed: false });
  await seedCast(w.store);
  probe = writeProbe(w.dir);
});
afterAll(async () => {
  probe.close();
  await w.close();
});

/** Runs one case through the handler; returns a description of what went wrong, or null. */
async function run(c: Case): Promise<string | null> {
  const id = `m${(++n).toString().padStart(5, '0')}`;
  await insert(w, orderFor(c, id));
  const before = probe.version();
  const reply = await w.call(
    'orders',
    { action: c.action, role: c.role, orderId: id, version: 1, requestId: `matrix-${id}`, input: inputFor(c.action, c.role) },
    ACTOR[c.role],
  );
  const want = expected(c);
  const got = reply.ok ? 'ok' : reply.error.code;
  const label = `${c.action} from ${c.state} by ${c.role} on ${c.own ? 'own' : 'other'} order in ${c.sameCommunity ? 'own' : 'other'} community`;
  if (got !== want) return `${label}: expected ${want}, got ${got}`;
  const stored = (await w.store.getOrder(id))!;
  const events = await w.store.listEvents(id);
  if (want === 'ok') {
    const to = LEADS_TO[c.action] === 'same' ? c.state : LEADS_TO[c.action];
    if (stored.version !== 2 || stored.state !== to) return `${label}: stored v${stored.version} ${stored.state}, expected v2 ${to}`;
    const problems = timelineProblems(stored, events);
    if (problems.length) return `${label}: ${problems.join('; ')}`;
    if (events[1]!.action !== c.action || events[1]!.actorId !== ACTOR[c.role] || events[1]!.actorRole !== c.role)
      return `${label}: event ${JSON.stringify(events[1])}`;
  } else {
    const status = ERRORS[want].status;
    if (status !== 403 && status !== 404 && want !== 'GRIEVANCE.OWN') return `${label}: refused with ${status}`;
    if (probe.version() !== before || stored.version !== 1 || events.length !== 1) return `${label}: refused, yet the store changed`;
  }
  return null;
}

describe('authorization matrix: every action × role × own/other order × own/other community', () => {
  it('covers every action of the lifecycle table with the hand-written rules', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(LEADS_TO).sort());
    expect(ACTIONS.flatMap(casesOf).length).toBeGreaterThan(1000);
  });

  const whoMay = (a: ActionType) =>
    ROLES.filter((r) => MAY[r].includes(a))
      .map((r) => OWN[r])
      .join(' or ');
  it.each(ACTIONS.map((a) => [a, whoMay(a)] as const))(
    '%s is allowed only to %s, in their own community; everyone else is refused: 404 if they cannot see the order, 403 if they can',
    async (action) => {
      const problems: string[] = [];
      for (const c of casesOf(action)) {
        const p = await run(c);
        if (p) problems.push(p);
      }
      expect(problems).toEqual([]);
    },
  );

  it('lets each person read exactly the orders they may see, in every state (orders.get)', async () => {
    const problems: string[] = [];
    for (const state of ['pending_dispatch', 'pending_accept', 'accepted', 'in_service', 'pending_confirm', 'closed', 'cancelled', 'refused'] as OrderState[]) {
      for (const role of ROLES) {
        for (const own of [true, false]) {
          for (const sameCommunity of [true, false]) {
            const id = `g${(++n).toString().padStart(5, '0')}`;
            await insert(w, orderFor({ action: 'complain', state, role, own, sameCommunity }, id));
            const reply = await w.call('orders', { action: 'get', role, orderId: id }, ACTOR[role]);
            const want = sees({ role, own, sameCommunity, state }) ? 'ok' : 'ORDER.NOT_FOUND';
            const got = reply.ok ? 'ok' : reply.error.code;
            if (got !== want)
              problems.push(
                `get ${state} by ${role} on ${own ? 'own' : 'other'} order in ${sameCommunity ? 'own' : 'other'} community: expected ${want}, got ${got}`,
              );
            if (reply.ok && role === 'worker' && reply.data.events.length !== 1) problems.push(`get by worker: timeline missing`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('lets only residents place orders, and only for their own households in their own community', async () => {
    const problems: string[] = [];
    for (const role of ROLES) {
      for (const own of [true, false]) {
        for (const sameCommunity of [true, false]) {
          const householdId = sameCommunity ? (own ? 'h-a1' : 'h-a2') : own ? 'h-b1' : 'h-b2';
          const before = probe.version();
          const reply = await w.call(
            'orders',
            {
              action: 'create',
              requestId: `matrix-create-${++n}`,
              order: { serviceItemId: sameCommunity ? 's-a' : 's-b', householdId, description: '门坏了', timeWindow: { from: NOW, to: NOW + HOUR } },
            },
            ACTOR[role],
          );
          const want = role !== 'resident' ? 'AUTH.ROLE_NOT_HELD' : own && sameCommunity ? 'ok' : 'HOUSEHOLD.NOT_YOURS';
          const got = reply.ok ? 'ok' : reply.error.code;
          if (got !== want) problems.push(`create by ${role} for ${householdId}: expected ${want}, got ${got}`);
          if (!reply.ok && probe.version() !== before) problems.push(`create by ${role} for ${householdId}: refused, yet written`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses every action in a role the caller does not hold with 403 AUTH.ROLE_NOT_HELD, before looking at the order', async () => {
    const problems: string[] = [];
    const id = `h${(++n).toString().padStart(5, '0')}`;
    await insert(w, orderFor({ action: 'complain', state: 'pending_accept', role: 'resident', own: true, sameCommunity: true }, id));
    const before = probe.version();
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        for (const holder of ROLES.filter((r) => r !== role)) {
          const reply = await w.call(
            'orders',
            { action, role, orderId: id, version: 1, requestId: `matrix-role-${++n}`, input: inputFor(action, role) },
            ACTOR[holder],
          );
          const got = reply.ok ? 'ok' : reply.error.code;
          if (got !== 'AUTH.ROLE_NOT_HELD') problems.push(`${action} as ${role} by a ${holder}: got ${got}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(probe.version()).toBe(before);
  });
});
