import { beforeAll, describe, expect, it } from 'vitest';
import type { Recipient } from '@core';
import { REFERENCE_KINDS } from '@backend/storage/port';
import { T0, createCommit, makeNotification, makeOrder, makeReply, referenceData } from '../fixtures';
import { ids, zeroCounts, type StoreRef } from './reference-model';

/** Notifications by recipient, and clear(). */
export function notificationsAndClearContract(s: StoreRef): void {
  describe('notifications', () => {
    const u1: Recipient = { kind: 'user', userId: 'u1' };
    const u2: Recipient = { kind: 'user', userId: 'u2' };
    const t1: Recipient = { kind: 'team', teamId: 't1' };
    const co1: Recipient = { kind: 'company', companyId: 'co1', communityId: 'c1' };
    // The same company serving another community: a recipient of its own.
    const co1Elsewhere: Recipient = { kind: 'company', companyId: 'co1', communityId: 'c2' };
    const sup: Recipient = { kind: 'supervisors', communityId: 'c1' };
    const all = [
      makeNotification('n1', u1, T0 + 1),
      makeNotification('n2', t1, T0 + 5),
      makeNotification('n3', u2, T0 + 6),
      makeNotification('n4', u1, T0 + 3),
      makeNotification('n5', co1, T0 + 7),
      makeNotification('n6', sup, T0 + 2),
      makeNotification('n7', t1, T0 + 4),
      makeNotification('n8', co1Elsewhere, T0 + 8),
    ];
    beforeAll(async () => {
      await s().clear();
      await s().commit(createCommit(makeOrder({ id: 'o1' }), { notifications: all.slice(0, 4) }));
      await s().commit(createCommit(makeOrder({ id: 'o2' }), { notifications: all.slice(4) }));
    });

    it('lists the notifications of the given recipients, newest first', async () => {
      expect(ids(await s().listNotifications([u1, t1], 10))).toEqual(['n2', 'n7', 'n4', 'n1']);
      expect(await s().listNotifications([co1], 10)).toEqual([all[4]]);
      expect(await s().listNotifications([co1Elsewhere], 10)).toEqual([all[7]]);
      expect(ids(await s().listNotifications([sup, u2], 10))).toEqual(['n3', 'n6']);
    });

    it('returns at most the limit, keeping the newest', async () => {
      expect(ids(await s().listNotifications([u1, t1, u2], 2))).toEqual(['n3', 'n2']);
    });

    it('returns nothing for no recipients or an unknown one', async () => {
      expect(await s().listNotifications([], 10)).toEqual([]);
      expect(await s().listNotifications([{ kind: 'user', userId: 'nobody' }], 10)).toEqual([]);
    });
  });

  describe('clear', () => {
    it('removes every document of every kind, and the store stays usable', async () => {
      const ref = referenceData();
      for (const kind of REFERENCE_KINDS) await s().putRefs(kind, ref[kind]);
      const order = makeOrder({ id: 'o-clear', assignment: { mode: 'member', teamId: 't1', workerId: 'w1' }, state: 'accepted' });
      const n = makeNotification('n-clear', { kind: 'user', userId: 'u1' }, T0, order.id);
      await s().commit(createCommit(order, { notifications: [n], reply: makeReply('u1:clear') }));

      await s().clear();

      for (const kind of REFERENCE_KINDS) expect(await s().listRefs(kind), kind).toEqual([]);
      expect(await s().findUserByOpenid('openid-u1')).toBeNull();
      expect(await s().getOrder(order.id)).toBeNull();
      expect(await s().listEvents(order.id)).toEqual([]);
      expect(await s().listNotifications([n.to], 10)).toEqual([]);
      expect(await s().getReply('u1:clear')).toBeNull();
      expect((await s().listOrders({ kind: 'community', communityId: 'c1' }, {}, { limit: 10 })).items).toEqual([]);
      expect(await s().countByState({ kind: 'community', communityId: 'c1' }, {})).toEqual(zeroCounts());
      expect(await s().openOrdersOf(['w1'])).toEqual({ w1: 0 });

      expect(await s().commit(createCommit(order, { reply: makeReply('u1:clear') }))).toEqual({ ok: true });
    });
  });
}
