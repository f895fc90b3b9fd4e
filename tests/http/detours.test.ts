import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, type OrderView } from '@core';
import { useTestServer } from '../support/test-server';
import { dataOf, desk, dispatcher, failure, resident, supervisor, worker, worker3 } from '../support/scenario';

const t = useTestServer();
const d = desk(t);

/** An order that demo-worker has accepted from the t-general pool. */
async function acceptedOrder(): Promise<OrderView> {
  const placed = await d.place(resident);
  const pooled = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' });
  return d.step(worker, pooled, 'grab');
}

/** An order that demo-worker has completed and the resident has yet to confirm. */
async function completedOrder(): Promise<OrderView> {
  const started = await d.step(worker, await acceptedOrder(), 'start');
  return d.step(worker, started, 'complete', { notes: '已修好' });
}

/** The order as the resident sees it now (the version her app would send). */
const residentView = async (id: string) => (await d.read(resident, id)).order;

describe('退单: the dispatcher refuses an order', () => {
  it('refuses with a reason → 已退回, tells the resident why and where to go; the supervisor reopens it → 待派单', async () => {
    const placed = await d.place(resident);
    const refused = await d.step(dispatcher, placed, 'refuse', { reason: '属于市政管网，不归物业维修', redirect: '请拨打12345' });
    expect(refused).toMatchObject({ state: 'refused', lastReason: '属于市政管网，不归物业维修' });

    expect((await d.notifications(resident)).map((n) => n.text)).toContain('物业退回了工单：属于市政管网，不归物业维修；建议：请拨打12345');
    const mine = await residentView(placed.id);
    expect(mine.state).toBe('refused');
    expect(mine.actions).not.toContain('cancel');

    const seen = await d.read(supervisor, placed.id);
    expect(seen.order.actions).toContain('reopen');
    const reopened = await d.step(supervisor, seen.order, 'reopen', { reason: '小区内管道，应由物业处理' });
    expect(reopened).toMatchObject({ state: 'pending_dispatch', reopenCount: 1, closedAt: null, lastReason: '小区内管道，应由物业处理' });

    const events = await d.events(placed.id);
    expect(events.map((e) => [e.seq, e.action, e.from, e.to, e.actorId])).toEqual([
      [1, 'create', null, 'pending_dispatch', 'demo-resident'],
      [2, 'refuse', 'pending_dispatch', 'refused', 'demo-dispatcher'],
      [3, 'reopen', 'refused', 'pending_dispatch', 'demo-supervisor'],
    ]);
    expect(events[1]!.payload).toEqual({ reason: '属于市政管网，不归物业维修', redirect: '请拨打12345' });
    // The dispatcher can send the reopened order on as usual.
    expect((await d.step(dispatcher, reopened, 'dispatch', { teamId: 't-general' })).state).toBe('pending_accept');
  });

  it('refuses only with a reason', async () => {
    const placed = await d.place(resident);
    expect(failure(await d.act(dispatcher, placed, 'refuse', {}))).toEqual({ status: 400, code: 'INPUT.INVALID' });
    expect(failure(await d.act(dispatcher, placed, 'refuse', { reason: '   ' }))).toEqual({ status: 400, code: 'INPUT.INVALID' });
    expect((await d.events(placed.id)).length).toBe(1);
  });
});

