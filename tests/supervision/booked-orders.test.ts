import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '@core';
import { runSweep } from '@backend/usecases/sweep';
import { useSupervisionWorld } from './harness';

/**
 * Booked orders through the real handlers and the sweep, on a walked clock: 水电急修 (dispatch 15,
 * accept 15, start 30 minutes), the community's 30-minute travel allowance. The clock starts at
 * 16:00 China time on 28 November 2026.
 */
const START = Date.UTC(2026, 10, 28, 8, 0);
const w = useSupervisionWorld(START);
/** A moment in China time (UTC+8). */
const china = (month: number, d: number, h: number, m = 0) => Date.UTC(2026, month - 1, d, h - 8, m);

async function book(from: number, to: number, serviceItemId = 's-repair-urgent'): Promise<string> {
  const { order } = await w.call('orders', 'demo-resident', {
    action: 'create',
    order: { serviceItemId, householdId: 'h-yg-a', description: '热水器漏水，约时间上门', timeWindow: { from, to } },
  });
  return order.id as string;
}
async function taken(id: string) {
  await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
  await w.act('demo-worker', 'worker', id, 'accept');
}
/** Sweeps at `t` (China time) and says whether the order is in the supervisor's overdue queue. */
async function overdueAt(id: string, t: number): Promise<boolean> {
  w.advance(t - w.now());
  await runSweep(w.deps);
  const board = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month: '2026-11' });
  return board.queues.overdue.some((o: { id: string }) => o.id === id);
}
const marks = async (id: string) => (await w.store.listEvents(id)).filter((e) => e.action === 'overdue' || e.action === 'escalate').length;

describe('an order booked for tomorrow morning, accepted today', () => {
  it('is in no overdue queue tonight, nor before the booked start plus the arrival time, and is right after', async () => {
    const id = await book(china(11, 29, 8), china(11, 29, 12));
    await taken(id);
    expect(await overdueAt(id, china(11, 28, 23, 59))).toBe(false);
    expect(await overdueAt(id, china(11, 29, 8, 29))).toBe(false);
    expect(await marks(id)).toBe(0);
    expect(await overdueAt(id, china(11, 29, 8, 30))).toBe(true);
  });

  it('counts as responded on time, where an order for as soon as possible accepted as late does not', async () => {
    const booked = await book(china(11, 29, 8), china(11, 29, 12));
    const asap = await book(w.now(), w.now() + 2 * HOUR);
    w.advance(3 * HOUR); // both accepted three hours after placing: far past 30 minutes, hours before tomorrow
    await taken(booked);
    await taken(asap);
    const board = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month: '2026-11' });
    expect(board.overall.responseRate).toBe(1 / 2);
    expect((await w.store.getOrder(booked))!.overdueStages).toEqual([]);
  });
});

describe('an order booked across the month end', () => {
  it('is not late for acceptance before the start less the travel allowance, and is right after', async () => {
    w.advance(china(11, 30, 20) - w.now());
    const id = await book(china(11, 30, 23, 30), china(12, 1, 1, 30));
    await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    expect(await overdueAt(id, china(11, 30, 22, 59))).toBe(false);
    expect(await overdueAt(id, china(11, 30, 23, 0))).toBe(true);
  });
});

describe('an order waiting on the resident', () => {
  it('is not overdue while it waits, and resumes with the time it had left when the resident refuses', async () => {
    const id = await book(w.now(), w.now() + 2 * HOUR); // as soon as possible: due on site 30 minutes after acceptance
    await taken(id);
    const acceptedAt = w.now();
    w.advance(10 * MINUTE);
    await w.act('demo-worker', 'worker', id, 'propose_time', {
      timeWindow: { from: china(11, 29, 9), to: china(11, 29, 11) },
      reason: '上门时家中无人',
    });
    expect(await overdueAt(id, acceptedAt + 5 * HOUR)).toBe(false);
    expect(await marks(id)).toBe(0);
    await w.act('demo-resident', 'resident', id, 'refuse_time', { reason: '今天就要修' });
    const held = 5 * HOUR - 10 * MINUTE;
    expect(await overdueAt(id, acceptedAt + 30 * MINUTE + held - MINUTE)).toBe(false);
    expect(await overdueAt(id, acceptedAt + 30 * MINUTE + held)).toBe(true);
    expect((await w.store.getOrder(id))!.residentHeldMs).toBe(held);
  });

  it('counts only the team’s time in the average handling time', async () => {
    const id = await book(w.now(), w.now() + 2 * HOUR);
    await taken(id);
    await w.act('demo-worker', 'worker', id, 'propose_time', { timeWindow: { from: china(11, 29, 9), to: china(11, 29, 11) }, reason: '需要先买配件' });
    w.advance(10 * HOUR);
    await w.act('demo-resident', 'resident', id, 'accept_time');
    w.advance(china(11, 29, 9) - w.now());
    await w.act('demo-worker', 'worker', id, 'start');
    w.advance(HOUR);
    await w.act('demo-worker', 'worker', id, 'complete', { notes: '已更换配件' });
    await w.act('demo-resident', 'resident', id, 'confirm', { attitude: 5, timeliness: 5, quality: 5 });
    const order = (await w.store.getOrder(id))!;
    const board = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month: '2026-11' });
    expect(board.overall.avgHandlingHours).toBeCloseTo((order.closedAt! - order.createdAt - 10 * HOUR) / HOUR, 6);
    expect(order.overdueStages).toEqual([]);
  });
});
