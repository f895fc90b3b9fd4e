import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, bookedDay, byBookedDay, orderFlags, waitingSince, type Order } from '@core';
import { NOW, order } from './fixtures';

/** NOW is 28 November, 16:00 in China. */
const clock = (level: 0 | 1 | 2 | 3, enteredAt = NOW - HOUR) => ({ stage: 'dispatch', enteredAt, dueAt: NOW, level }) as const;
const instruction = (answer: string | null) => ({
  seq: 3,
  by: 'supervisor',
  to: 'dispatcher',
  text: '请尽快派单',
  at: NOW,
  dueAt: NOW + HOUR,
  answer,
  overdue: false,
});
const complaint = (answer: string | null) => ({ seq: 2, text: '还没人来', at: NOW, answer });

describe('the badges on a staff order card', () => {
  it.each([
    ['an order on time', {}, []],
    ['a late stage', { clock: clock(1) }, ['overdue']],
    ['a stage escalated to the community (named once, not also as overdue)', { clock: clock(2) }, ['escalated']],
    ['an urged open order', { clock: clock(0), urgeCount: 2 }, ['urged']],
    ['an urge on an ended order (history, not a warning)', { state: 'closed', clock: null, urgeCount: 1 }, []],
    ['an unanswered complaint', { clock: clock(0), complaints: [complaint(null)] }, ['complained']],
    ['an answered complaint', { clock: clock(0), complaints: [complaint('已处理')] }, []],
    ['a 督办 awaiting its reply', { clock: clock(0), instructions: [instruction(null)] }, ['pressed']],
    [
      'everything at once, in a fixed order',
      { clock: clock(3), urgeCount: 1, complaints: [complaint(null)], instructions: [instruction(null)] },
      ['escalated', 'urged', 'complained', 'pressed'],
    ],
  ] as [string, Partial<Order>, string[]][])('%s', (_label, over, flags) => {
    expect(orderFlags(order({ clock: clock(0), ...over } as Partial<Order>))).toEqual(flags);
  });
});

describe('how long an order has waited', () => {
  it('counts from the start of the stage it waits in, not from its creation', () => {
    const returned = order({ createdAt: NOW - 5 * HOUR, clock: clock(0, NOW - 10 * MINUTE) });
    expect(waitingSince(returned)).toBe(NOW - 10 * MINUTE);
  });

  it('has no waiting time once no clock runs', () => {
    expect(waitingSince(order({ state: 'closed', clock: null }))).toBeNull();
  });
});

describe("the worker's tasks by booked day (China time)", () => {
  const at = (hoursFromNow: number, id: string) => order({ id, timeWindow: { from: NOW + hoursFromNow * HOUR, to: NOW + (hoursFromNow + 2) * HOUR } });

  it.each([
    [-30, 'today'], // booked yesterday and still open: due now
    [0, 'today'],
    [7.9, 'today'], // 23:54 tonight
    [8, 'tomorrow'], // midnight in China
    [31.9, 'tomorrow'],
    [32, 'later'],
  ] as const)('puts a booking %s hours from 16:00 under %s', (h, day) => {
    expect(bookedDay(at(h, 'x'), NOW)).toBe(day);
  });

  it('sorts each day by booked time and leaves out empty days', () => {
    const sections = byBookedDay([at(40, 'later'), at(3, 'tonight'), at(1, 'soon'), at(50, 'latest')], NOW);
    expect(sections.map((s) => [s.day, s.orders.map((o) => o.id)])).toEqual([
      ['today', ['soon', 'tonight']],
      ['later', ['later', 'latest']],
    ]);
  });
});
