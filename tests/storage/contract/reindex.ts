import { beforeAll, describe, expect, it } from 'vitest';
import { MINUTE, orderIndex, type Order } from '@core';
import { T0, createCommit, indexOf, makeOrder } from '../fixtures';
import { HOUR, ids, type StoreRef } from './reference-model';

/** Replacing an order's stored index (a changed escalation interval, or a sweep that found nothing to do). */
export function reindexContract(s: StoreRef): void {
  describe('re-indexing orders', () => {
    // Overdue (level 1) since T0 in c1, which escalates every two hours: due again at T0 + 2 h.
    const overdue = (id: string): Order =>
      makeOrder({ id, communityId: 'c1', clock: { stage: 'dispatch', enteredAt: T0 - HOUR, dueAt: T0, level: 1 }, overdueStages: ['dispatch'] });
    const a = overdue('ri-a');
    const b = overdue('ri-b');
    const longer = (o: Order) => orderIndex(o, { escalationMinutes: 600 });
    beforeAll(async () => {
      await s().clear();
      for (const o of [a, b]) expect(await s().commit(createCommit(o))).toEqual({ ok: true });
    });

    it('is tested on orders due for the sweep under the interval they were written with', async () => {
      expect(indexOf(a).nextSweepAt).toBe(T0 + 2 * HOUR);
      expect(ids((await s().listDueForSweep(T0 + 3 * HOUR, 10)).items)).toEqual(['ri-a', 'ri-b']);
    });

    it('pages through orders due at the same moment by id', async () => {
      const first = await s().listDueForSweep(T0 + 3 * HOUR, 1);
      expect(ids(first.items)).toEqual(['ri-a']);
      const second = await s().listDueForSweep(T0 + 3 * HOUR, 1, first.nextCursor);
      expect(ids(second.items)).toEqual(['ri-b']);
      expect(second.nextCursor).toBeNull();
    });

    it('stores the new next moment of an order still at the given version, leaving the order itself as it was', async () => {
      expect(await s().reindex([{ orderId: a.id, version: a.version, index: longer(a) }])).toBe(1);
      expect(ids((await s().listDueForSweep(T0 + 3 * HOUR, 10)).items)).toEqual(['ri-b']);
      expect(ids((await s().listDueForSweep(T0 + 600 * MINUTE, 10)).items)).toEqual(['ri-b', 'ri-a']);
      expect(await s().getOrder(a.id)).toEqual(a);
    });

    it('leaves alone an order that moved on since the version given (its own commit indexed it)', async () => {
      expect(await s().reindex([{ orderId: b.id, version: b.version + 1, index: longer(b) }])).toBe(0);
      expect(await s().reindex([{ orderId: 'ri-missing', version: 1, index: longer(b) }])).toBe(0);
      expect(ids((await s().listDueForSweep(T0 + 3 * HOUR, 10)).items)).toEqual(['ri-b']);
    });

    it('stores what the new index says, even no next moment: the order leaves the sweep queue', async () => {
      const none = { ...indexOf(b), nextSweepAt: null };
      expect(await s().reindex([{ orderId: b.id, version: b.version, index: none }])).toBe(1);
      expect((await s().listDueForSweep(T0 + 100 * HOUR, 10)).items.map((o) => o.id)).toEqual(['ri-a']);
      expect(await s().reindex([])).toBe(0);
    });
  });
}
