import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, NO_DEADLINE, orderFacts, orderIndex, type Order, type OrderState } from '@core';
import { NOW, order } from './fixtures';

const every = { escalationMinutes: 120 };
const member = { mode: 'member', teamId: 't1', workerId: 'worker' } as const;
const pool = { mode: 'pool', teamId: 't1' } as const;
/** An order whose current stage fell due at NOW and has reached `level`. */
const late = (level: 0 | 1 | 2 | 3, over: Partial<Order> = {}) => order({ clock: { stage: 'accept', enteredAt: NOW - HOUR, dueAt: NOW, level }, ...over });

describe('the order index the core derives for every store', () => {
  it.each([
    ['pending_accept', 'worker'],
    ['accepted', 'worker'],
    ['in_service', 'worker'],
    ['pending_confirm', null],
    ['closed', null],
    ['cancelled', null],
  ] as [OrderState, string | null][])('names the worker who holds a member order in %s: %s', (state, holder) => {
    expect(orderIndex(order({ state, assignment: member }), every).holder).toBe(holder);
  });

  it.each([
    ['pending_accept', 't1'],
    ['accepted', null],
    ['cancelled', null],
    ['refused', null],
  ] as [OrderState, string | null][])('offers a pool order to its team while 待接单 only (%s: %s), and names no holder', (state, team) => {
    const ix = orderIndex(order({ state, assignment: pool }), every);
    expect(ix.poolTeamId).toBe(team);
    expect(ix.holder).toBeNull();
  });

  it.each([
    ['pending_dispatch', true],
    ['pending_confirm', true],
    ['closed', false],
    ['cancelled', false],
    ['refused', false],
  ] as [OrderState, boolean][])('says whether an order in %s is open: %s', (state, open) => {
    expect(orderIndex(order({ state }), every).open).toBe(open);
  });

  it("keys an order for the urgent listing by its running deadline: the 15-minute repair above tomorrow's lunch", () => {
    const repair = order({ state: 'pending_dispatch', clock: { stage: 'dispatch', enteredAt: NOW, dueAt: NOW + 15 * MINUTE, level: 0 } });
    const lunch = order({ state: 'pending_dispatch', clock: { stage: 'dispatch', enteredAt: NOW - HOUR, dueAt: NOW + 20 * HOUR, level: 0 } });
    expect(orderIndex(repair, every).urgentBy).toBe(NOW + 15 * MINUTE);
    expect(orderIndex(repair, every).urgentBy).toBeLessThan(orderIndex(lunch, every).urgentBy);
  });

  it('keys every order that needs attention before every other order, nearest deadline first among them', () => {
    const soon = order({ id: 'soon', clock: { stage: 'accept', enteredAt: NOW, dueAt: NOW + 15 * MINUTE, level: 0 } });
    const complained = order({
      id: 'complained',
      clock: { stage: 'accept', enteredAt: NOW, dueAt: NOW + 20 * HOUR, level: 0 },
      complaints: [{ seq: 2, text: '没人来', at: NOW, answer: null }],
    });
    const pressed = order({
      id: 'pressed',
      clock: { stage: 'accept', enteredAt: NOW, dueAt: NOW + 2 * HOUR, level: 0 },
      instructions: [{ seq: 2, text: '请今天处理', to: 'dispatcher', dueAt: null, at: NOW, by: 'supervisor', overdue: false, answer: null }],
    });
    const lateOne = late(1, { id: 'late' });
    // An ended order with an unanswered complaint still comes before the open orders that are on time,
    // placed among the others by its last change.
    const endedComplained = order({
      id: 'ended',
      state: 'closed',
      clock: null,
      updatedAt: NOW + HOUR,
      complaints: [{ seq: 5, text: '态度不好', at: NOW + HOUR, answer: null }],
    });
    const ended = order({ id: 'quiet', state: 'closed', clock: null });
    const listed = [ended, soon, complained, endedComplained, pressed, lateOne].sort((a, b) => orderIndex(a, every).urgentBy - orderIndex(b, every).urgentBy);
    expect(listed.map((o) => o.id)).toEqual(['late', 'ended', 'pressed', 'complained', 'soon', 'quiet']);
    for (const o of listed) expect(Number.isSafeInteger(orderIndex(o, every).urgentBy)).toBe(true);
  });

  it('keys an order by its deadline again once its complaint is answered', () => {
    const answered = order({
      clock: { stage: 'accept', enteredAt: NOW, dueAt: NOW + 20 * HOUR, level: 0 },
      complaints: [{ seq: 2, text: '没人来', at: NOW, answer: { text: '已处理', at: NOW, by: 'supervisor' } }],
    });
    expect(orderIndex(answered, every).urgentBy).toBe(NOW + 20 * HOUR);
  });

  it('keys an order without a running clock after every deadline', () => {
    const ended = orderIndex(order({ state: 'closed', clock: null }), every).urgentBy;
    expect(ended).toBe(NO_DEADLINE);
    expect(ended).toBeGreaterThan(NOW + 365 * 24 * HOUR * 100);
  });

  it('puts an order in the overdue queue from level 1 and in the escalated queue from level 2', () => {
    const queues = (level: 0 | 1 | 2 | 3) => orderIndex(late(level), every).queues;
    expect([0, 1, 2, 3].map((l) => [queues(l as 0).overdue, queues(l as 0).escalated])).toEqual([
      [false, false],
      [true, false],
      [true, true],
      [true, true],
    ]);
  });

  it('keeps an order in the complaint and 督办 queues while one of them awaits an answer', () => {
    const answer = { text: '已处理', at: NOW, by: 'supervisor' };
    const pressed = { seq: 2, text: '请今天处理', to: 'dispatcher', dueAt: null, at: NOW, by: 'supervisor', overdue: false } as const;
    const open = orderIndex(order({ complaints: [{ seq: 2, text: '没人来', at: NOW, answer: null }], instructions: [{ ...pressed, answer: null }] }), every);
    expect(open.queues).toMatchObject({ complaints: true, instructions: true });
    const done = orderIndex(order({ complaints: [{ seq: 2, text: '没人来', at: NOW, answer }], instructions: [{ ...pressed, answer }] }), every);
    expect(done.queues).toMatchObject({ complaints: false, instructions: false });
  });

  describe('the next sweep moment, with the community’s escalation interval', () => {
    it.each([
      [30, 0, NOW],
      [30, 1, NOW + 30 * MINUTE],
      [30, 2, NOW + 60 * MINUTE],
      [600, 1, NOW + 600 * MINUTE],
      [600, 2, NOW + 1200 * MINUTE],
      [120, 3, null],
    ] as const)('every %i minutes, an order at level %i is next due at %s', (escalationMinutes, level, at) => {
      expect(orderIndex(late(level), { escalationMinutes }).nextSweepAt).toBe(at);
    });

    it('is the confirmation deadline for an order awaiting confirmation (auto-close), whatever the interval', () => {
      const waiting = order({ state: 'pending_confirm', clock: { stage: 'confirm', enteredAt: NOW - HOUR, dueAt: NOW, level: 0 } });
      expect(orderIndex(waiting, { escalationMinutes: 30 }).nextSweepAt).toBe(NOW);
    });

    it('is an unanswered 督办’s deadline when that comes first', () => {
      const pressed = { seq: 2, text: '请今天处理', to: 'dispatcher', dueAt: NOW + 10 * MINUTE, at: NOW, by: 's', answer: null, overdue: false } as const;
      expect(orderIndex(late(1, { instructions: [pressed] }), { escalationMinutes: 30 }).nextSweepAt).toBe(NOW + 10 * MINUTE);
    });

    it('is none for an ended order, and none without a community (the sweep could not act on it)', () => {
      expect(orderIndex(order({ state: 'closed', clock: null }), every).nextSweepAt).toBeNull();
      expect(orderIndex(late(1), null).nextSweepAt).toBeNull();
    });
  });

  it('carries the 三率 facts unchanged', () => {
    const o = late(2, { state: 'pending_accept', assignment: pool, overdueStages: ['accept'] });
    expect(orderIndex(o, every).facts).toEqual(orderFacts(o));
  });
});
