import { describe, expect, it } from 'vitest';
import { useManageWorld } from './manage-world';

const m = useManageWorld();
const general = { action: 'saveTeam', id: 't-general', rev: 0, name: '综合维修服务队', companyId: 'pc-hongxin', categories: ['repair', 'cleaning', 'other'] };

/** 刘师傅 (cap 5) and 孙志远 (cap 2) in 综合维修服务队, which takes its orders in 轮询. */
const rotate = (memberIds = ['demo-worker', 'demo-worker-3']) => m.admin({ ...general, memberIds, dispatchMode: 'rotation' });
const holderOf = async (orderId: string) => (await m.w.store.getOrder(orderId))!;

describe('teams', () => {
  it('adds a team with members, categories and a dispatch mode, and logs it', async () => {
    const { saved } = await m.admin({
      action: 'saveTeam',
      name: '保洁队',
      companyId: 'pc-hongxin',
      categories: ['cleaning'],
      memberIds: ['demo-worker-2'],
      dispatchMode: 'dispatcher',
    });
    expect(saved).toMatchObject({ name: '保洁队', categories: ['cleaning'], memberIds: ['demo-worker-2'], dispatchMode: 'dispatcher', rev: 1 });
    await rotate();
    expect((await m.audit())[0]).toMatchObject({ what: 'team.saved', subject: '综合维修服务队', detail: '派单方式：调度指派→轮询' });
  });

  it.each([
    ['no category', { categories: [] }, 'INPUT.INVALID'],
    ['a member who is not a worker here', { memberIds: ['demo-resident'] }, 'INPUT.INVALID'],
    ['a company the community does not deal with', { companyId: 'pc-nowhere' }, 'MANAGE.NOT_FOUND'],
    ['an unknown dispatch mode', { dispatchMode: 'lottery' }, 'INPUT.INVALID'],
  ])('refuses a team with %s', async (_name, fields, code) => {
    expect(await m.codeOf({ ...general, memberIds: ['demo-worker'], dispatchMode: 'dispatcher', ...fields })).toBe(code);
  });

  it('refuses a second automatic team for a category another one already takes', async () => {
    await rotate();
    const second = { action: 'saveTeam', name: '夜间维修队', companyId: null, categories: ['repair'], memberIds: ['demo-worker-2'], dispatchMode: 'pool' };
    expect(await m.codeOf(second)).toBe('TEAM.MODE_CONFLICT');
    expect(await m.codeOf({ ...second, dispatchMode: 'dispatcher' })).toBe('ok');
  });
});

describe('轮询: an order placed at night goes straight to a member', () => {
  it('assigns each new order at once, in turn, to the member holding the fewest', async () => {
    await rotate();
    const a = await m.w.place('s-repair');
    const b = await m.w.place('s-repair');
    const c = await m.w.place('s-repair');
    const holders = [await holderOf(a), await holderOf(b), await holderOf(c)].map((o) => [o.state, o.assignment]);
    expect(holders).toEqual([
      ['pending_accept', { mode: 'member', teamId: 't-general', workerId: 'demo-worker' }],
      ['pending_accept', { mode: 'member', teamId: 't-general', workerId: 'demo-worker-3' }],
      ['pending_accept', { mode: 'member', teamId: 't-general', workerId: 'demo-worker' }],
    ]);
    const events = await m.w.store.listEvents(a);
    expect(events.map((e) => [e.action, e.actorRole, e.to])).toEqual([
      ['create', 'resident', 'pending_dispatch'],
      ['auto_dispatch', 'system', 'pending_accept'],
    ]);
    const told = await m.w.call('notifications', 'demo-worker', { action: 'list', role: 'worker' });
    expect(told.items.map((n: { orderId: string }) => n.orderId)).toContain(a);
    // The worker accepts it like any dispatched order.
    await m.w.act('demo-worker', 'worker', a, 'accept');
    expect((await holderOf(a)).state).toBe('accepted');
  });

  it('skips members who are off duty or full', async () => {
    await rotate();
    await m.admin({ action: 'saveWorker', id: 'demo-worker', rev: 0, skills: [], onDuty: false, maxOpenOrders: 5 });
    const a = await m.w.place('s-repair');
    const b = await m.w.place('s-repair');
    expect([(await holderOf(a)).assignment, (await holderOf(b)).assignment]).toEqual([
      { mode: 'member', teamId: 't-general', workerId: 'demo-worker-3' },
      { mode: 'member', teamId: 't-general', workerId: 'demo-worker-3' },
    ]);
    // 孙志远 now holds his cap of 2 and 刘师傅 is off duty: nobody has room.
    const c = await m.w.place('s-repair');
    expect([(await holderOf(c)).state, (await holderOf(c)).assignment]).toEqual(['pending_dispatch', null]);
  });

  it('rotates only among members whose skills cover the service, and leaves it to the dispatcher when none does', async () => {
    await rotate();
    // 刘师傅 repairs; 孙志远 only cleans: every repair goes to 刘师傅, every cleaning to 孙志远.
    await m.admin({ action: 'saveWorker', id: 'demo-worker', rev: 0, skills: ['repair'], onDuty: true, maxOpenOrders: 5 });
    await m.admin({ action: 'saveWorker', id: 'demo-worker-3', rev: 0, skills: ['cleaning'], onDuty: true, maxOpenOrders: 2 });
    const repairs = [await m.w.place('s-repair'), await m.w.place('s-repair')];
    for (const id of repairs) expect((await holderOf(id)).assignment).toEqual({ mode: 'member', teamId: 't-general', workerId: 'demo-worker' });
    const cleaning = await m.w.place('s-cleaning');
    expect((await holderOf(cleaning)).assignment).toEqual({ mode: 'member', teamId: 't-general', workerId: 'demo-worker-3' });
    // 刘师傅 goes off duty: nobody left can repair, so the next repair waits for the dispatcher, who is told.
    await m.admin({ action: 'saveWorker', id: 'demo-worker', rev: 1, skills: ['repair'], onDuty: false, maxOpenOrders: 5 });
    const waiting = await m.w.place('s-repair');
    expect([(await holderOf(waiting)).state, (await holderOf(waiting)).assignment]).toEqual(['pending_dispatch', null]);
    expect((await m.w.store.listEvents(waiting)).map((e) => e.action)).toEqual(['create']);
    const told = await m.w.call('notifications', 'demo-dispatcher', { action: 'list', role: 'dispatcher' });
    expect(told.items.map((n: { orderId: string }) => n.orderId)).toContain(waiting);
  });

  it('puts orders of a 抢单 team in its pool at once, and leaves those of a 指派 team to the dispatcher', async () => {
    await m.admin({ ...general, memberIds: ['demo-worker'], dispatchMode: 'pool' });
    const pooled = await holderOf(await m.w.place('s-repair'));
    expect([pooled.state, pooled.assignment]).toEqual(['pending_accept', { mode: 'pool', teamId: 't-general' }]);
    const meal = await holderOf(await m.w.place('s-meal'));
    expect([meal.state, meal.assignment]).toEqual(['pending_dispatch', null]);
  });
});
