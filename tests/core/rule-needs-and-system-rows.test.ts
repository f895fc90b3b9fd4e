import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, MINUTE, TRANSITIONS, clockFor, decideSystem, ok, type ActionType, type Need, type Rule } from '@core';
import { NOW, order } from './fixtures';

/** What each rule may look up beyond the order, the actor and the clock, written out independently of the table. */
const EXPECTED_NEEDS: Record<ActionType, readonly Need[]> = {
  cancel: [],
  urge: [],
  confirm: [],
  rework: [],
  complain: [],
  dispatch: ['team', 'user', 'openOrders'],
  reassign: ['team', 'user', 'openOrders'],
  refuse: [],
  accept: [],
  grab: ['openOrders'],
  decline: [],
  start: [],
  complete: ['photoUploaded'],
  instruct: [],
  reopen: [],
  reply: [],
  answer: [],
  revisit: [],
  reschedule: [],
  propose_time: [],
  accept_time: [],
  refuse_time: [],
  classify: [],
  route: ['department', 'meeting'],
  resolve: ['photoUploaded'],
  unroute: [],
  me_too: [],
  follow: [],
  agenda_decide: [],
};

describe('what each rule declares it needs from the world', () => {
  it.each(ACTION_TYPES)('%s declares exactly the lookups it uses', (type) => {
    expect([...TRANSITIONS[type].needs].sort()).toEqual([...EXPECTED_NEEDS[type]].sort());
  });

  it('does not compile a rule that reads a lookup it did not declare', () => {
    const rule: Rule<'urge', never> = {
      from: ['pending_dispatch'],
      roles: ['resident'],
      to: 'unchanged',
      guard: () => ok(undefined),
      needs: [],
      apply: (_order, _input, world) => {
        // @ts-expect-error: `team` is not in the world of a rule that declared no needs
        const lookup: unknown = world.team;
        return ok({ patch: {}, payload: { looked: typeof lookup }, effects: [] });
      },
    };
    expect(rule.needs).toEqual([]);
  });
});

describe('auto-close: the system’s own row of the table', () => {
  const sla = order().sla;
  const awaiting = order({ state: 'pending_confirm', version: 6, clock: clockFor('pending_confirm', sla, NOW) });
  const deadline = NOW + sla.confirm * MINUTE;

  it('is a row of TRANSITIONS that no person can take', () => {
    expect(TRANSITIONS.auto_close).toMatchObject({ from: ['pending_confirm'], to: 'closed' });
    expect(ACTION_TYPES).not.toContain('auto_close');
  });

  it('is not taken before the confirmation deadline, nor from another state', () => {
    expect(decideSystem(awaiting, 'auto_close', deadline - 1)).toBeNull();
    expect(decideSystem({ ...awaiting, state: 'closed' }, 'auto_close', deadline)).toBeNull();
  });

  it('closes the order at the deadline as the system, unrated, and tells the resident', () => {
    const d = decideSystem(awaiting, 'auto_close', deadline)!;
    expect(d.order).toMatchObject({ state: 'closed', version: 7, autoClosed: true, closedAt: deadline, clock: null, rating: null, updatedAt: deadline });
    expect(d.event).toEqual({
      orderId: awaiting.id,
      seq: 7,
      action: 'auto_close',
      actorId: 'system',
      actorRole: 'system',
      at: deadline,
      from: 'pending_confirm',
      to: 'closed',
      payload: { stage: 'confirm', dueAt: deadline },
    });
    expect(d.effects).toEqual([
      {
        type: 'notify',
        to: { kind: 'user', userId: awaiting.createdBy },
        orderId: awaiting.id,
        text: '您未在期限内确认，工单已自动办结；如有问题可向社区投诉',
      },
    ]);
  });
});
