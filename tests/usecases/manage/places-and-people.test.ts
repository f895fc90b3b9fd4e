import { describe, expect, it } from 'vitest';
import { useManageWorld } from './manage-world';

const m = useManageWorld();

describe('compounds, buildings and households', () => {
  it('adds a compound served by a company, a building in it and a household, each in the audit log', async () => {
    const { saved: compound } = await m.admin({ action: 'saveCompound', name: '幸福小区', companyId: 'pc-hongxin' });
    const { saved: building } = await m.admin({ action: 'saveBuilding', compoundId: compound.id, name: '1号楼' });
    const { saved: household } = await m.admin({
      action: 'saveHousehold',
      buildingId: building.id,
      door: '2单元 ３０１',
      contactName: '钱多多',
      contactPhone: '13700001234',
    });
    expect(household).toMatchObject({ compoundId: compound.id, buildingId: building.id, door: '2单元301', rev: 1 });

    const view = await m.overview();
    expect(view.compounds.map((c: { name: string }) => c.name)).toContain('幸福小区');
    expect(view.households.map((h: { id: string }) => h.id)).toContain(household.id);
    const log = await m.audit();
    expect(log.slice(0, 3).map((e) => [e.what, e.subject, e.detail, e.actorName])).toEqual([
      ['household.saved', '幸福小区1号楼2单元301', '新增', '吴敏'],
      ['building.saved', '幸福小区1号楼', '新增', '吴敏'],
      ['compound.saved', '幸福小区', '新增', '吴敏'],
    ]);
  });

  it('renames a building on the revision the admin saw and logs old → new; an older revision is refused', async () => {
    const { saved } = await m.admin({ action: 'saveBuilding', id: 'b-yg-1', rev: 0, compoundId: 'cp-yangguang', name: '一号楼' });
    expect(saved.rev).toBe(1);
    expect((await m.audit())[0]).toMatchObject({ what: 'building.saved', detail: '名称：1号楼→一号楼' });
    expect(await m.codeOf({ action: 'saveBuilding', id: 'b-yg-1', rev: 0, compoundId: 'cp-yangguang', name: '壹号楼' })).toBe('MANAGE.STALE');
  });

  it.each([
    ['a second building of the same name in a compound', { action: 'saveBuilding', compoundId: 'cp-yangguang', name: ' 1号楼' }, 'MANAGE.DUPLICATE'],
    [
      'a door already on file in that building',
      { action: 'saveHousehold', buildingId: 'b-yg-1', door: '2单元301', contactName: '甲', contactPhone: '13700001234' },
      'MANAGE.DUPLICATE',
    ],
    ['a building of a compound that does not exist', { action: 'saveBuilding', compoundId: 'cp-nowhere', name: '9号楼' }, 'MANAGE.NOT_FOUND'],
    ['a compound served by an unknown company', { action: 'saveCompound', name: '新小区', companyId: 'pc-nowhere' }, 'MANAGE.NOT_FOUND'],
    [
      'a change of something that does not exist',
      { action: 'saveCompound', id: 'cp-nowhere', rev: 0, name: '新小区', companyId: 'pc-hongxin' },
      'MANAGE.NOT_FOUND',
    ],
    [
      'a household phone that is not a mobile number',
      { action: 'saveHousehold', buildingId: 'b-yg-1', door: '9', contactName: '甲', contactPhone: '12345' },
      'INPUT.INVALID',
    ],
  ])('refuses %s', async (_name, event, code) => {
    expect(await m.codeOf(event)).toBe(code);
  });

  it('lets only the admin manage, and writes nothing for anyone else', async () => {
    expect(await m.codeOf({ action: 'saveBuilding', compoundId: 'cp-yangguang', name: '8号楼' }, 'demo-dispatcher', 'dispatcher')).toBe('AUTH.FORBIDDEN');
    expect(await m.codeOf({ action: 'saveBuilding', compoundId: 'cp-yangguang', name: '8号楼' }, 'demo-supervisor', 'admin')).toBe('AUTH.ROLE_NOT_HELD');
    expect(await m.codeOf({ action: 'overview' }, 'demo-resident', 'resident')).toBe('AUTH.FORBIDDEN');
    expect((await m.overview()).buildings.map((b: { name: string }) => b.name)).not.toContain('8号楼');
  });
});