describe('取消: the resident cancels', () => {
  it('cancels before anyone accepted, without a reason', async () => {
    const placed = await d.place(resident);
    const cancelled = await d.step(resident, placed, 'cancel');
    expect(cancelled).toMatchObject({ state: 'cancelled', actions: ['complain'] });
    expect((await d.events(placed.id)).map((e) => [e.action, e.to])).toEqual([
      ['create', 'pending_dispatch'],
      ['cancel', 'cancelled'],
    ]);
  });

  it('cancels a pool order waiting to be grabbed, and the team no longer sees it', async () => {
    const placed = await d.place(resident);
    const pooled = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' });
    expect((await d.step(resident, { id: placed.id, version: pooled.version }, 'cancel')).state).toBe('cancelled');
    expect(failure(await d.get(worker, placed.id))).toEqual({ status: 404, code: 'ORDER.NOT_FOUND' });
  });

  it('needs a reason once a worker has accepted (ORDER.REASON_REQUIRED), then cancels and tells the worker', async () => {
    const accepted = await acceptedOrder();
    const mine = await residentView(accepted.id);
    const refused = await d.act(resident, mine, 'cancel', {});
    expect(failure(refused)).toEqual({ status: 400, code: 'ORDER.REASON_REQUIRED' });
    expect(refused.body.error.message).toBe('请填写原因');
    expect((await residentView(accepted.id)).state).toBe('accepted');

    const cancelled = await d.step(resident, mine, 'cancel', { reason: '家人已经修好了' });
    expect(cancelled).toMatchObject({ state: 'cancelled', lastReason: '家人已经修好了' });
    expect((await d.notifications(worker)).map((n) => n.text)).toContain('居民已取消工单');
    expect((await d.events(accepted.id)).at(-1)).toMatchObject({ action: 'cancel', from: 'accepted', to: 'cancelled', payload: { reason: '家人已经修好了' } });
  });

  it('cannot cancel once the service has started', async () => {
    const started = await d.step(worker, await acceptedOrder(), 'start');
    const mine = await residentView(started.id);
    expect(mine.actions).not.toContain('cancel');
    expect(failure(await d.act(resident, mine, 'cancel', { reason: '不需要了' }))).toEqual({ status: 409, code: 'ORDER.TRANSITION_NOT_ALLOWED' });
  });
});

describe('退回: the worker declines', () => {
  it('hands back an order offered to them by name, before accepting it', async () => {
    const placed = await d.place(resident);
    const offered = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    const declined = await d.step(worker, offered, 'decline', { reason: '不在附近' });
    expect(declined).toMatchObject({ state: 'pending_dispatch', assignment: null });
    expect((await d.events(placed.id)).at(-1)).toMatchObject({
      action: 'decline',
      from: 'pending_accept',
      to: 'pending_dispatch',
      payload: { reason: '不在附近' },
    });
  });

  it('hands an accepted order back to 待派单 with the reason on the timeline, and the assignment cleared', async () => {
    const accepted = await acceptedOrder();
    const declined = await d.step(worker, accepted, 'decline', { reason: '缺少配件，今天无法上门' });
    expect(declined).toMatchObject({ state: 'pending_dispatch', assignment: null, acceptedAt: null, lastReason: '缺少配件，今天无法上门' });

    const last = (await d.events(accepted.id)).at(-1)!;
    expect(last).toMatchObject({ seq: 4, action: 'decline', from: 'accepted', to: 'pending_dispatch', actorId: 'demo-worker' });
    expect(last.payload).toEqual({ previous: { mode: 'member', teamId: 't-general', workerId: 'demo-worker' }, reason: '缺少配件，今天无法上门' });
    // The worker no longer holds it; the dispatcher hears of it and may send it again.
    expect(failure(await d.get(worker, accepted.id))).toEqual({ status: 404, code: 'ORDER.NOT_FOUND' });
    expect((await d.notifications(dispatcher)).map((n) => n.text)).toContain('队员退回工单：缺少配件，今天无法上门');
    const seen = (await d.read(dispatcher, accepted.id)).order;
    expect(seen.actions).toContain('dispatch');
  });
});

