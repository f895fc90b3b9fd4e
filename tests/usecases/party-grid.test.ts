import { describe, expect, it } from 'vitest';
import type { Envelope, OrderView } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import { useSupervisionWorld } from '../supervision/harness';

/**
 * The party grid of the demo community: 高建华 (demo-leader) is 楼栋党小组长 of 阳光小区 1号楼 and
 * 2号楼 and the 党员中心户 paired with 王德福 (h-yg-b, 2号楼), who has no account; 张秀兰 has 王德福's
 * household among hers as a neighbour who helps (代办).
 */
const w = useSupervisionWorld();
const LEADER = 'demo-leader';

const code = async (fn: keyof typeof FUNCTIONS, user: string, event: Record<string, unknown>) => {
  const writes = fn === 'orders' && event.action === 'create';
  const full = writes ? { requestId: `r-${Math.random().toString(36).slice(2, 12)}`, ...event } : event;
  const reply = (await FUNCTIONS[fn](full, { devUserId: user }, w.deps)) as Envelope<unknown>;
  return reply.ok ? 'ok' : reply.error.code;
};
/** Dispatched to 刘师傅, accepted, started, completed: waiting for the household to confirm. */
async function done(orderId: string) {
  await w.act('demo-dispatcher', 'dispatcher', orderId, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
  await w.act('demo-worker', 'worker', orderId, 'accept');
  await w.act('demo-worker', 'worker', orderId, 'start');
  await w.act('demo-worker', 'worker', orderId, 'complete', { notes: '已修好' });
}
/** Notifications addressed to one person by name (not to their team or company). */
const toUser = async (userId: string, orderId: string) =>
  (await w.store.listNotifications([{ kind: 'user', userId }], 100)).filter((n) => n.orderId === orderId).map((n) => n.text);

describe('代下单: a paired party member orders for an elder without an account', () => {
  it('records who ordered and for whom, and the household among the party member’s own', async () => {
    const session = await w.call('session', LEADER, { action: 'whoami' });
    // 王德福's as his paired party member, 张秀兰's as the group leader of her building.
    expect(session.households).toMatchObject([
      { id: 'h-yg-b', contactName: '王德福', relation: 'party_member' },
      { id: 'h-yg-a', contactName: '张秀兰', relation: 'grid' },
    ]);

    const id = await w.place('s-repair', LEADER, 'h-yg-b');
    const order = (await w.store.getOrder(id))!;
    expect(order).toMatchObject({
      householdId: 'h-yg-b',
      buildingId: 'b-yg-2',
      createdBy: LEADER,
      proxy: { userId: LEADER, name: '高建华', relation: 'party_member' },
      partyMember: { userId: LEADER, name: '高建华' },
      contactName: '王德福',
    });
    const [created] = await w.store.listEvents(id);
    expect(created!.payload).toMatchObject({ onBehalf: true, proxy: '结对党员' });
  });

  it('raises a 诉求 for the elder the same way, recorded as raised on their behalf', async () => {
    const { order } = await w.call('grievances', LEADER, {
      action: 'create',
      requestId: 'r-grievance-for-wang',
      grievance: { category: 'facility', householdId: 'h-yg-b', description: '楼道灯不亮，王大爷晚上看不见' },
    });
    const stored = (await w.store.getOrder(order.id))!;
    expect(stored).toMatchObject({ kind: 'grievance', householdId: 'h-yg-b', buildingId: 'b-yg-2', proxy: { userId: LEADER, relation: 'party_member' } });
    const [raised] = await w.store.listEvents(order.id);
    expect(raised).toMatchObject({ action: 'raise', payload: { onBehalf: true, proxy: '结对党员' } });
    // A resident of another household still cannot raise one for it.
    expect(
      await code('grievances', 'demo-resident-2', {
        action: 'create',
        requestId: 'r-grievance-stranger',
        grievance: { category: 'facility', householdId: 'h-yg-b', description: '楼道灯不亮' },
      }),
    ).toBe('HOUSEHOLD.NOT_YOURS');
  });

  it('confirms and rates on the resident’s behalf, marked on the timeline and on the order', async () => {
    const id = await w.place('s-repair', LEADER, 'h-yg-b');
    await done(id);
    const { order } = await w.act(LEADER, 'resident', id, 'confirm', { attitude: 5, timeliness: 4, quality: 5, comment: '王大爷很满意' });
    expect(order).toMatchObject({ state: 'closed', confirmedOnBehalf: true, rating: { quality: 5 } });
    const events = await w.store.listEvents(id);
    expect(events.at(-1)).toMatchObject({ action: 'confirm', actorId: LEADER, payload: { onBehalf: true } });
    expect(await toUser('demo-worker', id)).toContain('高建华代居民确认完成，评价5星');
  });

  it('refuses a household the caller neither lives in nor looks after', async () => {
    expect(await code('orders', LEADER, { action: 'create', order: orderOf('h-hp-a') })).toBe('HOUSEHOLD.NOT_YOURS');
  });

  it('marks a resident confirming their own order as not on behalf', async () => {
    const id = await w.place('s-repair', 'demo-resident', 'h-yg-a');
    await done(id);
    const { order } = await w.act('demo-resident', 'resident', id, 'confirm', { attitude: 5, timeliness: 5, quality: 5 });
    expect(order.confirmedOnBehalf).toBe(false);
    expect((await w.store.getOrder(id))!.proxy).toBeNull();
  });
});

const orderOf = (householdId: string) => ({
  serviceItemId: 's-repair',
  householdId,
  description: '门锁坏了',
  timeWindow: { from: w.now(), to: w.now() + 3_600_000 },
});

describe('grid notifications reach exactly the paired party member', () => {
  it('tells the paired party member of an order someone else placed for the household, and nobody else of the grid', async () => {
    // 张秀兰 orders for her neighbour 王德福 (代办, as someone bound to the household).
    const id = await w.place('s-repair', 'demo-resident', 'h-yg-b');
    expect((await w.store.getOrder(id))!.proxy).toMatchObject({ userId: 'demo-resident', relation: 'relative' });
    expect(await toUser(LEADER, id)).toEqual(['您结对的1单元102下了新工单：门窗家具维修']);
    for (const other of ['demo-resident-2', 'demo-worker-3', 'demo-supervisor', 'demo-admin']) expect(await toUser(other, id)).toEqual([]);

    await done(id);
    expect(await toUser(LEADER, id)).toContain('服务已完成，请您确认');
  });

  it('follows a pairing the admin makes: the new party member is told, the former one no longer', async () => {
    const grid = await w.call('membership', 'demo-admin', { action: 'pair', role: 'admin', householdId: 'h-hp-a', memberId: 'demo-worker-3' });
    const hp = grid.buildings.find((b: { id: string }) => b.id === 'b-hp-5');
    expect(hp.households.find((h: { id: string }) => h.id === 'h-hp-a').partyMember).toEqual({ userId: 'demo-worker-3', name: '孙志远' });

    const first = await w.place('s-repair', 'demo-resident-2', 'h-hp-a');
    expect(await toUser('demo-worker-3', first)).toHaveLength(1);
    expect(await toUser(LEADER, first)).toEqual([]);
    // He follows it as a resident: the order is among his, though it is not his home.
    const mine = await w.call('orders', 'demo-worker-3', { action: 'list', role: 'resident' });
    expect(mine.items.map((o: OrderView) => o.id)).toContain(first);

    await w.call('membership', 'demo-admin', { action: 'pair', role: 'admin', householdId: 'h-hp-a', memberId: null });
    const second = await w.place('s-repair', 'demo-resident-2', 'h-hp-a');
    expect(await toUser('demo-worker-3', second)).toEqual([]);
    expect((await w.store.getOrder(second))!.partyMember).toBeNull();
  });

  it('lets the bound relative follow the orders the party member places for the household', async () => {
    const id = await w.place('s-repair', LEADER, 'h-yg-b');
    // 张秀兰 has 王德福's household among hers: she reads the order and finds it in her list.
    const { order } = await w.call('orders', 'demo-resident', { action: 'get', role: 'resident', orderId: id });
    expect(order.proxy).toMatchObject({ name: '高建华' });
    const mine = await w.call('orders', 'demo-resident', { action: 'list', role: 'resident' });
    expect(mine.items.map((o: OrderView) => o.id)).toContain(id);
    // 李建国, bound to no household of the grid here, does not.
    expect(await code('orders', 'demo-resident-2', { action: 'get', role: 'resident', orderId: id })).toBe('ORDER.NOT_FOUND');
  });

  it('does not tell the party member twice when they placed the order themselves', async () => {
    const id = await w.place('s-repair', LEADER, 'h-yg-b');
    expect((await toUser(LEADER, id)).filter((t) => t.includes('结对'))).toEqual([]);
  });
});

describe('the 楼栋党小组长 arranges the buildings they lead', () => {
  it('sees only their buildings, with each household and its paired party member', async () => {
    const grid = await w.call('membership', LEADER, { action: 'grid', role: 'group_leader' });
    expect(grid.buildings.map((b: { id: string }) => b.id).sort()).toEqual(['b-yg-1', 'b-yg-2']);
    const b2 = grid.buildings.find((b: { id: string }) => b.id === 'b-yg-2');
    expect(b2).toMatchObject({ compoundName: '阳光小区', leaders: ['高建华'] });
    expect(b2.households).toEqual([{ id: 'h-yg-b', door: '1单元102', contactName: '王德福', partyMember: { userId: LEADER, name: '高建华' } }]);
  });

  it('pairs in their buildings only, and every pairing is in the audit log', async () => {
    await w.call('membership', LEADER, { action: 'pair', role: 'group_leader', householdId: 'h-yg-a', memberId: LEADER });
    expect(await code('membership', LEADER, { action: 'pair', role: 'group_leader', householdId: 'h-hp-a', memberId: LEADER })).toBe('GRID.NOT_YOURS');
    expect(await code('membership', 'demo-resident', { action: 'grid', role: 'resident' })).toBe('AUTH.FORBIDDEN');
    const audit = await w.call('membership', 'demo-admin', { action: 'audit', role: 'admin' });
    expect(audit.items[0]).toMatchObject({ what: 'grid.paired', actorName: '高建华', subject: '2单元301' });
  });

  it('follows the orders of their buildings in their own role, and not those of others', async () => {
    const inside = await w.place('s-repair', 'demo-resident', 'h-yg-a');
    const outside = await w.place('s-repair', 'demo-resident-2', 'h-hp-a');
    const seen = await w.call('orders', LEADER, { action: 'list', role: 'group_leader' });
    expect(seen.items.map((o: OrderView) => o.id)).toEqual([inside]);
    expect(seen.items[0].actions).toEqual([]);
    expect(await code('orders', LEADER, { action: 'get', role: 'group_leader', orderId: outside })).toBe('ORDER.NOT_FOUND');
  });

  it('decides the applications for their buildings, and cannot see those for others', async () => {
    const apply = (who: string, buildingId: string, compoundId: string) =>
      w.call('membership', who, { action: 'apply', communityId: 'c-xingfuli', compoundId, buildingId, door: '5单元101', name: '钱多多', phone: '13700001234' });
    await apply('newcomer-a', 'b-yg-1', 'cp-yangguang');
    await apply('newcomer-b', 'b-hp-5', 'cp-heping');
    const { items } = await w.call('membership', LEADER, { action: 'applications', role: 'group_leader' });
    expect(items).toHaveLength(1);
    const { application } = await w.call('membership', LEADER, { action: 'decide', role: 'group_leader', applicationId: items[0].id, approve: true });
    expect(application.state).toBe('approved');
    const all = await w.call('membership', 'demo-admin', { action: 'applications', role: 'admin' });
    expect(await code('membership', LEADER, { action: 'decide', role: 'group_leader', applicationId: all.items[0].id, approve: true })).toBe(
      'APPLICATION.NOT_FOUND',
    );
  });

  it('is made by an invitation that names the building', async () => {
    const { invitation } = await w.call('membership', 'demo-admin', { action: 'invite', role: 'admin', memberRole: 'group_leader', buildingId: 'b-hp-5' });
    expect(invitation.scope).toBe('5号楼');
    await w.call('membership', 'newcomer-lu', { action: 'redeem', code: invitation.code, name: '陆红', phone: '13700005678' });
    const lu = await w.store.findUserByOpenid('newcomer-lu');
    expect(lu).toMatchObject({ roles: ['group_leader'], leads: ['b-hp-5'] });
    expect(await code('membership', 'demo-admin', { action: 'invite', role: 'admin', memberRole: 'group_leader' })).toBe('INPUT.INVALID');
  });
});
