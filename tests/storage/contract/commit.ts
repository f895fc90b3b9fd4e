import { beforeEach, describe, expect, it } from 'vitest';
import type { Recipient } from '@core';
import { T0, createCommit, makeEvent, makeNotification, makeOrder, makeReply, nextCommit } from '../fixtures';
import { HOUR, ids, type StoreRef } from './reference-model';

/** The atomic compare-and-set commit, its conflicts, races, replies and events. */
export function commitContract(s: StoreRef): void {
  describe('commit', () => {
    const order = makeOrder({ id: 'o-commit' });
    const supervisors: Recipient = { kind: 'supervisors', communityId: 'c1' };
    beforeEach(async () => {
      await s().clear();
    });

    /** Everything a commit may write about `order`, to compare before and after a refused one. */
    const snapshot = async (keys: string[]) => ({
      order: await s().getOrder(order.id),
      events: await s().listEvents(order.id),
      notifications: await s().listNotifications([supervisors], 100),
      replies: await Promise.all(keys.map((k) => s().getReply(k))),
    });

    it('creates an order with its events, notifications and reply when the expected version is null', async () => {
      const n = makeNotification('n1', supervisors, T0, order.id);
      const reply = makeReply('u1:req-1');
      expect(await s().commit(createCommit(order, { notifications: [n], reply }))).toEqual({ ok: true });
      expect(await s().getOrder(order.id)).toEqual(order);
      expect(await s().listEvents(order.id)).toEqual([makeEvent(order, 1)]);
      expect(await s().listNotifications([supervisors], 10)).toEqual([n]);
      expect(await s().getReply(reply.key)).toEqual(reply);
    });

    it('refuses to create an order that already exists, with conflict "version", and writes nothing', async () => {
      await s().commit(createCommit(order));
      const before = await snapshot(['u1:dup']);
      const duplicate = createCommit(
        { ...order, description: 'another' },
        { notifications: [makeNotification('n-dup', supervisors, T0, order.id)], reply: makeReply('u1:dup') },
      );
      expect(await s().commit(duplicate)).toEqual({ ok: false, conflict: 'version' });
      expect(await snapshot(['u1:dup'])).toEqual(before);
    });

    it('moves an order on when the expected version matches', async () => {
      await s().commit(createCommit(order));
      const next = nextCommit(order, { state: 'pending_accept', updatedAt: T0 + HOUR, assignment: { mode: 'pool', teamId: 't1' } });
      expect(await s().commit(next)).toEqual({ ok: true });
      expect(await s().getOrder(order.id)).toEqual(next.order);
      expect(await s().listEvents(order.id)).toEqual([makeEvent(order, 1), ...next.events]);
    });

    it('refuses a commit whose expected version is stale and writes nothing', async () => {
      await s().commit(createCommit(order));
      await s().commit(nextCommit(order, { description: 'first change' }));
      const before = await snapshot(['u1:stale']);
      const stale = nextCommit(
        order,
        { description: 'lost update' },
        {
          notifications: [makeNotification('n-stale', supervisors, T0, order.id)],
          reply: makeReply('u1:stale'),
        },
      );
      expect(await s().commit(stale)).toEqual({ ok: false, conflict: 'version' });
      expect(await snapshot(['u1:stale'])).toEqual(before);
      expect((await s().getOrder(order.id))?.description).toBe('first change');
    });

    it('refuses a compare-and-set on an order that does not exist', async () => {
      expect(await s().commit(nextCommit(order, {}))).toEqual({ ok: false, conflict: 'version' });
      expect(await s().getOrder(order.id)).toBeNull();
      expect(await s().listEvents(order.id)).toEqual([]);
    });

    it('refuses a reused request id with conflict "request" and writes nothing', async () => {
      const first = makeReply('u1:req-1');
      await s().commit(createCommit(order, { reply: first }));
      const before = await snapshot([first.key]);
      const reuse = nextCommit(
        order,
        { description: 'second request, same id' },
        {
          notifications: [makeNotification('n-reuse', supervisors, T0, order.id)],
          reply: { ...makeReply('u1:req-1', T0 + HOUR), fingerprint: 'another request' },
        },
      );
      expect(await s().commit(reuse)).toEqual({ ok: false, conflict: 'request' });
      expect(await snapshot([first.key])).toEqual(before);
      expect(await s().getReply(first.key)).toEqual(first);
    });

    it('answers "request" before "version" when a retry finds its id used and the order moved on', async () => {
      const reply = makeReply('u1:req-1');
      const create = createCommit(order, { reply });
      await s().commit(create);
      expect(await s().commit(create)).toEqual({ ok: false, conflict: 'request' });
    });

    it('commits without a reply or notifications', async () => {
      expect(await s().commit(createCommit(order, { reply: null, notifications: [] }))).toEqual({ ok: true });
      expect(await s().commit(nextCommit(order, { state: 'cancelled' }))).toEqual({ ok: true });
      expect((await s().getOrder(order.id))?.version).toBe(2);
    });

    it('returns null for a reply key never used', async () => {
      expect(await s().getReply('u1:never')).toBeNull();
    });

    it('lists an order\u2019s events in seq order, numerically past 9', async () => {
      let current = order;
      await s().commit(createCommit(current));
      for (let v = 2; v <= 12; v++) {
        const c = nextCommit(current, { updatedAt: T0 + v * HOUR });
        expect(await s().commit(c)).toEqual({ ok: true });
        current = c.order;
      }
      expect((await s().listEvents(order.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(await s().listEvents('o-unknown')).toEqual([]);
    });

    it('lets exactly one of 20 commits racing on the same expected version win', async () => {
      await s().commit(createCommit(order));
      const racers = Array.from({ length: 20 }, (_, i) =>
        nextCommit(
          order,
          { description: `racer ${i}` },
          {
            notifications: [makeNotification(`n-race-${i}`, supervisors, T0 + i, order.id)],
            reply: makeReply(`u${i}:race`),
          },
        ),
      );
      const results = await Promise.all(racers.map((c) => s().commit(c)));
      const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 19 }, () => ({ ok: false, conflict: 'version' })));
      const w = winners[0]!;
      expect(await s().getOrder(order.id)).toEqual(racers[w]!.order);
      expect((await s().listEvents(order.id)).map((e) => e.seq)).toEqual([1, 2]);
      expect(ids(await s().listNotifications([supervisors], 100))).toEqual([`n-race-${w}`]);
      const replies = await Promise.all(racers.map((c) => s().getReply(c.reply!.key)));
      expect(replies.flatMap((r, i) => (r ? [i] : []))).toEqual([w]);
    });

    it('lets exactly one of 10 racing creates of the same order win', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => s().commit(createCommit({ ...order, description: `creator ${i}` }))));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.conflict === 'version')).toHaveLength(9);
      expect(await s().listEvents(order.id)).toHaveLength(1);
    });

    it('lets exactly one of 5 racing commits with the same request id win, on different orders', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => s().commit(createCommit(makeOrder({ id: `o-same-req-${i}` }), { reply: makeReply('u1:same') }))),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.conflict === 'request')).toHaveLength(4);
      const written = await Promise.all(Array.from({ length: 5 }, (_, i) => s().getOrder(`o-same-req-${i}`)));
      expect(written.filter(Boolean)).toHaveLength(1);
    });
  });
}
