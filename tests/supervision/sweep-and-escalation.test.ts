import { describe, expect, it } from 'vitest';
import { MINUTE, orderIndex } from '@core';
import { runSweep } from '@backend/usecases/sweep';
import { useSupervisionWorld } from './harness';

const w = useSupervisionWorld();

const actions = async (orderId: string) => (await w.store.listEvents(orderId)).map((e) => e.action);

describe('deadlines, overdue and escalation (水电急修: dispatch within 15 minutes, escalate every 2 hours)', () => {
  it('marks the order overdue at its dispatch deadline and tells the property company', async () => {
    const id = await w.place();
    w.advance(14 * MINUTE);
    await runSweep(w.deps);
    expect(await actions(id)).toEqual(['create']);
    w.advance(1 * MINUTE);
    await runSweep(w.deps);
    expect(await actions(id)).toEqual(['create', 'overdue']);
    const notes = await w.store.listNotifications([{ kind: 'company', companyId: 'pc-hongxin', communityId: 'c-xingfuli' }], 10);
    expect(notes[0]?.text).toContain('派单已超时');
  });

  it('escalates to the supervisors, then to the community secretary', async () => {
    const id = await w.place();
    w.advance(15 * MINUTE);
    await runSweep(w.deps);
    w.advance(120 * MINUTE);
    await runSweep(w.deps);
    w.advance(120 * MINUTE);
    await runSweep(w.deps);
    const events = await w.store.listEvents(id);
    expect(events.map((e) => [e.action, e.payload.level])).toEqual([
      ['create', undefined],
      ['overdue', 1],
      ['escalate', 2],
      ['escalate', 3],
    ]);
    const board = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor' });
    expect(board.queues.escalated.map((o: { id: string }) => o.id)).toEqual([id]);
  });

  it('records each mark once when two sweeps run at the same time', async () => {
    const ids = [await w.place(), await w.place(), await w.place()];
    w.advance(15 * MINUTE + 240 * MINUTE);
    await Promise.all([runSweep(w.deps), runSweep(w.deps), runSweep(w.deps)]);
    for (const id of ids) {
      const events = await w.store.listEvents(id);
      expect(events.map((e) => e.action)).toEqual(['create', 'overdue', 'escalate', 'escalate']);
      expect((await w.store.getOrder(id))!.version).toBe(events.length);
    }
  });

  it('restarts the clock on every hand-over: a dispatched order gets its own accept deadline', async () => {
    const id = await w.place();
    w.advance(10 * MINUTE);
    await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-general', workerId: null });
    w.advance(14 * MINUTE);
    await runSweep(w.deps);
    expect(await actions(id)).toEqual(['create', 'dispatch']);
    w.advance(1 * MINUTE);
    await runSweep(w.deps);
    expect((await w.store.getOrder(id))!.overdueStages).toEqual(['accept']);
  });

  it('closes an order the resident never confirmed, marked as automatic, not as a rating', async () => {
    const id = await w.place('s-repair');
    await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    await w.act('demo-worker', 'worker', id, 'accept');
    await w.act('demo-worker', 'worker', id, 'start');
    await w.act('demo-worker', 'worker', id, 'complete', { notes: '已更换门锁' });
    w.advance(3 * 24 * 60 * MINUTE);
    await runSweep(w.deps);
    const order = (await w.store.getOrder(id))!;
    expect(order).toMatchObject({ state: 'closed', autoClosed: true, rating: null });
    expect((await actions(id)).at(-1)).toBe('auto_close');
  });
});

describe('督办 and complaints', () => {
  it('lets the dispatcher reply to a 督办; an unanswered one becomes overdue itself', async () => {
    const id = await w.place('s-repair');
    await w.act('demo-supervisor', 'supervisor', id, 'instruct', { text: '请今天内派单', to: 'dispatcher', dueInHours: 2 });
    await w.act('demo-supervisor', 'supervisor', id, 'instruct', { text: '请说明原因', to: 'dispatcher', dueInHours: 1 });
    const order = (await w.store.getOrder(id))!;
    await w.act('demo-dispatcher', 'dispatcher', id, 'reply', { seq: order.instructions[0]!.seq, text: '已安排刘师傅' });
    w.advance(61 * MINUTE);
    await runSweep(w.deps);
    const after = (await w.store.getOrder(id))!;
    expect(after.instructions.map((i) => [i.answer?.text ?? null, i.overdue])).toEqual([
      ['已安排刘师傅', false],
      [null, true],
    ]);
    expect(await actions(id)).toEqual(['create', 'instruct', 'instruct', 'reply', 'instruction_overdue']);
  });

  it("puts a complaint in the supervisor's queue until it is answered", async () => {
    const id = await w.place('s-repair');
    w.advance(121 * MINUTE); // past the dispatch deadline: a complaint before anyone came waits for that
    await w.act('demo-resident', 'resident', id, 'complain', { text: '打了三次电话没人管' });
    const before = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor' });
    expect(before.queues.complaints.map((o: { id: string }) => o.id)).toEqual([id]);
    const seq = (await w.store.getOrder(id))!.complaints[0]!.seq;
    await w.act('demo-supervisor', 'supervisor', id, 'answer', { seq, text: '已督促物业今天上门' });
    const after = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor' });
    expect(after.queues.complaints).toEqual([]);
  });
});

