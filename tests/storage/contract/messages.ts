import { beforeAll, describe, expect, it } from 'vitest';
import type { MessageSending, Recipient } from '@core';
import { createCommit, makeNotification, makeOrder, T0 } from '../fixtures';
import type { StoreRef } from './reference-model';

const sending = (userId: string, i: number): MessageSending => ({
  id: `ms-${userId}-${String(i).padStart(3, '0')}`,
  userId,
  orderId: `o${i}`,
  step: 'accepted',
  template: 'orderProgress',
  outcome: i % 2 ? 'sent' : 'no-consent',
  error: null,
  at: 1_000 + i,
});

/** Subscribe-message consents (one-shot, counted), sendings (capped per person), inbox reads. */
export function messagesContract(s: StoreRef): void {
  describe('subscribe-message consents, sendings and inbox reads', () => {
    beforeAll(async () => {
      await s().clear();
    });

    it('counts consents per template and uses each once', async () => {
      expect(await s().consentsOf('u1')).toEqual({ orderProgress: 0, orderAlert: 0 });
      await s().addConsents('u1', ['orderProgress']);
      await s().addConsents('u1', ['orderProgress', 'orderAlert']);
      expect(await s().consentsOf('u1')).toEqual({ orderProgress: 2, orderAlert: 1 });
      expect(await s().takeConsent('u1', 'orderAlert')).toBe(true);
      expect(await s().takeConsent('u1', 'orderAlert')).toBe(false);
      expect(await s().consentsOf('u1')).toEqual({ orderProgress: 2, orderAlert: 0 });
      expect(await s().consentsOf('u2')).toEqual({ orderProgress: 0, orderAlert: 0 });
    });

    it('never uses one consent twice, however many messages go out at once', async () => {
      await s().addConsents('u3', ['orderProgress', 'orderProgress', 'orderProgress']);
      const taken = await Promise.all(Array.from({ length: 8 }, () => s().takeConsent('u3', 'orderProgress')));
      expect(taken.filter(Boolean)).toHaveLength(3);
      expect((await s().consentsOf('u3')).orderProgress).toBe(0);
    });

    it('keeps the newest sendings per person and forgets the older ones', async () => {
      for (let i = 1; i <= 6; i++) await s().recordSendings([sending('u1', i)], 5);
      await s().recordSendings([sending('u1', 7), sending('u2', 1)], 5);
      const kept = await s().listSendings('u1', 20);
      expect(kept.map((k) => k.id)).toEqual([7, 6, 5, 4, 3].map((i) => sending('u1', i).id));
      expect(kept[0]).toEqual(sending('u1', 7));
      expect(await s().listSendings('u2', 20)).toEqual([sending('u2', 1)]);
      expect(await s().listSendings('u1', 2)).toHaveLength(2);
    });

    it('keeps what each person read, per order and all at once', async () => {
      expect(await s().inboxReads('u1')).toEqual({ all: null, orders: {} });
      await s().markInboxRead('u1', 'o1', 100);
      await s().markInboxRead('u1', 'o2', 200);
      expect(await s().inboxReads('u1')).toEqual({ all: null, orders: { o1: 100, o2: 200 } });
      expect(await s().inboxReads('u2')).toEqual({ all: null, orders: {} });
      await s().markInboxRead('u1', null, 300);
      expect(await s().inboxReads('u1')).toEqual({ all: 300, orders: {} });
    });

    it('trims one recipient’s notifications to the newest, leaving every other recipient’s alone', async () => {
      const t1: Recipient = { kind: 'team', teamId: 't1' };
      const u9: Recipient = { kind: 'user', userId: 'u9' };
      const notes = [
        ...Array.from({ length: 6 }, (_, i) => makeNotification(`nt${i}`, t1, T0 + i)),
        ...Array.from({ length: 3 }, (_, i) => makeNotification(`nu${i}`, u9, T0 + i)),
      ];
      await s().commit(createCommit(makeOrder({ id: 'o-trim' }), { notifications: notes }));
      expect(await s().pruneNotifications(t1, 4)).toBe(2);
      expect((await s().listNotifications([t1], 10)).map((n) => n.id)).toEqual(['nt5', 'nt4', 'nt3', 'nt2']);
      expect(await s().listNotifications([u9], 10)).toHaveLength(3);
      expect(await s().pruneNotifications(t1, 4)).toBe(0);
      expect(await s().pruneNotifications({ kind: 'user', userId: 'nobody' }, 4)).toBe(0);
    });

    it('forgets all of it on clear()', async () => {
      await s().clear();
      expect(await s().consentsOf('u1')).toEqual({ orderProgress: 0, orderAlert: 0 });
      expect(await s().listSendings('u1', 20)).toEqual([]);
      expect(await s().inboxReads('u1')).toEqual({ all: null, orders: {} });
    });
  });
}
