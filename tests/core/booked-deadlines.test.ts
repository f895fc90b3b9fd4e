import { describe, expect, it } from 'vitest';
import { IN_QUEUE, orderFacts } from '@core';
import { MIN, SLA, TRAVEL, accepted, act, china, codeOf, dispatched, lateAt, place, started } from './booking-support';

/** Placed at 16:00 China time on 28 November 2026; each booking is ahead of it. */
const PLACED = china(2026, 11, 28, 16);
const BOOKINGS = [
  { name: 'tomorrow 08:00–12:00', window: { from: china(2026, 11, 29, 8), to: china(2026, 11, 29, 12) } },
  { name: 'next week 09:00–11:00', window: { from: china(2026, 12, 5, 9), to: china(2026, 12, 5, 11) } },
  { name: 'tonight across midnight 23:00–01:00', window: { from: china(2026, 11, 28, 23), to: china(2026, 11, 29, 1) } },
  { name: 'across the month end 30 Nov 22:00 – 1 Dec 02:00', window: { from: china(2026, 11, 30, 22), to: china(2026, 12, 1, 2) } },
];

describe.each(BOOKINGS)('an order booked for $name', ({ window }) => {
  const order = place(PLACED, window);
  /** Written out from the rule in docs/metrics.md, not from the code. */
  const dispatchDue = window.from - (TRAVEL + SLA.accept) * MIN;
  const acceptDue = window.from - TRAVEL * MIN;
  const arriveDue = window.from + SLA.start * MIN;

  it('is not late for dispatch until the start less travel and acceptance time, and late right after', () => {
    expect(order.clock?.dueAt).toBe(dispatchDue);
    expect(lateAt(order, PLACED + SLA.dispatch * MIN)).toBe(false);
    expect(lateAt(order, dispatchDue - 1)).toBe(false);
    expect(lateAt(order, dispatchDue)).toBe(true);
  });

  it('dispatched at once, is not late for acceptance until the start less the travel allowance', () => {
    const o = dispatched(order, PLACED + MIN);
    expect(lateAt(o, PLACED + MIN + SLA.accept * MIN)).toBe(false);
    expect(lateAt(o, acceptDue - 1)).toBe(false);
    expect(lateAt(o, acceptDue)).toBe(true);
  });

  it('accepted today, is not late to arrive before the booked start plus the arrival time, and late right after', () => {
    const o = accepted(order, PLACED + MIN);
    expect(lateAt(o, PLACED + 2 * SLA.start * MIN)).toBe(false);
    expect(lateAt(o, arriveDue - 1)).toBe(false);
    expect(lateAt(o, arriveDue)).toBe(true);
    expect(IN_QUEUE.overdue(o)).toBe(false);
  });

  it('started on time, is judged against the booked end or its own completion time, whichever is later', () => {
    const startAt = window.from + 5 * MIN;
    const o = started(accepted(order, PLACED + MIN), startAt);
    const completeDue = Math.max(startAt + SLA.complete * MIN, window.to);
    expect(lateAt(o, completeDue - 1)).toBe(false);
    expect(lateAt(o, completeDue)).toBe(true);
  });

  it('counts as responded on time when accepted by the start less the travel allowance, and not after', () => {
    expect(orderFacts(accepted(order, acceptDue)).respondedOnTime).toBe(true);
    expect(orderFacts(accepted(order, acceptDue + MIN)).respondedOnTime).toBe(false);
  });

  it('offers 催单 and a complaint only once the booked start has come', () => {
    const o = accepted(order, PLACED + MIN);
    expect(codeOf(o, window.from - 1, 'resident', { type: 'urge', input: {} })).toBe('ORDER.NOT_DUE_YET');
    expect(codeOf(o, window.from - 1, 'resident', { type: 'complain', input: { text: '没人来' } })).toBe('ORDER.NOT_DUE_YET');
    expect(codeOf(o, window.from, 'resident', { type: 'urge', input: {} })).toBe('ok');
    expect(codeOf(o, window.from, 'resident', { type: 'complain', input: { text: '没人来' } })).toBe('ok');
  });
});

describe('an order for as soon as possible keeps the stage deadlines', () => {
  const order = place(PLACED, { from: PLACED, to: PLACED + 2 * 60 * MIN });

  it('is late for dispatch, acceptance, arrival and completion by each stage’s own time', () => {
    expect(lateAt(order, PLACED + SLA.dispatch * MIN - 1)).toBe(false);
    expect(lateAt(order, PLACED + SLA.dispatch * MIN)).toBe(true);
    const d = dispatched(order, PLACED + MIN);
    expect(lateAt(d, PLACED + MIN + SLA.accept * MIN)).toBe(true);
    const a = accepted(order, PLACED + MIN);
    expect(lateAt(a, PLACED + MIN + SLA.start * MIN - 1)).toBe(false);
    expect(lateAt(a, PLACED + MIN + SLA.start * MIN)).toBe(true);
    const s = started(a, PLACED + 10 * MIN);
    // The window's end (two hours) is not a booking: completion keeps its own four hours.
    expect(lateAt(s, PLACED + 10 * MIN + SLA.complete * MIN - 1)).toBe(false);
    expect(lateAt(s, PLACED + 10 * MIN + SLA.complete * MIN)).toBe(true);
  });

  it('offers 催单 only once a deadline has passed', () => {
    expect(codeOf(order, PLACED + MIN, 'resident', { type: 'urge', input: {} })).toBe('ORDER.NOT_DUE_YET');
    expect(codeOf(order, PLACED + SLA.dispatch * MIN, 'resident', { type: 'urge', input: {} })).toBe('ok');
  });

  it('takes a complaint about conduct once the worker has come, and after service, at any time', () => {
    const s = started(accepted(order, PLACED + MIN), PLACED + 2 * MIN);
    expect(codeOf(s, PLACED + 3 * MIN, 'resident', { type: 'complain', input: { text: '态度不好' } })).toBe('ok');
    const done = act(s, PLACED + 4 * MIN, 'worker', { type: 'complete', input: { notes: '洗好了', photos: [] } });
    expect(codeOf(done, PLACED + 5 * MIN, 'resident', { type: 'complain', input: { text: '态度不好' } })).toBe('ok');
  });
});