describe('escalation with the community’s own interval (水电急修: dispatch within 15 minutes)', () => {
  const setInterval = (escalationMinutes: number) => w.call('admin', 'demo-admin', { action: 'updateSettings', role: 'admin', escalationMinutes });
  /** Sweeps once a minute, as the timer does, for `minutes`; each mark with the minute (since placing) it was made in. */
  async function sweepEachMinute(id: string, minutes: number) {
    const marks: [number, string, unknown][] = [];
    let seen = 1;
    for (let m = 1; m <= minutes; m++) {
      w.advance(MINUTE);
      await runSweep(w.deps);
      const events = await w.store.listEvents(id);
      for (const e of events.slice(seen)) marks.push([m, e.action, e.payload.level]);
      seen = events.length;
    }
    return marks;
  }

  it('with 30 minutes: overdue at +15, escalated at +45 and again at +75, one level at a time', async () => {
    await setInterval(30);
    const id = await w.place();
    expect(await sweepEachMinute(id, 90)).toEqual([
      [15, 'overdue', 1],
      [45, 'escalate', 2],
      [75, 'escalate', 3],
    ]);
  });

  it('with 600 minutes: overdue at +15, escalated at +615 and +1215, and the order is not read in between', async () => {
    await setInterval(600);
    const id = await w.place();
    w.advance(15 * MINUTE);
    expect(await runSweep(w.deps)).toMatchObject({ examined: 1, changed: 1 });
    w.advance(2 * 60 * MINUTE);
    expect(await runSweep(w.deps)).toMatchObject({ examined: 0 });
    w.advance(600 * MINUTE - 2 * 60 * MINUTE - MINUTE);
    await runSweep(w.deps);
    expect(await actions(id)).toEqual(['create', 'overdue']);
    w.advance(MINUTE);
    await runSweep(w.deps);
    w.advance(600 * MINUTE);
    await runSweep(w.deps);
    const events = await w.store.listEvents(id);
    expect(events.slice(1).map((e) => [(e.at - events[0]!.at) / MINUTE, e.action, e.payload.level])).toEqual([
      [15, 'overdue', 1],
      [615, 'escalate', 2],
      [1215, 'escalate', 3],
    ]);
  });

  it('re-indexes the open orders when the admin changes the interval: an overdue order escalates on the new one', async () => {
    const id = await w.place();
    w.advance(15 * MINUTE);
    await runSweep(w.deps); // overdue; under the 2-hour default it would escalate at +135
    await setInterval(30);
    w.advance(30 * MINUTE);
    await runSweep(w.deps);
    expect(await actions(id)).toEqual(['create', 'overdue', 'escalate']);
  });

  it('marks an overdue order on the first sweep although 250 due orders before it produce nothing', async () => {
    await setInterval(600);
    const stale = await Promise.all(Array.from({ length: 250 }, () => w.place()));
    w.advance(15 * MINUTE);
    expect(await runSweep(w.deps)).toMatchObject({ changed: 250 });
    // Indexed as the program did before the fix, with two hours: due again at +135 for nothing.
    const orders = await Promise.all(stale.map(async (id) => (await w.store.getOrder(id))!));
    await w.store.reindex(orders.map((o) => ({ orderId: o.id, version: o.version, index: orderIndex(o, { escalationMinutes: 120 }) })));
    w.advance(110 * MINUTE);
    const urgent = await w.place(); // due at +140, after all 250 stale moments
    w.advance(16 * MINUTE);
    const report = await runSweep(w.deps);
    expect(await actions(urgent)).toEqual(['create', 'overdue']);
    expect(report).toMatchObject({ examined: 251, changed: 1, reindexed: 250 });
    // Re-indexed to their real next moment (+615), they are not read again meanwhile.
    w.advance(MINUTE);
    expect(await runSweep(w.deps)).toMatchObject({ examined: 0 });
    expect(await actions(stale[0]!)).toEqual(['create', 'overdue']);
  });
});
