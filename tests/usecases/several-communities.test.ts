import { describe, expect, it } from 'vitest';
import type { Envelope, User } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import { useSupervisionWorld } from '../supervision/harness';

/**
 * One person in several communities (社区切换): 孙志远 is a worker and a resident in 幸福里 and the
 * supervisor of 第二社区, one record per community under the same WeChat identity. Every request
 * may name the community it acts in; without one it is the first he joined.
 */
const w = useSupervisionWorld();
const SUN_OPENID = 'openid-demo-worker-3';
const sunThere: User = {
  id: 'u-sun-second',
  openid: SUN_OPENID,
  communityId: 'c-second',
  name: '孙志远',
  phone: '13800004444',
  roles: ['supervisor'],
  householdIds: [],
  companyId: null,
  onDuty: false,
  maxOpenOrders: 0,
};

async function secondCommunity() {
  const xingfuli = (await w.store.getRef('communities', 'c-xingfuli'))!;
  await w.store.putRefs('communities', [{ ...xingfuli, id: 'c-second', name: '第二社区', secretaryUserId: null }]);
  await w.store.putRefs('users', [sunThere]);
}

/** A call as the WeChat identity itself (as a deployed function sees it), in a community or none. */
const asSun = (fn: keyof typeof FUNCTIONS, event: Record<string, unknown>) => FUNCTIONS[fn](event, { openid: SUN_OPENID }, w.deps) as Promise<Envelope<any>>;

describe('one person in several communities', () => {
  it('lists every community they belong to, with their roles in each', async () => {
    await secondCommunity();
    const session = await w.call('session', 'demo-worker-3', { action: 'whoami' });
    expect(session.community).toEqual({ id: 'c-xingfuli', name: '幸福里社区' });
    expect(session.communities).toEqual(
      expect.arrayContaining([
        { id: 'c-xingfuli', name: '幸福里社区', roles: ['worker', 'resident'] },
        { id: 'c-second', name: '第二社区', roles: ['supervisor'] },
      ]),
    );
  });

  it('acts as their record of the community the request names', async () => {
    await secondCommunity();
    const there = await asSun('session', { action: 'whoami', community: 'c-second' });
    expect(there).toMatchObject({ ok: true, data: { user: { id: 'u-sun-second', roles: ['supervisor'] }, community: { id: 'c-second' } } });
    // The same in dev mode, where the caller is named by the demo user's id.
    const dev = await w.call('session', 'demo-worker-3', { action: 'whoami', community: 'c-second' });
    expect(dev.user.id).toBe('u-sun-second');
  });

  it('holds each role only where it was given: supervising here, not there', async () => {
    await secondCommunity();
    await w.place('s-repair', 'demo-resident', 'h-yg-a');
    const here = await asSun('orders', { action: 'list', role: 'supervisor' });
    expect(here).toMatchObject({ ok: false, error: { code: 'AUTH.ROLE_NOT_HELD' } });
    const there = await asSun('orders', { action: 'list', role: 'supervisor', community: 'c-second' });
    expect(there).toMatchObject({ ok: true, data: { items: [] } });
    const worker = await asSun('orders', { action: 'list', role: 'worker', community: 'c-xingfuli' });
    expect(worker.ok).toBe(true);
  });

  it('finds nobody in a community the person does not belong to', async () => {
    await secondCommunity();
    expect(await asSun('session', { action: 'whoami', community: 'c-elsewhere' })).toMatchObject({ ok: false, error: { code: 'AUTH.UNKNOWN_USER' } });
    expect(await w.raw('session', 'demo-resident', { action: 'whoami', community: 'c-second' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.UNKNOWN_USER' },
    });
  });

  it('joins a second community by its invitation, keeping the first', async () => {
    const xingfuli = (await w.store.getRef('communities', 'c-xingfuli'))!;
    await w.store.putRefs('communities', [{ ...xingfuli, id: 'c-second', name: '第二社区', secretaryUserId: null }]);
    await w.store.putRefs('invitations', [
      {
        id: 'SECNDSUP',
        communityId: 'c-second',
        role: 'supervisor',
        companyId: null,
        teamId: null,
        expiresAt: w.now() + 86_400_000,
        maxUses: 1,
        uses: 0,
        revoked: false,
        createdBy: 'bootstrap',
        createdAt: w.now(),
        redeemedBy: [],
      },
    ]);
    // The link names the invitation's community, and so does the request: he is nobody there yet.
    const joined = await asSun('membership', {
      action: 'redeem',
      code: 'SECNDSUP',
      communityId: 'c-second',
      community: 'c-second',
      name: '孙志远',
      phone: '13800004444',
    });
    expect(joined.ok).toBe(true);
    expect(await asSun('session', { action: 'whoami', community: 'c-second' })).toMatchObject({ ok: true, data: { user: { roles: ['supervisor'] } } });
    const here = await asSun('session', { action: 'whoami', community: 'c-xingfuli' });
    expect(here).toMatchObject({ ok: true, data: { user: { id: 'demo-worker-3', roles: ['worker', 'resident'] } } });
    const communities = here.ok ? (here.data.communities as { id: string }[]) : [];
    expect(communities.map((c) => c.id).sort()).toEqual(['c-second', 'c-xingfuli']);
  });
});
