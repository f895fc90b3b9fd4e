import { describe, expect, it } from 'vitest';
import { IN_QUEUE, MAX_RESCHEDULES, decide, nextSweepAt, orderFacts, sweepOrder, type Order } from '@core';
import { ACTORS, world } from './fixtures';
import { MIN, SLA, accepted, act, china, codeOf, community, lateAt, place, started } from './booking-support';

const PLACED = china(2026, 11, 28, 16);
/** As soon as possible: accepted a minute after placing, due on site an hour after that. */
const order = place(PLACED, { from: PLACED, to: PLACED + 120 * MIN });
const onTheWay = accepted(order, PLACED + MIN);
const arriveDue = PLACED + MIN + SLA.start * MIN;
const TOMORROW = { from: china(2026, 11, 29, 9), to: china(2026, 11, 29, 11) };

/** The worker finds nobody home 20 minutes in and proposes tomorrow morning. */
const PROPOSED_AT = PLACED + 21 * MIN;
const waiting = act(onTheWay, PROPOSED_AT, 'worker', { type: 'propose_time', input: { timeWindow: TOMORROW, reason: '家中无人' } });

describe('a worker proposing another time', () => {
  it('puts the order to wait on the resident, with the reason and the moment', () => {
    expect(waiting.waiting).toEqual({ reason: '家中无人', proposed: TOMORROW, since: PROPOSED_AT, by: 'worker' });
    expect(waiting.state).toBe('accepted');
  });

  it('pauses the clocks: never late, in no queue, nothing for the sweep while the resident decides', () => {
    expect(lateAt(waiting, arriveDue + 10 * 24 * 60 * MIN)).toBe(false);
    expect(IN_QUEUE.overdue({ ...waiting, clock: { ...waiting.clock!, level: 1 } })).toBe(false);
    expect(nextSweepAt(waiting, 120 * MIN)).toBeNull();
  });

  it('takes one proposal at a time, and only from the worker holding the order', () => {
    expect(codeOf(waiting, PROPOSED_AT + MIN, 'worker', { type: 'propose_time', input: { timeWindow: TOMORROW, reason: '再改' } })).toBe(
      'ORDER.AWAITING_RESIDENT',
    );
    expect(codeOf(onTheWay, PROPOSED_AT, 'resident', { type: 'accept_time', input: {} })).toBe('ORDER.NOTHING_PROPOSED');
  });

  it('offers the resident no 催单 while the order waits on them', () => {
    expect(codeOf(waiting, arriveDue + 60 * MIN, 'resident', { type: 'urge', input: {} })).toBe('ORDER.NOT_DUE_YET');
  });
});

describe('the resident refusing the proposed time', () => {
  const HELD = 90 * MIN;
  const refused = act(waiting, PROPOSED_AT + HELD, 'resident', { type: 'refuse_time', input: { reason: '今天就要' } });

  it('resumes the clock with the time it had left', () => {
    expect(refused.waiting).toBeNull();
    expect(refused.timeWindow).toEqual(order.timeWindow);
    expect(lateAt(refused, arriveDue + HELD - 1)).toBe(false);
    expect(lateAt(refused, arriveDue + HELD)).toBe(true);
  });

  it('counts the wait as the resident’s, not the team’s', () => {
    expect(refused.residentHeldMs).toBe(HELD);
    const closed = act(
      act(started(refused, PROPOSED_AT + HELD + MIN), PROPOSED_AT + HELD + 2 * MIN, 'worker', { type: 'complete', input: { notes: '好了', photos: [] } }),
      PROPOSED_AT + HELD + 3 * MIN,
      'resident',
      { type: 'confirm', input: { attitude: 5, timeliness: 5, quality: 5, comment: '' } },
    );
    expect(orderFacts(closed).handlingMs).toBe(PROPOSED_AT + HELD + 3 * MIN - PLACED - HELD);
    expect(orderFacts(closed).resolveDueAt).toBe(orderFacts(order).resolveDueAt + HELD);
  });
});

describe('the work going ahead while a proposal waits', () => {
  it('ends the wait with the next change of state, on that event: the resident has nothing left to answer', () => {
    const STARTED_AT = PROPOSED_AT + 40 * MIN;
    const start = decide(waiting, { type: 'start', input: {} }, waiting.version, world(ACTORS.worker, { now: STARTED_AT }));
    expect(start.ok && start.value.order).toMatchObject({ state: 'in_service', waiting: null, residentHeldMs: 40 * MIN });
    expect(start.ok && start.value.event.payload).toMatchObject({ since: PROPOSED_AT, heldMs: 40 * MIN, proposalLapsed: true });
    const begun = start.ok ? start.value.order : waiting;
    expect(codeOf(begun, STARTED_AT + MIN, 'resident', { type: 'accept_time', input: {} })).toBe('ORDER.NOTHING_PROPOSED');
  });
});

