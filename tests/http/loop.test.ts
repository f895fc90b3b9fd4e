import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '@core';
import { useTestServer } from '../support/test-server';
import { desk, dispatcher, resident, supervisor, worker, worker2 } from '../support/scenario';

const t = useTestServer();
const d = desk(t);

describe('点单 → 下单 → 接单 → 督单', () => {
  it('walks one order from 点单 to 已办结 with its full timeline', async () => {
    // 点单: the resident orders a repair for her own household.
    const placed = await d.place(resident);
    expect(placed).toMatchObject({ state: 'pending_dispatch', version: 1, createdBy: 'demo-resident', serviceName: '门窗家具维修', assignment: null });
    // 催单 and 投诉 wait until something is late; a fresh order offers 取消 and 改约.
    expect(placed.actions).toEqual(['cancel', 'reschedule']);

    // 下单: the dispatcher sends it to the general repair team's pool.
    t.clock.advance(10 * MINUTE);
    const dispatched = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' });
    expect(dispatched).toMatchObject({ state: 'pending_accept', version: 2, assignment: { mode: 'pool', teamId: 't-general' } });

    // 接单: a team member grabs it from the pool, arrives, and reports completion.
    t.clock.advance(5 * MINUTE);
    const grabbed = await d.step(worker, dispatched, 'grab');
    expect(grabbed).toMatchObject({ state: 'accepted', assignment: { mode: 'member', teamId: 't-general', workerId: 'demo-worker' } });
    t.clock.advance(HOUR);
    const started = await d.step(worker, grabbed, 'start');
    expect(started.state).toBe('in_service');
    t.clock.advance(HOUR);
    const completed = await d.step(worker, started, 'complete', { notes: '更换了水龙头阀芯，已试水不漏', photos: [] });
    expect(completed).toMatchObject({ state: 'pending_confirm', completion: { notes: '更换了水龙头阀芯，已试水不漏' } });

    // The resident confirms with five stars: the order is 已办结.
    const mine = await d.read(resident, placed.id);
    expect(mine.order.actions).toEqual(expect.arrayContaining(['confirm', 'rework']));
    const confirmed = await d.step(resident, mine.order, 'confirm', { attitude: 5, timeliness: 5, quality: 5, comment: '师傅很细心' });
    expect(confirmed).toMatchObject({ state: 'closed', rating: { attitude: 5, timeliness: 5, quality: 5, comment: '师傅很细心' } });

    // 督单: the supervisor sees it closed, with every step on the timeline.
    const seen = await d.read(supervisor, placed.id);
    expect(seen.order.state).toBe('closed');
    expect(seen.order.actions).toContain('revisit');
    expect(seen.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen.events.map((e) => [e.action, e.from, e.to, e.actorId, e.actorRole])).toEqual([
      ['create', null, 'pending_dispatch', 'demo-resident', 'resident'],
      ['dispatch', 'pending_dispatch', 'pending_accept', 'demo-dispatcher', 'dispatcher'],
      ['grab', 'pending_accept', 'accepted', 'demo-worker', 'worker'],
      ['start', 'accepted', 'in_service', 'demo-worker', 'worker'],
      ['complete', 'in_service', 'pending_confirm', 'demo-worker', 'worker'],
      ['confirm', 'pending_confirm', 'closed', 'demo-resident', 'resident'],
    ]);
    expect(seen.events.map((e) => e.at)).toEqual([...seen.events.map((e) => e.at)].sort((a, b) => a - b));
    expect(seen.events[5]!.payload).toMatchObject({ attitude: 5, timeliness: 5, quality: 5 });

    // 回访: the supervisor calls back; the visit is on the order and the timeline, the state stays.
    const visited = await d.step(supervisor, seen.order, 'revisit', { reached: true, satisfied: true, notes: '居民表示满意' });
    expect(visited).toMatchObject({ state: 'closed', version: 7 });
    expect(visited.returnVisits).toEqual([{ reached: true, satisfied: true, notes: '居民表示满意', at: t.clock.now(), by: 'demo-supervisor' }]);
    const events = await d.events(placed.id);
    expect(events.map((e) => [e.seq, e.action, e.from, e.to])).toContainEqual([7, 'revisit', 'closed', 'closed']);
  });

  it('dispatches to one named member, who accepts and sees the order as theirs', async () => {
    const placed = await d.place(resident, { serviceItemId: 's-meal', description: '明天中午送一份午餐' });
    const dispatched = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-elder', workerId: 'demo-worker-2' });
    expect(dispatched).toMatchObject({ state: 'pending_accept', assignment: { mode: 'member', teamId: 't-elder', workerId: 'demo-worker-2' } });

    const offered = await d.read(worker2, placed.id);
    expect(offered.order.actions).toEqual(expect.arrayContaining(['accept', 'decline']));
    expect(offered.order.actions).not.toContain('grab');
    const accepted = await d.step(worker2, offered.order, 'accept');
    expect(accepted).toMatchObject({ state: 'accepted', assignment: { workerId: 'demo-worker-2' } });

    const events = await d.events(placed.id);
    expect(events.map((e) => [e.seq, e.action, e.actorId])).toEqual([
      [1, 'create', 'demo-resident'],
      [2, 'dispatch', 'demo-dispatcher'],
      [3, 'accept', 'demo-worker-2'],
    ]);
    expect(events[1]!.payload).toEqual({ assignment: { mode: 'member', teamId: 't-elder', workerId: 'demo-worker-2' } });
    // The resident hears that someone took the order.
    expect((await d.notifications(resident)).map((n) => n.text)).toContain('师傅已接单');
  });
});
