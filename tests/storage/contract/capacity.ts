import { beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '@core';
import { createCommit, makeOrder, nextCommit } from '../fixtures';
import type { StoreRef } from './reference-model';

/** A worker's cap, held inside the atomic write even when several orders reach the worker at once. */
export function capacityContract(s: StoreRef): void {
  describe('worker capacity', () => {
    beforeEach(async () => {
      await s().clear();
    });

    const pool = (id: string): Order => makeOrder({ id, state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } });
    const grabbed = (o: Order, workerId: string) =>
      nextCommit(o, { state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId } }, { capacity: { workerId, max: 2 } });

    it('writes an assignment that keeps the worker within the cap', async () => {
      const o = pool('cap-1');
      await s().commit(createCommit(o));
      expect(await s().commit(grabbed(o, 'w1'))).toEqual({ ok: true });
      expect(await s().openOrdersOf(['w1'])).toEqual({ w1: 1 });
    });

    it('refuses, writing nothing, an assignment that would put the worker over the cap', async () => {
      const orders = ['cap-a', 'cap-b', 'cap-c'].map(pool);
      for (const o of orders) await s().commit(createCommit(o));
      expect(await s().commit(grabbed(orders[0]!, 'w1'))).toEqual({ ok: true });
      expect(await s().commit(grabbed(orders[1]!, 'w1'))).toEqual({ ok: true });
      expect(await s().commit(grabbed(orders[2]!, 'w1'))).toEqual({ ok: false, conflict: 'capacity' });
      expect(await s().getOrder('cap-c')).toEqual(orders[2]);
      expect(await s().listEvents('cap-c')).toHaveLength(1);
    });

    it('lets only as many of several simultaneous grabs through as the cap allows', async () => {
      const orders = ['cap-1', 'cap-2', 'cap-3', 'cap-4', 'cap-5'].map(pool);
      for (const o of orders) await s().commit(createCommit(o));
      const results = await Promise.all(orders.map((o) => s().commit(grabbed(o, 'w1'))));
      expect(results.filter((r) => r.ok)).toHaveLength(2);
      expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 3 }, () => ({ ok: false, conflict: 'capacity' })));
      expect(await s().openOrdersOf(['w1'])).toEqual({ w1: 2 });
    });

    it('frees a place when an order leaves the worker', async () => {
      const [a, b, c] = ['cap-x', 'cap-y', 'cap-z'].map(pool) as [Order, Order, Order];
      for (const o of [a, b, c]) await s().commit(createCommit(o));
      await s().commit(grabbed(a, 'w1'));
      await s().commit(grabbed(b, 'w1'));
      const held = (await s().getOrder('cap-x'))!;
      expect(await s().commit(nextCommit(held, { state: 'pending_confirm' }))).toEqual({ ok: true });
      expect(await s().commit(grabbed(c, 'w1'))).toEqual({ ok: true });
    });

    it('counts an order the worker already holds once when it is written again under the cap', async () => {
      const [a, b] = ['cap-p', 'cap-q'].map(pool) as [Order, Order];
      for (const o of [a, b]) await s().commit(createCommit(o));
      await s().commit(grabbed(a, 'w1'));
      await s().commit(grabbed(b, 'w1'));
      const held = (await s().getOrder('cap-p'))!;
      const started = nextCommit(held, { state: 'in_service' }, { capacity: { workerId: 'w1', max: 2 } });
      expect(await s().commit(started)).toEqual({ ok: true });
      expect(await s().openOrdersOf(['w1'])).toEqual({ w1: 2 });
    });

    it('answers a stale version as a version conflict even when the worker is full', async () => {
      const [a, b, c] = ['cap-r', 'cap-s', 'cap-t'].map(pool) as [Order, Order, Order];
      for (const o of [a, b, c]) await s().commit(createCommit(o));
      await s().commit(grabbed(a, 'w1'));
      await s().commit(grabbed(b, 'w1'));
      const stale = { ...grabbed(c, 'w1'), expectedVersion: c.version + 5 };
      expect(await s().commit(stale)).toEqual({ ok: false, conflict: 'version' });
    });
  });
}
