import { describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '@backend/usecases/membership/bootstrap';
import { useJoiningWorld } from './joining-world';

const j = useJoiningWorld();
const { w } = j;

describe('the first admin of a new community', () => {
  it('comes from a one-time code that makes whoever redeems it the admin', async () => {
    const made = await bootstrapAdmin(w.deps, 'c-new', '新城社区');
    if (!made.ok) throw new Error(made.problem);
    expect(made.created).toBe(true);
    const status = await j.call('newcomer-first', { action: 'redeem', code: made.invitation.id, name: '马主任', phone: '13500001111' });
    expect(status.member).toMatchObject({ roles: ['admin'], communityName: '新城社区' });
    expect(await j.codeOf('newcomer-second', { action: 'redeem', code: made.invitation.id, name: '冒名者', phone: '13500002222' })).toBe('INVITE.USED_UP');

    const { items } = await j.call('newcomer-first', { action: 'audit', role: 'admin' });
    expect(items.map((e: { what: string; actorName: string }) => [e.what, e.actorName])).toEqual([
      ['invitation.redeemed', '马主任'],
      ['invitation.created', '部署命令'],
    ]);
  });

  it('needs a name only when the community is new', async () => {
    expect(await bootstrapAdmin(w.deps, 'c-new', null)).toMatchObject({ ok: false });
    expect(await bootstrapAdmin(w.deps, 'c-xingfuli', null)).toMatchObject({ ok: true, created: false });
  });
});