describe('派单 and 转单: the dispatcher checks who can take the order', () => {
  it('refuses a team of another company or community, a non-member, an off-duty worker, a worker at their cap', async () => {
    const placed = await d.place(resident);
    const before = t.dump();
    expect(failure(await d.act(dispatcher, placed, 'dispatch', { teamId: 't-nowhere' }))).toEqual({ status: 404, code: 'TEAM.NOT_FOUND' });
    expect(failure(await d.act(dispatcher, placed, 'dispatch', { teamId: 't-general', workerId: 'demo-worker-2' }))).toEqual({
      status: 409,
      code: 'TEAM.NOT_MEMBER',
    });
    expect(failure(await d.act(dispatcher, placed, 'dispatch', { teamId: 't-general', workerId: 'demo-resident' }))).toEqual({
      status: 409,
      code: 'TEAM.NOT_MEMBER',
    });
    expect(t.dump()).toBe(before);

    // 孙志远 goes off duty: nobody may send him orders.
    expect(dataOf(await t.call('session', { action: 'setOnDuty', onDuty: false }, worker3.user)).user.onDuty).toBe(false);
    expect(failure(await d.act(dispatcher, placed, 'dispatch', { teamId: 't-general', workerId: 'demo-worker-3' }))).toEqual({
      status: 409,
      code: 'WORKER.OFF_DUTY',
    });
    await t.call('session', { action: 'setOnDuty', onDuty: true }, worker3.user);

    // He holds at most two open orders.
    for (let i = 0; i < 2; i++) {
      const o = await d.place(resident, { description: `第${i + 1}单` });
      await d.step(dispatcher, o, 'dispatch', { teamId: 't-general', workerId: 'demo-worker-3' });
    }
    const full = await d.act(dispatcher, placed, 'dispatch', { teamId: 't-general', workerId: 'demo-worker-3' });
    expect(failure(full)).toEqual({ status: 409, code: 'WORKER.OVER_CAPACITY' });
    expect(full.body.error.message).toBe('孙志远手头工单已满（2单），请派给其他队员');
  });

  it('转单: moves an accepted order to another member with a reason; the previous holder is told and loses it', async () => {
    const accepted = await acceptedOrder();
    const seen = (await d.read(dispatcher, accepted.id)).order;
    expect(failure(await d.act(dispatcher, seen, 'reassign', { teamId: 't-general', workerId: 'demo-worker', reason: '同一人' }))).toEqual({
      status: 409,
      code: 'ORDER.SAME_ASSIGNEE',
    });
    const moved = await d.step(dispatcher, seen, 'reassign', { teamId: 't-general', workerId: 'demo-worker-3', reason: '刘师傅临时有急修' });
    expect(moved).toMatchObject({ state: 'pending_accept', acceptedAt: null, assignment: { mode: 'member', workerId: 'demo-worker-3' } });
    expect((await d.events(accepted.id)).at(-1)).toMatchObject({
      action: 'reassign',
      from: 'accepted',
      to: 'pending_accept',
      payload: { previous: { workerId: 'demo-worker' }, assignment: { workerId: 'demo-worker-3' }, reason: '刘师傅临时有急修' },
    });
    expect((await d.notifications(worker)).map((n) => n.text)).toContain('工单已转给他人：刘师傅临时有急修');
    expect(failure(await d.get(worker, accepted.id))).toEqual({ status: 404, code: 'ORDER.NOT_FOUND' });
    expect((await d.step(worker3, moved, 'accept')).state).toBe('accepted');
  });
});

