import { describe, expect, it } from 'vitest';
import { useJoiningWorld } from './joining-world';

const j = useJoiningWorld();
const { w } = j;

describe('holding several roles', () => {
  it('lets a resident who redeems a worker invitation act in either role', async () => {
    const { code } = await j.inviteWorker();
    await j.call('demo-resident-2', { action: 'redeem', code });
    const me = await w.call('session', 'demo-resident-2', { action: 'whoami' });
    expect(me.user.roles).toEqual(['resident', 'worker']);
    await w.call('orders', 'demo-resident-2', { action: 'list', role: 'worker' });
    await w.call('orders', 'demo-resident-2', { action: 'list', role: 'resident' });
  });
});

describe('the admin revoking a role', () => {
  it('stops the person acting in it and takes a worker out of their teams', async () => {
    const { member } = await j.admin({ action: 'revokeRole', userId: 'demo-worker-3', memberRole: 'worker' });
    expect(member.roles).toEqual(['resident']);
    const reply = await w.raw('orders', 'demo-worker-3', { action: 'list', role: 'worker' });
    expect(reply.ok ? null : reply.error.code).toBe('AUTH.ROLE_NOT_HELD');
    expect((await w.call('session', 'demo-worker-3', { action: 'whoami' })).teams).toEqual([]);
  });

  it('cannot take the last admin’s admin role', async () => {
    expect(await j.codeOf('demo-admin', { action: 'revokeRole', role: 'admin', userId: 'demo-admin', memberRole: 'admin' })).toBe('MEMBER.LAST_ADMIN');
  });

  it('is written to the audit log the admin reads, newest first', async () => {
    await j.admin({ action: 'revokeRole', userId: 'demo-worker-2', memberRole: 'worker' });
    w.advance(1000);
    await j.inviteWorker();
    const { items } = await j.admin({ action: 'audit' });
    expect(items.map((e: { what: string; actorName: string }) => [e.what, e.actorName])).toEqual([
      ['invitation.created', '吴敏'],
      ['role.revoked', '吴敏'],
    ]);
    expect(items[1]).toMatchObject({ subject: '赵阿姨', detail: '服务队员', at: w.now() - 1000 });
  });
});

describe('leaving the community', () => {
  it('keeps the person’s past orders and erases who they were', async () => {
    const id = await w.place('s-repair', 'demo-resident-2', 'h-hp-a');
    const status = await j.call('demo-resident-2', { action: 'leave' });
    expect(status.member).toBeNull();
    expect(await w.store.getOrder(id)).not.toBeNull();
    expect(await w.store.getRef('users', 'demo-resident-2')).toMatchObject({ name: '已退出的用户', phone: '', openid: '', roles: [], householdIds: [] });
    expect((await w.raw('session', 'demo-resident-2', { action: 'whoami' })).ok).toBe(false);
    const { items } = await j.admin({ action: 'audit' });
    expect(items[0]).toMatchObject({ what: 'member.left', actorName: '已退出的用户' });
    expect(JSON.stringify(items)).not.toContain('李建国');
  });

  it('is refused to the last admin', async () => {
    expect(await j.codeOf('demo-admin', { action: 'leave' })).toBe('MEMBER.LAST_ADMIN');
  });
});

describe('someone whose every role was revoked', () => {
  it('may apply again and is admitted afresh under the same record', async () => {
    await j.admin({ action: 'revokeRole', userId: 'demo-resident-2', memberRole: 'resident' });
    expect((await j.call('demo-resident-2', { action: 'status' })).member).toBeNull();
    await j.applyFor('demo-resident-2', { name: '李建国' });
    await j.approveFirstPending();
    const me = await w.call('session', 'demo-resident-2', { action: 'whoami' });
    expect(me.user).toMatchObject({ id: 'demo-resident-2', roles: ['resident'] });
    expect(me.households.map((h: { address: string }) => h.address)).toEqual(['阳光小区1号楼3单元502']);
  });
});
