import { describe, expect, it } from 'vitest';
import { MINUTE, HOUR, clockFor, nextSweepAt, sweepOrder, type Community, type Order } from '@core';
import { NOW, order } from './fixtures';

const community: Community = {
  id: 'c1',
  name: '幸福里社区',
  secretaryUserId: 'secretary',
  settings: {
    defaultDeadlines: { dispatch: 120, accept: 60, start: 1440, complete: 4320, confirm: 4320 },
    weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 },
    escalationMinutes: 120,
  },
};
/** An order waiting for dispatch since NOW, due two hours later. */
const waiting = order({ createdAt: NOW, updatedAt: NOW, clock: clockFor('pending_dispatch', order().sla, NOW) });
const due = NOW + 120 * MINUTE;

const sweepAt = (o: Order, t: number) => sweepOrder(o, community, t);

describe('the deadline sweep', () => {
  it('does nothing before a deadline', () => {
    expect(sweepAt(waiting, due - 1)).toBeNull();
  });

  it('marks a stage overdue once, telling whoever holds it', () => {
    const r = sweepAt(waiting, due)!;
    expect(r.events.map((e) => [e.action, e.payload.level])).toEqual([['overdue', 1]]);
    expect(r.order).toMatchObject({ version: 2, clock: { level: 1 }, overdueStages: ['dispatch'], state: 'pending_dispatch' });
    expect(r.effects[0]?.to).toEqual({ kind: 'company', companyId: 'pc1', communityId: 'c1' });
    expect(sweepAt(r.order, due + 1)).toBeNull();
  });

  it('escalates to the supervisors after one interval, then to the secretary', () => {
    const one = sweepAt(waiting, due)!.order;
    const two = sweepAt(one, due + 2 * HOUR)!;
    expect(two.events.map((e) => e.payload.level)).toEqual([2]);
    expect(two.effects[0]?.to).toEqual({ kind: 'supervisors', communityId: 'c1' });
    const three = sweepAt(two.order, due + 4 * HOUR)!;
    expect(three.effects[0]?.to).toEqual({ kind: 'user', userId: 'secretary' });
    expect(sweepAt(three.order, due + 100 * HOUR)).toBeNull();
  });

  it('records every level crossed while no sweep ran, one event each, in one version step per event', () => {
    const r = sweepAt(waiting, due + 5 * HOUR)!;
    expect(r.events.map((e) => [e.seq, e.action, e.payload.level])).toEqual([
      [2, 'overdue', 1],
      [3, 'escalate', 2],
      [4, 'escalate', 3],
    ]);
    expect(r.order.version).toBe(4);
  });

  it('closes an unconfirmed order at its confirmation deadline, marked as automatic and unrated', () => {
    const done = order({ state: 'pending_confirm', clock: clockFor('pending_confirm', order().sla, NOW) });
    const r = sweepAt(done, NOW + 4320 * MINUTE)!;
    expect(r.order).toMatchObject({ state: 'closed', autoClosed: true, rating: null, clock: null });
    expect(r.events[0]).toMatchObject({ action: 'auto_close', actorRole: 'system', from: 'pending_confirm', to: 'closed' });
  });

  it('marks an unanswered 督办 overdue once', () => {
    const pressed = order({
      instructions: [{ seq: 2, text: '今天处理', to: 'dispatcher', dueAt: NOW + HOUR, at: NOW, by: 'supervisor', answer: null, overdue: false }],
    });
    const r = sweepAt(pressed, NOW + HOUR)!;
    expect(r.events.map((e) => e.action)).toEqual(['instruction_overdue']);
    expect(r.order.instructions[0]?.overdue).toBe(true);
    expect(sweepAt(r.order, NOW + 2 * HOUR)).toBeNull();
  });

  it('stores when it next has work, so the sweep reads only those orders', () => {
    expect(nextSweepAt(waiting, 2 * HOUR)).toBe(due);
    expect(nextSweepAt(sweepAt(waiting, due)!.order, 2 * HOUR)).toBe(due + 2 * HOUR);
    expect(nextSweepAt(order({ state: 'closed', clock: null }), 2 * HOUR)).toBeNull();
  });
});
