import { describe, expect, it } from 'vitest';
import { useJoiningWorld } from './joining-world';

const j = useJoiningWorld();
const { w } = j;
const DAY = 24 * 3_600_000;
const newWorker = { name: '吴师傅', phone: '13600001111' };

describe('an invitation to a role', () => {
  it('shows as a code, a mini-program path and a QR scene', async () => {
    const { invitation } = await j.admin({ action: 'invite', memberRole: 'worker', teamId: 't-general', days: 3, maxUses: 2 });
    expect(invitation.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(invitation).toMatchObject({ role: 'worker', scope: '综合维修服务队', status: 'active', maxUses: 2, uses: 0, expiresAt: w.now() + 3 * DAY });
    expect(invitation.path).toBe(`pages/index/index?invite=${invitation.code}`);
    expect(invitation.scene.length).toBeLessThanOrEqual(32);
  });

  it('makes a newcomer a worker of the team, on duty, who can then grab that team’s orders', async () => {
    const { code } = await j.inviteWorker();
    const status = await j.call('newcomer-wu', { action: 'redeem', code, communityId: 'c-xingfuli', ...newWorker });
    expect(status.member).toMatchObject({ name: '吴师傅', roles: ['worker'], communityName: '幸福里社区' });
    const me = await w.call('session', 'newcomer-wu', { action: 'whoami' });
    expect(me.teams).toEqual([{ id: 't-general', name: '综合维修服务队' }]);
    expect(me.user.onDuty).toBe(true);

    const id = await w.place('s-repair');
    await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-general', workerId: null });
    await w.act('newcomer-wu', 'worker', id, 'grab');
    expect((await w.store.getOrder(id))!).toMatchObject({ state: 'accepted', assignment: { mode: 'member', workerId: me.user.id } });
  });

  it('makes a dispatcher of the company it names', async () => {
    const { invitation } = await j.admin({ action: 'invite', memberRole: 'dispatcher', companyId: 'pc-hongxin' });
    await j.call('newcomer-he', { action: 'redeem', code: invitation.code, ...newWorker });
    const me = await w.call('session', 'newcomer-he', { action: 'whoami' });
    expect(me.company).toMatchObject({ id: 'pc-hongxin' });
  });

  it('needs a name and phone from a newcomer', async () => {
    const { code } = await j.inviteWorker();
    const reply = await j.raw('newcomer-wu', { action: 'redeem', code });
    expect(reply.ok ? null : reply.error).toMatchObject({ code: 'INPUT.INVALID', details: { name: '请填写姓名', phone: '请填写手机号' } });
  });

  describe('is refused, each with its own code', () => {
    it('when the code does not exist', async () => {
      expect(await j.codeOf('newcomer-wu', { action: 'redeem', code: 'ABCDEFGH', ...newWorker })).toBe('INVITE.NOT_FOUND');
    });

    it('once revoked', async () => {
      const { code } = await j.inviteWorker();
      const { invitation } = await j.admin({ action: 'revokeInvitation', code });
      expect(invitation.status).toBe('revoked');
      expect(await j.codeOf('newcomer-wu', { action: 'redeem', code, ...newWorker })).toBe('INVITE.REVOKED');
    });

    it('once expired', async () => {
      const { code } = await j.inviteWorker({ days: 1 });
      w.advance(DAY - 1);
      expect(await j.codeOf('newcomer-wu', { action: 'redeem', code, ...newWorker })).toBe('ok');
      const other = await j.inviteWorker({ days: 1 });
      w.advance(DAY);
      expect(await j.codeOf('newcomer-zhou', { action: 'redeem', code: other.code, ...newWorker })).toBe('INVITE.EXPIRED');
      expect((await j.admin({ action: 'invitations' })).items.map((i: { status: string }) => i.status)).toEqual(['expired', 'expired']);
    });

    it('once used up', async () => {
      const { code } = await j.inviteWorker({ maxUses: 2 });
      expect(await j.codeOf('newcomer-a', { action: 'redeem', code, ...newWorker })).toBe('ok');
      expect(await j.codeOf('newcomer-b', { action: 'redeem', code, ...newWorker })).toBe('ok');
      expect(await j.codeOf('newcomer-c', { action: 'redeem', code, ...newWorker })).toBe('INVITE.USED_UP');
    });

    it('in another community: a link naming another, or a member of another', async () => {
      const { code } = await j.inviteWorker();
      expect(await j.codeOf('newcomer-wu', { action: 'redeem', code, communityId: 'c-elsewhere', ...newWorker })).toBe('INVITE.WRONG_COMMUNITY');
      const stranger = { ...(await w.store.getRef('users', 'demo-resident'))!, id: 'u-other', openid: 'newcomer-other', communityId: 'c-elsewhere' };
      await w.store.putRefs('users', [stranger]);
      expect(await j.codeOf('newcomer-other', { action: 'redeem', code })).toBe('INVITE.WRONG_COMMUNITY');
    });
  });

  it('spends no use when redeemed for a role already held', async () => {
    const { code } = await j.inviteWorker();
    await j.call('demo-worker', { action: 'redeem', code });
    const [inv] = (await j.admin({ action: 'invitations' })).items;
    expect(inv.uses).toBe(0);
  });

  it('is made by the admin only, for a team of the community', async () => {
    expect(await j.codeOf('demo-dispatcher', { action: 'invite', role: 'dispatcher', memberRole: 'worker', teamId: 't-general' })).toBe('AUTH.FORBIDDEN');
    expect(await j.codeOf('demo-admin', { action: 'invite', role: 'admin', memberRole: 'worker' })).toBe('INPUT.INVALID');
    expect(await j.codeOf('demo-admin', { action: 'invite', role: 'admin', memberRole: 'worker', teamId: 't-nowhere' })).toBe('TEAM.NOT_FOUND');
  });
});