describe('the resident accepting the proposed time', () => {
  const ANSWERED = PROPOSED_AT + 30 * MIN;
  const agreed = act(waiting, ANSWERED, 'resident', { type: 'accept_time', input: {} });

  it('moves the booking and runs the clock against it', () => {
    expect(agreed.timeWindow).toEqual(TOMORROW);
    expect(agreed.waiting).toBeNull();
    expect(lateAt(agreed, TOMORROW.from + SLA.start * MIN - 1)).toBe(false);
    expect(lateAt(agreed, TOMORROW.from + SLA.start * MIN)).toBe(true);
  });

  it('records both moments of the wait on the timeline, and what it held', () => {
    const proposed = decide(
      onTheWay,
      { type: 'propose_time', input: { timeWindow: TOMORROW, reason: '家中无人' } },
      onTheWay.version,
      world(ACTORS.worker, { now: PROPOSED_AT }),
    );
    expect(proposed.ok && proposed.value.event).toMatchObject({
      action: 'propose_time',
      at: PROPOSED_AT,
      payload: { reason: '家中无人', timeWindow: TOMORROW },
    });
    const answered = decide(waiting, { type: 'accept_time', input: {} }, waiting.version, world(ACTORS.resident, { now: ANSWERED }));
    expect(answered.ok && answered.value.event).toMatchObject({ action: 'accept_time', at: ANSWERED, payload: { since: PROPOSED_AT, heldMs: 30 * MIN } });
    expect(agreed.residentHeldMs).toBe(30 * MIN);
    expect(sweepOrder(agreed, community, ANSWERED)).toBeNull();
  });
});

describe('改约 by the resident', () => {
  const booked = place(PLACED, TOMORROW);
  const NEXT_WEEK = { from: china(2026, 12, 5, 14), to: china(2026, 12, 5, 16) };

  it('moves the booking of an open order and measures the clock from the new one', () => {
    const moved = act(booked, PLACED + 60 * MIN, 'resident', { type: 'reschedule', input: { timeWindow: NEXT_WEEK, reason: '明天去医院' } });
    expect(moved.timeWindow).toEqual(NEXT_WEEK);
    expect(moved.rescheduleCount).toBe(1);
    const dispatchDue = NEXT_WEEK.from - (30 + SLA.accept) * MIN;
    expect(lateAt(moved, TOMORROW.from)).toBe(false);
    expect(lateAt(moved, dispatchDue - 1)).toBe(false);
    expect(lateAt(moved, dispatchDue)).toBe(true);
  });

  it(`is limited to ${MAX_RESCHEDULES} times per order`, () => {
    let o: Order = booked;
    for (let i = 1; i <= MAX_RESCHEDULES; i++) o = act(o, PLACED + i * MIN, 'resident', { type: 'reschedule', input: { timeWindow: NEXT_WEEK, reason: '' } });
    expect(codeOf(o, PLACED + 10 * MIN, 'resident', { type: 'reschedule', input: { timeWindow: TOMORROW, reason: '' } })).toBe('ORDER.RESCHEDULE_LIMIT');
  });

  it('refuses a window that has passed or ends before it starts', () => {
    const past = { from: PLACED - 5 * 60 * MIN, to: PLACED - 3 * 60 * MIN };
    expect(codeOf(booked, PLACED, 'resident', { type: 'reschedule', input: { timeWindow: past, reason: '' } })).toBe('INPUT.INVALID');
    const backwards = { from: NEXT_WEEK.to, to: NEXT_WEEK.from };
    expect(codeOf(booked, PLACED, 'resident', { type: 'reschedule', input: { timeWindow: backwards, reason: '' } })).toBe('INPUT.INVALID');
  });

  it('answers a pending proposal with a time of the resident’s own, ending the wait', () => {
    const moved = act(waiting, PROPOSED_AT + 10 * MIN, 'resident', { type: 'reschedule', input: { timeWindow: NEXT_WEEK, reason: '下周才在家' } });
    expect(moved.waiting).toBeNull();
    expect(moved.residentHeldMs).toBe(10 * MIN);
    expect(lateAt(moved, NEXT_WEEK.from + SLA.start * MIN - 1)).toBe(false);
  });

  it('is not offered once the work has started', () => {
    const s = started(accepted(booked, PLACED + MIN), TOMORROW.from);
    expect(codeOf(s, TOMORROW.from + MIN, 'resident', { type: 'reschedule', input: { timeWindow: NEXT_WEEK, reason: '' } })).toBe(
      'ORDER.TRANSITION_NOT_ALLOWED',
    );
  });
});