describe('返工: the resident asks for the work to be redone', () => {
  it('within 72 hours of completion: back to 已接单 with the same worker', async () => {
    const completed = await completedOrder();
    t.clock.advance(71 * HOUR);
    const mine = await residentView(completed.id);
    expect(mine.actions).toContain('rework');
    const rework = await d.step(resident, mine, 'rework', { reason: '水龙头又开始滴水' });
    expect(rework).toMatchObject({
      state: 'accepted',
      assignment: { mode: 'member', teamId: 't-general', workerId: 'demo-worker' },
      reworkCount: 1,
      completion: null,
    });
    expect((await d.events(completed.id)).at(-1)).toMatchObject({
      action: 'rework',
      from: 'pending_confirm',
      to: 'accepted',
      payload: { reason: '水龙头又开始滴水' },
    });
    // The same worker carries on.
    expect((await d.step(worker, { id: completed.id, version: rework.version }, 'start')).state).toBe('in_service');
  });

  it('even after confirming, within the window', async () => {
    const completed = await completedOrder();
    const closed = await d.step(resident, await residentView(completed.id), 'confirm', { attitude: 4, timeliness: 4, quality: 3 });
    t.clock.advance(24 * HOUR);
    const rework = await d.step(resident, closed, 'rework', { reason: '过了一天又漏了' });
    expect(rework).toMatchObject({ state: 'accepted', rating: null, closedAt: null });
  });

  it('after 72 hours: ORDER.REWORK_WINDOW_PASSED, and the order stays as it was', async () => {
    const completed = await completedOrder();
    t.clock.advance(72 * HOUR + MINUTE);
    const mine = await residentView(completed.id);
    expect(mine.actions).not.toContain('rework');
    const before = t.dump();
    const late = await d.act(resident, mine, 'rework', { reason: '还是漏水' });
    expect(failure(late)).toEqual({ status: 409, code: 'ORDER.REWORK_WINDOW_PASSED' });
    expect(t.dump()).toBe(before);
    // The way left is a complaint to the community.
    expect((await d.step(resident, mine, 'complain', { text: '完工三天后又漏水，物业不管' })).complaints).toHaveLength(1);
  });
});

describe('重新打开: the supervisor reopens bad work', () => {
  it('reopens a closed order → 待派单, clearing the assignment, completion and rating', async () => {
    const completed = await completedOrder();
    await d.step(resident, await residentView(completed.id), 'confirm', { attitude: 2, timeliness: 2, quality: 1 });
    const seen = await d.read(supervisor, completed.id);
    const reopened = await d.step(supervisor, seen.order, 'reopen', { reason: '回访发现问题未解决' });
    expect(reopened).toMatchObject({ state: 'pending_dispatch', assignment: null, completion: null, rating: null, closedAt: null, reopenCount: 1 });
    expect((await d.events(completed.id)).at(-1)).toMatchObject({
      action: 'reopen',
      from: 'closed',
      to: 'pending_dispatch',
      actorId: 'demo-supervisor',
      payload: { reason: '回访发现问题未解决', previous: { mode: 'member', teamId: 't-general', workerId: 'demo-worker' } },
    });
    expect((await d.notifications(resident)).map((n) => n.text)).toContain('社区已重新打开您的工单');
  });

  it('cannot reopen an order still in progress', async () => {
    const accepted = await acceptedOrder();
    const seen = await d.read(supervisor, accepted.id);
    expect(seen.order.actions).not.toContain('reopen');
    expect(failure(await d.act(supervisor, seen.order, 'reopen', { reason: '想重新派' }))).toEqual({ status: 409, code: 'ORDER.TRANSITION_NOT_ALLOWED' });
  });
});

describe('督办: the supervisor presses the responsible party', () => {
  it('records the instruction on the order, and the dispatcher replies to it', async () => {
    const placed = await d.place(resident);
    t.clock.advance(3 * HOUR);
    const seen = await d.read(supervisor, placed.id);
    const pressed = await d.step(supervisor, seen.order, 'instruct', { text: '已超时未派单，请今天内派出', to: 'dispatcher', dueInHours: 4 });
    expect(pressed.state).toBe('pending_dispatch');
    expect(pressed.instructions).toEqual([
      {
        seq: 2,
        text: '已超时未派单，请今天内派出',
        to: 'dispatcher',
        dueAt: t.clock.now() + 4 * HOUR,
        at: t.clock.now(),
        by: 'demo-supervisor',
        answer: null,
        overdue: false,
      },
    ]);
    expect((await d.events(placed.id)).at(-1)).toMatchObject({
      seq: 2,
      action: 'instruct',
      from: 'pending_dispatch',
      to: 'pending_dispatch',
      actorId: 'demo-supervisor',
    });
    expect((await d.notifications(dispatcher)).map((n) => n.text)).toContain('社区督办：已超时未派单，请今天内派出');

    const mine = (await d.read(dispatcher, placed.id)).order;
    expect(mine.actions).toContain('reply');
    const replied = await d.step(dispatcher, mine, 'reply', { seq: 2, text: '已安排刘师傅下午上门' });
    expect(replied.instructions[0]!.answer).toEqual({ text: '已安排刘师傅下午上门', at: t.clock.now(), by: 'demo-dispatcher' });
    expect((await d.notifications(supervisor)).map((n) => n.text)).toContain('督办已回复：已安排刘师傅下午上门');
  });

  it('cannot press a worker on an order no team holds yet', async () => {
    const placed = await d.place(resident);
    const seen = await d.read(supervisor, placed.id);
    const refused = await d.act(supervisor, seen.order, 'instruct', { text: '请尽快上门', to: 'worker' });
    expect(failure(refused)).toEqual({ status: 409, code: 'INSTRUCTION.NOT_DISPATCHED' });
    expect(refused.body.error.message).toBe('工单尚未派给服务队，请督办物业调度');
  });
});

