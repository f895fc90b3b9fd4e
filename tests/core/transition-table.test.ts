import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, ORDER_STATES, ROLES, check, type ActionType, type Order, type OrderState, type Role } from '@core';
import { ACTORS, NOW, order } from './fixtures';
import { grievanceFixture } from '../fixtures/grievance';

/**
 * The lifecycle as the issue specifies it, written out by hand and independently of the core's
 * table: from which states each action may start, and which role may take it.
 */
// `referred`: a 诉求 with the company, a department or the roundtable, still waited for.
const OPEN: OrderState[] = ['pending_dispatch', 'pending_accept', 'accepted', 'in_service', 'referred'];
const EXPECTED: Record<ActionType, { from: OrderState[]; role: Role | Role[] }> = {
  cancel: { from: ['pending_dispatch', 'pending_accept', 'accepted'], role: 'resident' },
  urge: { from: OPEN, role: 'resident' },
  confirm: { from: ['pending_confirm'], role: 'resident' },
  rework: { from: ['pending_confirm', 'closed'], role: 'resident' },
  complain: { from: [...ORDER_STATES], role: 'resident' },
  dispatch: { from: ['pending_dispatch'], role: 'dispatcher' },
  reassign: { from: ['pending_accept', 'accepted'], role: 'dispatcher' },
  refuse: { from: ['pending_dispatch'], role: 'dispatcher' },
  accept: { from: ['pending_accept'], role: 'worker' },
  grab: { from: ['pending_accept'], role: 'worker' },
  decline: { from: ['pending_accept', 'accepted'], role: 'worker' },
  start: { from: ['accepted'], role: 'worker' },
  complete: { from: ['in_service'], role: 'worker' },
  instruct: { from: [...ORDER_STATES], role: 'supervisor' },
  reopen: { from: ['closed', 'refused'], role: 'supervisor' },
  reply: { from: [...ORDER_STATES], role: ['dispatcher', 'worker'] },
  answer: { from: [...ORDER_STATES], role: 'supervisor' },
  revisit: { from: ['closed'], role: 'supervisor' },
  reschedule: { from: ['pending_dispatch', 'pending_accept', 'accepted'], role: 'resident' },
  propose_time: { from: ['accepted', 'in_service'], role: 'worker' },
  accept_time: { from: ['accepted', 'in_service'], role: 'resident' },
  refuse_time: { from: ['accepted', 'in_service'], role: 'resident' },
  // 诉求 rows (their fixtures below are 诉求; 我也遇到 and 关注 by a neighbour, not the household).
  classify: { from: ['pending_dispatch', 'pending_accept', 'accepted', 'in_service', 'referred'], role: ['dispatcher', 'supervisor'] },
  route: { from: ['pending_dispatch'], role: ['dispatcher', 'supervisor'] },
  // Routed to an outside department, whose answer the supervisor enters (the company route's is the dispatcher's: grievance spec).
  resolve: { from: ['referred'], role: 'supervisor' },
  unroute: { from: ['referred'], role: 'supervisor' },
  me_too: { from: ['pending_dispatch', 'pending_accept', 'accepted', 'in_service', 'referred', 'pending_confirm'], role: 'resident' },
  follow: { from: ['pending_dispatch', 'pending_accept', 'accepted', 'in_service', 'referred', 'pending_confirm'], role: 'resident' },
  agenda_decide: { from: ['referred'], role: 'supervisor' },
};

const GRIEVANCE_ACTIONS: readonly ActionType[] = ['classify', 'route', 'resolve', 'unroute', 'me_too', 'follow', 'agenda_decide'];

const pressed = (to: 'dispatcher' | 'worker', seq: number) => ({
  seq,
  text: '请尽快',
  to,
  dueAt: null,
  at: NOW,
  by: 'supervisor',
  answer: null,
  overdue: false,
});

/**
 * The friendliest order for an action in a state: assigned to the acting worker (or their pool for
 * 抢单), just completed, with a 督办 to each side and a complaint waiting for an answer (answered
 * for 投诉 itself, which waits while one is open).
 */
