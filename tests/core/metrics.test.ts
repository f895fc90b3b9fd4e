import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, ZERO_SUMS, addFacts, groupKey, monthRange, orderFacts, ratesOf, scoreOf, type Order } from '@core';
import { NOW, order } from './fixtures';

/** Respond deadline = 180 min (dispatch 120 + accept 60); resolve deadline = 180 + 1440 + 4320 min. */
const RESOLVE = (120 + 60 + 1440 + 4320) * MINUTE;
const member = { mode: 'member', teamId: 't1', workerId: 'worker' } as const;
const rating = (stars: number) => ({ attitude: stars, timeliness: stars, quality: stars, comment: '' });

const sums = (orders: Order[], asOf: number) => orders.reduce((s, o) => addFacts(s, orderFacts(o), asOf), ZERO_SUMS);

/**
 * Five orders placed at NOW, judged at NOW + 3 days (before the 4-day resolve deadline):
 * A closed, accepted in 1 h, rated 5★      → responded, resolved, rated+satisfied
 * B closed, accepted in 4 h, rated 3★      → late, resolved, rated, not satisfied
 * C in service, accepted in 2 h            → responded, not due yet
 * D refused                                → settled unresolved, never accepted
 * E cancelled by the resident before accept → withdrawn: not counted at all
 */
const A = order({ id: 'A', state: 'closed', assignment: member, firstAcceptedAt: NOW + HOUR, rating: rating(5), closedAt: NOW + 10 * HOUR });
const B = order({ id: 'B', state: 'closed', assignment: member, firstAcceptedAt: NOW + 4 * HOUR, rating: rating(3), closedAt: NOW + 30 * HOUR });
const C = order({ id: 'C', state: 'in_service', assignment: member, firstAcceptedAt: NOW + 2 * HOUR });
const D = order({ id: 'D', state: 'refused', closedAt: NOW + HOUR });
const E = order({ id: 'E', state: 'cancelled' });
const fixtures = [A, B, C, D, E].map((o) => ({ ...o, createdAt: NOW }));

describe('the 三率', () => {
  it('computes each rate by hand-checked counts', () => {
    const r = ratesOf(sums(fixtures, NOW + 3 * 24 * HOUR));
    expect(r.orders).toBe(4); // E withdrawn
    expect(r.responseRate).toBe(2 / 4); // A, C on time; B late; D never
    expect(r.resolutionRate).toBe(2 / 3); // due: A, B, D (settled); C not yet due
    expect(r.satisfactionRate).toBe(1 / 2); // rated A (5★), B (3★)
    expect(r.avgHandlingHours).toBe((10 + 30) / 2);
  });

  it('counts an open order as due once its resolve deadline has passed', () => {
    const r = ratesOf(sums(fixtures, NOW + RESOLVE));
    expect(r.resolutionRate).toBe(2 / 4);
  });

  it('has no rates for an empty month rather than zero or full marks', () => {
    expect(ratesOf(ZERO_SUMS)).toEqual({ orders: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, avgHandlingHours: null, overdue: 0 });
  });

  it('leaves 满意率 empty when nobody rated, and does not count an auto-closed order as five stars', () => {
    const auto = { ...A, rating: null, autoClosed: true };
    expect(ratesOf(sums([auto], NOW)).satisfactionRate).toBeNull();
  });

  it('lets a return visit overrule the rating', () => {
    const visited = { ...A, returnVisits: [{ reached: true, satisfied: false, notes: '', at: NOW, by: 's' }] };
    expect(ratesOf(sums([visited], NOW)).satisfactionRate).toBe(0);
  });

  it('counts rework and reopening against 解决率', () => {
    expect(ratesOf(sums([{ ...A, reworkCount: 1 }], NOW)).resolutionRate).toBe(0);
    expect(ratesOf(sums([{ ...A, reopenCount: 1 }], NOW)).resolutionRate).toBe(0);
  });

  it('scores with the community weights', () => {
    expect(scoreOf({ orders: 4, responseRate: 0.5, resolutionRate: 1, satisfactionRate: 1, avgHandlingHours: 1, overdue: 0 })).toBe(85);
  });

  it('scores only what was measured: no rating neither earns nor costs points', () => {
    expect(scoreOf({ orders: 2, responseRate: 0, resolutionRate: null, satisfactionRate: null, avgHandlingHours: null, overdue: 0 })).toBe(0);
    expect(scoreOf({ orders: 2, responseRate: 1, resolutionRate: 0.5, satisfactionRate: null, avgHandlingHours: null, overdue: 0 })).toBe(
      Math.round(((0.3 + 0.35 * 0.5) / 0.65) * 1000) / 10,
    );
    expect(scoreOf({ orders: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, avgHandlingHours: null, overdue: 0 })).toBe(0);
  });
});

describe('grouping', () => {
  const f = orderFacts({ ...A, createdAt: Date.UTC(2026, 10, 29, 17, 0) }); // 2026-11-30 01:00 in China
  it('buckets by China-time day, week (from Monday) and month', () => {
    expect(groupKey(f, 'day')).toBe('2026-11-30');
    expect(groupKey(f, 'week')).toBe('2026-11-30');
    expect(groupKey(f, 'month')).toBe('2026-11');
    expect(groupKey(f, 'team')).toBe('t1');
  });
  it('knows a month in China time', () => {
    expect(monthRange('2026-11')).toEqual({ from: Date.UTC(2026, 9, 31, 16), to: Date.UTC(2026, 10, 30, 16) });
    expect(monthRange('2026-13')).toBeNull();
    expect(monthRange('0012-05')).toBeNull(); // not 1912
  });
});
