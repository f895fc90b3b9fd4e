import { describe, expect, it } from 'vitest';
import { MINUTE } from '@core';
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
    await w.act('demo-resident', 'resident', id, 'complain', { text: '打了三次电话没人管' });
    const before = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor' });
    expect(before.queues.complaints.map((o: { id: string }) => o.id)).toEqual([id]);
    const seq = (await w.store.getOrder(id))!.complaints[0]!.seq;
    await w.act('demo-supervisor', 'supervisor', id, 'answer', { seq, text: '已督促物业今天上门' });
    const after = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor' });
    expect(after.queues.complaints).toEqual([]);
  });
});
