import { describe, expect, it } from 'vitest';
import { useJoiningWorld } from './joining-world';

const j = useJoiningWorld();
const { w } = j;

describe('a newcomer applying to be a resident', () => {
  it('is unknown to every other function until approved, but may read the places and apply', async () => {
    expect((await w.raw('session', 'newcomer-qian', { action: 'whoami' })).ok).toBe(false);
    const places = await j.call('newcomer-qian', { action: 'places' });
    expect(places.communityId).toBe('c-xingfuli');
    expect(places.buildings.map((b: { name: string }) => b.name)).toContain('1号楼');

    const status = await j.applyFor('newcomer-qian', { door: ' 3单元５０２ ' });
    expect(status.member).toBeNull();
    expect(status.applications).toMatchObject([{ state: 'pending', address: '阳光小区1号楼3单元502', name: '钱多多' }]);
  });

  it('says plainly when the same door is asked for twice, or a place does not exist', async () => {
    await j.applyFor('newcomer-qian');
    expect(await j.codeOf('newcomer-qian', j.applyEvent())).toBe('JOIN.PENDING');
    expect(await j.codeOf('newcomer-qian', j.applyEvent({ compoundId: 'cp-heping', door: '1' }))).toBe('JOIN.PLACE_NOT_FOUND');
  });

  it('on approval becomes a resident of that household and can order for it', async () => {
    await j.applyFor('newcomer-qian');
    const { application } = await j.approveFirstPending();
    expect(application.state).toBe('approved');

    const me = await w.call('session', 'newcomer-qian', { action: 'whoami' });
    expect(me.user.roles).toEqual(['resident']);
    expect(me.households).toMatchObject([{ address: '阳光小区1号楼3单元502', contactName: '钱多多' }]);
    const { order } = await w.call('orders', 'newcomer-qian', {
      action: 'create',
      order: { serviceItemId: 's-repair', householdId: me.households[0].id, description: '门锁坏了', timeWindow: { from: w.now(), to: w.now() + 3_600_000 } },
    });
    expect(order.state).toBe('pending_dispatch');
    expect((await j.call('newcomer-qian', { action: 'status' })).member).toMatchObject({ name: '钱多多', roles: ['resident'] });
  });

  it('joins an existing household rather than making a second one for the same door', async () => {
    await j.applyFor('newcomer-wang', { door: '2单元301', name: '张小明' });
    await j.approveFirstPending();
    const me = await w.call('session', 'newcomer-wang', { action: 'whoami' });
    expect(me.households.map((h: { id: string }) => h.id)).toEqual(['h-yg-a']);
  });

  it('lets a resident belong to a second household (a relative’s)', async () => {
    const relatives = { compoundId: 'cp-yangguang', buildingId: 'b-yg-2', door: '1单元102', name: '李建国' };
    await j.applyFor('demo-resident-2', relatives);
    await j.approveFirstPending();
    const me = await w.call('session', 'demo-resident-2', { action: 'whoami' });
    expect(me.households.map((h: { id: string }) => h.id)).toEqual(['h-hp-a', 'h-yg-b']);
    expect(await j.codeOf('demo-resident-2', j.applyEvent({ ...relatives, phone: '13800003333' }))).toBe('JOIN.ALREADY_RESIDENT');
  });

  it('on refusal keeps the newcomer out and shows them the reason', async () => {
    await j.applyFor('newcomer-qian');
    const pending = await j.firstPending();
    expect(await j.codeOf('demo-admin', { action: 'decide', role: 'admin', applicationId: pending.id, approve: false })).toBe('INPUT.INVALID');
    await j.admin({ action: 'decide', applicationId: pending.id, approve: false, reason: '该户登记的住户中没有您' });
    const status = await j.call('newcomer-qian', { action: 'status' });
    expect(status.applications).toMatchObject([{ state: 'refused', reason: '该户登记的住户中没有您' }]);
    expect((await w.raw('session', 'newcomer-qian', { action: 'whoami' })).ok).toBe(false);
    expect(await j.codeOf('demo-admin', { action: 'decide', role: 'admin', applicationId: pending.id, approve: true })).toBe('APPLICATION.DECIDED');
  });

  it('is decided by the admin only', async () => {
    await j.applyFor('newcomer-qian');
    const pending = await j.firstPending();
    expect(await j.codeOf('demo-supervisor', { action: 'decide', role: 'supervisor', applicationId: pending.id, approve: true })).toBe('AUTH.FORBIDDEN');
    expect(await j.codeOf('demo-supervisor', { action: 'decide', role: 'admin', applicationId: pending.id, approve: true })).toBe('AUTH.ROLE_NOT_HELD');
  });
});
