import { describe, expect, it } from 'vitest';
import type { Envelope } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import { bothStores, demoOn } from '../../support/demo-on-both-stores';

const STORES = bothStores('removals');
const IN_USE = (what: string, holds: string) => ['MANAGE.IN_USE', `${what}还有${holds}，不能删除：请先迁走或办结后再删`];

/**
 * Deleting what was added by mistake (issue 13): a building, a household or a team goes only when
 * it holds no people and no open orders, refused otherwise with MANAGE.IN_USE naming what is still
 * there; each deletion is in the audit log; past orders keep their address and their team's name.
 */
describe.each(STORES)('deleting a building, a household and a team, on %s', (_name, open) => {
  it('refuses while people or open orders remain, deletes once they are gone, and keeps the names of past orders', async () => {
    const store = await open();
    const { clock, deps, call } = await demoOn(store, Date.UTC(2026, 9, 5, 1, 0));
    const manage = async (event: Record<string, unknown>) => {
      const reply = (await FUNCTIONS.manage({ role: 'admin', ...event }, { devUserId: 'demo-admin' }, deps)) as Envelope<any>;
      if (!reply.ok) throw new Error(`${String(event.action)}: ${reply.error.code} ${JSON.stringify(reply.error.details)}`);
      return reply.data;
    };
    const attempt = async (event: Record<string, unknown>) => {
      const reply = (await FUNCTIONS.manage({ role: 'admin', ...event }, { devUserId: 'demo-admin' }, deps)) as Envelope<unknown>;
      return reply.ok ? 'ok' : [reply.error.code, reply.error.message];
    };
    let n = 0;
    const act = async (user: string, role: string, orderId: string, action: string, input: object = {}) => {
      const o = (await store.getOrder(orderId))!;
      return call('orders', user, { action, role, orderId, version: o.version, requestId: `request-removal-${++n}`, input });
    };

    // 3号楼 with one door, added by mistake; 张秀兰 is bound to it (she helps there); a team with one member.
    const { saved: building } = await manage({ action: 'saveBuilding', compoundId: 'cp-yangguang', name: '3号楼' });
    const { saved: household } = await manage({
      action: 'saveHousehold',
      buildingId: building.id,
      door: '1单元101',
      contactName: '赵六',
      contactPhone: '13800005555',
    });
    await manage({ action: 'saveResident', id: 'demo-resident', name: '张秀兰', phone: '13800001111', householdIds: ['h-yg-a', 'h-yg-b', household.id] });
    const { saved: team } = await manage({
      action: 'saveTeam',
      name: '临时维修队',
      companyId: 'pc-hongxin',
      categories: ['cleaning'],
      memberIds: ['demo-worker'],
      dispatchMode: 'dispatcher',
    });

    // An order at that door, sent to the team's pool: people and an open order hold all three.
    const { order } = await call('orders', 'demo-resident', {
      action: 'create',
      requestId: 'request-removal-place',
      order: { serviceItemId: 's-repair', householdId: household.id, description: '门锁坏了', timeWindow: { from: clock.now, to: clock.now + 3_600_000 } },
    });
    await act('demo-dispatcher', 'dispatcher', order.id, 'dispatch', { teamId: team.id });
    expect(await attempt({ action: 'removeBuilding', id: building.id })).toEqual(IN_USE('楼栋“阳光小区3号楼”', '1户住户和1张未办结的工单'));
    expect(await attempt({ action: 'removeHousehold', id: household.id })).toEqual(IN_USE('住户“阳光小区3号楼1单元101”', '1位居民和1张未办结的工单'));
    expect(await attempt({ action: 'removeTeam', id: team.id })).toEqual(IN_USE('服务队“临时维修队”', '1名队员和1张未办结的工单'));
    // The demo's own: 2号楼's door has 张秀兰 bound and 高建华 paired with it.
    expect(await attempt({ action: 'removeHousehold', id: 'h-yg-b' })).toEqual(IN_USE('住户“阳光小区2号楼1单元102”', '1位居民和1位结对党员'));

    // The order ends, the resident and the member move away: now each goes, oldest dependency first.
    await act('demo-resident', 'resident', order.id, 'cancel', { reason: '不需要了' });
    await manage({ action: 'saveResident', id: 'demo-resident', name: '张秀兰', phone: '13800001111', householdIds: ['h-yg-a', 'h-yg-b'] });
    await manage({
      action: 'saveTeam',
      id: team.id,
      name: '临时维修队',
      companyId: 'pc-hongxin',
      categories: ['cleaning'],
      memberIds: [],
      dispatchMode: 'dispatcher',
    });
    expect(await attempt({ action: 'removeBuilding', id: building.id })).toEqual(IN_USE('楼栋“阳光小区3号楼”', '1户住户'));
    expect(await attempt({ action: 'removeHousehold', id: household.id })).toBe('ok');
    // A newcomer applies to live in 3号楼 meanwhile: the building stays until the application is decided.
    const { applications } = await call('membership', 'newcomer-removal', {
      action: 'apply',
      communityId: 'c-xingfuli',
      compoundId: 'cp-yangguang',
      buildingId: building.id,
      door: '1单元102',
      name: '钱七',
      phone: '13800006666',
    });
    expect(await attempt({ action: 'removeBuilding', id: building.id })).toEqual(IN_USE('楼栋“阳光小区3号楼”', '1份待审核的入住申请'));
    await call('membership', 'demo-admin', {
      action: 'decide',
      role: 'admin',
      applicationId: applications[0].id,
      approve: false,
      reason: '楼栋录入有误，请重新选择',
    });
    expect(await attempt({ action: 'removeBuilding', id: building.id })).toBe('ok');
    expect(await attempt({ action: 'removeTeam', id: team.id })).toBe('ok');
    expect(await attempt({ action: 'removeTeam', id: team.id })).toEqual(['MANAGE.NOT_FOUND', '服务队不存在或不属于本社区']);

    expect(await store.getRef('buildings', building.id)).toBeNull();
    expect(await store.getRef('households', household.id)).toBeNull();
    const overview = await manage({ action: 'overview' });
    expect(overview.teams.map((t: { id: string }) => t.id)).not.toContain(team.id);
    expect(overview.buildings.map((b: { id: string }) => b.id)).not.toContain(building.id);

    // The past order keeps its address in words and its team's name; no dispatcher is offered the team.
    const { order: past } = await call('orders', 'demo-supervisor', { action: 'get', role: 'supervisor', orderId: order.id });
    expect(past.address).toMatchObject({ compoundName: '阳光小区', buildingName: '3号楼' });
    const { teams } = await call('teams', 'demo-supervisor', { action: 'list', role: 'supervisor' });
    expect(teams.find((t: { id: string }) => t.id === team.id)).toMatchObject({ name: '临时维修队', removed: true, members: [] });

    const audit = (await call('membership', 'demo-admin', { action: 'audit', role: 'admin' })).items as { what: string; subject: string }[];
    expect(audit.filter((e) => e.what.endsWith('.removed')).map((e) => [e.what, e.subject])).toEqual([
      ['team.removed', '临时维修队'],
      ['building.removed', '阳光小区3号楼'],
      ['household.removed', '阳光小区3号楼1单元101'],
    ]);
    await store.clear();
    await store.close();
  });
});