describe('property companies', () => {
  it('adds a company and lets a compound move to it', async () => {
    const { saved: company } = await m.admin({ action: 'saveCompany', name: '安心物业', phone: '0825-2345678' });
    const { saved } = await m.admin({ action: 'saveCompound', id: 'cp-heping', rev: 0, name: '和平小区', companyId: company.id });
    expect(saved.companyId).toBe(company.id);
    expect((await m.audit())[0]).toMatchObject({ what: 'compound.saved', detail: '物业公司：红心物业服务有限公司→安心物业' });
    expect((await m.overview()).companies.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['红心物业服务有限公司', '安心物业']));
  });
});

describe('residents and their bindings', () => {
  it('adds a resident without WeChat bound to two households, and refuses a second person with that phone', async () => {
    const { saved } = await m.admin({ action: 'saveResident', name: '王德福', phone: '13800002222', householdIds: ['h-yg-b', 'h-yg-a'] });
    expect(saved).toMatchObject({ roles: ['resident'], householdIds: ['h-yg-b', 'h-yg-a'], openid: '' });
    const view = await m.overview();
    expect(view.residents.find((r: { id: string }) => r.id === saved.id)).toMatchObject({ hasWechat: false, rev: 1 });
    expect(await m.codeOf({ action: 'saveResident', name: '另一人', phone: '13800002222', householdIds: [] })).toBe('MANAGE.DUPLICATE');
  });

  it('changes a resident’s bindings, which decides what they may order for', async () => {
    await m.admin({ action: 'saveResident', id: 'demo-resident', rev: 0, name: '张秀兰', phone: '13800001111', householdIds: ['h-yg-a'] });
    const refused = await m.w.raw('orders', 'demo-resident', {
      action: 'create',
      requestId: 'request-bind-1',
      order: { serviceItemId: 's-repair', householdId: 'h-yg-b', description: '修门', timeWindow: { from: m.w.now(), to: m.w.now() + 3_600_000 } },
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('HOUSEHOLD.NOT_YOURS');
    expect((await m.audit())[0]).toMatchObject({ what: 'resident.saved', detail: '住户：2单元301、1单元102→2单元301' });
  });

  it('refuses a binding to a household that is not the community’s', async () => {
    expect(await m.codeOf({ action: 'saveResident', name: '甲', phone: '13700009999', householdIds: ['h-nowhere'] })).toBe('MANAGE.NOT_FOUND');
  });
});

describe('workers', () => {
  it('sets skills, duty and the cap, and the cap holds when a dispatcher assigns', async () => {
    const { saved } = await m.admin({ action: 'saveWorker', id: 'demo-worker', rev: 0, skills: ['repair', 'cleaning'], onDuty: true, maxOpenOrders: 1 });
    expect(saved).toMatchObject({ skills: ['repair', 'cleaning'], maxOpenOrders: 1 });
    expect((await m.audit())[0]).toMatchObject({ what: 'worker.saved', subject: '刘师傅', detail: '技能：无→维修、保洁；最多在办工单：5→1' });
    const first = await m.w.place('s-repair');
    const second = await m.w.place('s-repair');
    await m.w.act('demo-dispatcher', 'dispatcher', first, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    await expect(m.w.act('demo-dispatcher', 'dispatcher', second, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' })).rejects.toThrow(
      'WORKER.OVER_CAPACITY 刘师傅手头工单已满（1单）',
    );
  });

  it('edits only people who hold the worker role', async () => {
    expect(await m.codeOf({ action: 'saveWorker', id: 'demo-resident', skills: [], onDuty: true, maxOpenOrders: 3 })).toBe('MANAGE.NOT_FOUND');
  });
});

describe('a resident entered by the admin joining from WeChat', () => {
  it('takes over their record when their application is approved, instead of becoming a second person', async () => {
    const { saved } = await m.admin({ action: 'saveResident', name: '钱多多', phone: '13700001234', householdIds: ['h-yg-b'] });
    await m.w.call('membership', 'newcomer-qian', {
      action: 'apply',
      communityId: 'c-xingfuli',
      compoundId: 'cp-yangguang',
      buildingId: 'b-yg-1',
      door: '3单元502',
      name: '钱多多',
      phone: '13700001234',
    });
    const [pending] = (await m.w.call('membership', 'demo-admin', { action: 'applications', role: 'admin' })).items;
    await m.w.call('membership', 'demo-admin', { action: 'decide', role: 'admin', applicationId: pending.id, approve: true });
    const me = await m.w.call('session', 'newcomer-qian', { action: 'whoami' });
    expect(me.user.id).toBe(saved.id);
    expect(me.households.map((h: { id: string }) => h.id)).toEqual(expect.arrayContaining(['h-yg-b']));
    expect((await m.overview()).residents.filter((r: { phone: string }) => r.phone === '13700001234')).toMatchObject([{ hasWechat: true }]);
  });
});