function fixtureFor(state: OrderState, action: ActionType): Order {
  if (GRIEVANCE_ACTIONS.includes(action)) return grievanceFor(state, action);
  return order({
    state,
    assignment: action === 'grab' ? { mode: 'pool', teamId: 't1' } : { mode: 'member', teamId: 't1', workerId: 'worker' },
    completion: { notes: '已修好', photos: [], at: NOW - 60_000 },
    instructions: [pressed('dispatcher', 2), pressed('worker', 3)],
    complaints: [{ seq: 4, text: '太慢', at: NOW, answer: action === 'complain' ? { text: '已督促', at: NOW, by: 'supervisor' } : null }],
    // A worker's proposed time waits for the resident's answer, for the answers themselves.
    waiting:
      action === 'accept_time' || action === 'refuse_time'
        ? { reason: '家中无人', proposed: { from: NOW + 3_600_000, to: NOW + 7_200_000 }, since: NOW, by: 'worker' }
        : null,
  });
}

/** A classified 诉求 routed as the action needs, raised by someone else's household for 我也遇到 and 关注. */
function grievanceFor(state: OrderState, action: ActionType): Order {
  const route =
    action === 'agenda_decide'
      ? { to: 'roundtable' as const, meetingId: 'm1', at: NOW, by: 'supervisor' }
      : { to: 'department' as const, departmentId: 'd1', departmentName: '供电所', at: NOW, by: 'supervisor' };
  const neighbour = action === 'me_too' || action === 'follow';
  return grievanceFixture(NOW - 3_600_000, { level: 'normal', route }, { state, ...(neighbour && { createdBy: 'neighbour', householdId: 'h9' }) });
}

const mayAct = (action: ActionType, role: Role) => ([] as Role[]).concat(EXPECTED[action].role).includes(role);

const cases = ORDER_STATES.flatMap((state) =>
  ACTION_TYPES.flatMap((action) => ROLES.map((role) => ({ state, action, role, allowed: EXPECTED[action].from.includes(state) && mayAct(action, role) }))),
);

describe('the order lifecycle table', () => {
  it('covers every action the issue names, and no other', () => {
    expect([...ACTION_TYPES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases)('$action from $state by $role: allowed=$allowed', ({ state, action, role, allowed }) => {
    const result = check(fixtureFor(state, action), action, { now: NOW, actor: ACTORS[role] });
    expect(result.ok).toBe(allowed);
    if (!result.ok) {
      expect([
        'ORDER.TRANSITION_NOT_ALLOWED',
        'AUTH.FORBIDDEN',
        'ORDER.NOT_FOUND',
        'ORDER.ALREADY_TAKEN',
        'ORDER.LEFT_POOL',
        'INSTRUCTION.NONE_AWAITING',
        'COMPLAINT.NONE_AWAITING',
      ]).toContain(result.error.code);
    }
  });

  it('refuses a second 投诉 while the first waits for its answer with ORDER.COMPLAINT_OPEN', () => {
    const open = order({ state: 'closed', complaints: [{ seq: 4, text: '太慢', at: NOW, answer: null }] });
    const r = check(open, 'complain', { now: NOW, actor: ACTORS.resident });
    expect(r.ok ? null : r.error.code).toBe('ORDER.COMPLAINT_OPEN');
  });

  it('refuses a role that may see the order but not take the action with AUTH.FORBIDDEN', () => {
    const r = check(order({ state: 'pending_dispatch' }), 'dispatch', { now: NOW, actor: ACTORS.supervisor });
    expect(r.ok ? null : r.error.code).toBe('AUTH.FORBIDDEN');
  });

  it('refuses an action from a state the table does not list with ORDER.TRANSITION_NOT_ALLOWED', () => {
    const r = check(order({ state: 'closed' }), 'dispatch', { now: NOW, actor: ACTORS.dispatcher });
    expect(r.ok ? null : r.error.code).toBe('ORDER.TRANSITION_NOT_ALLOWED');
  });
});