describe('催单: the resident urges', () => {
  it('is not offered before anything is late: ORDER.NOT_DUE_YET', async () => {
    const placed = await d.place(resident);
    expect(placed.actions).not.toContain('urge');
    expect(failure(await d.act(resident, placed, 'urge'))).toEqual({ status: 409, code: 'ORDER.NOT_DUE_YET' });
    expect(failure(await d.act(resident, placed, 'complain', { text: '还没人来' }))).toEqual({ status: 409, code: 'ORDER.NOT_DUE_YET' });
  });

  it('urges once the booked start has come, is told to wait within 30 minutes (ORDER.URGE_TOO_SOON), and may urge again after', async () => {
    const placed = await d.placeDue(resident);
    const urged = await d.step(resident, placed, 'urge');
    expect(urged).toMatchObject({ state: 'pending_dispatch', urgeCount: 1, lastUrgedAt: t.clock.now() });
    expect(urged.actions).not.toContain('urge');
    expect((await d.notifications(dispatcher)).map((n) => n.text)).toContain('居民催单（第1次），请尽快处理');

    t.clock.advance(29 * MINUTE);
    const tooSoon = await d.act(resident, urged, 'urge');
    expect(failure(tooSoon)).toEqual({ status: 409, code: 'ORDER.URGE_TOO_SOON' });
    expect(tooSoon.body.error.message).toBe('30分钟内只能催单一次，我们已在加紧处理');

    t.clock.advance(MINUTE);
    const again = await d.step(resident, urged, 'urge');
    expect(again.urgeCount).toBe(2);
    expect((await d.events(placed.id)).map((e) => [e.action, e.payload])).toEqual([
      ['create', expect.anything()],
      ['urge', { count: 1 }],
      ['urge', { count: 2 }],
    ]);
  });
});

describe('投诉: the resident complains to the community', () => {
  it('files a complaint on any order, the supervisors hear of it, and one answers', async () => {
    const placed = await d.place(resident);
    const cancelled = await d.step(resident, placed, 'cancel');
    const complained = await d.step(resident, cancelled, 'complain', { text: '等了一上午没人理' });
    expect(complained).toMatchObject({ state: 'cancelled', complaints: [{ seq: 3, text: '等了一上午没人理', answer: null }] });
    expect((await d.notifications(supervisor)).map((n) => n.text)).toContain('居民投诉：等了一上午没人理');

    const seen = await d.read(supervisor, placed.id);
    expect(seen.order.actions).toContain('answer');
    const answered = await d.step(supervisor, seen.order, 'answer', { seq: 3, text: '已约谈物业，今后两小时内响应' });
    expect(answered.complaints[0]!.answer).toMatchObject({ text: '已约谈物业，今后两小时内响应', by: 'demo-supervisor' });
    expect((await d.notifications(resident)).map((n) => n.text)).toContain('社区答复了您的投诉：已约谈物业，今后两小时内响应');
  });
});
