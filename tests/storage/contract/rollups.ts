import { beforeAll, describe, expect, it } from 'vitest';
import { DAY, GROUP_BYS, type Order } from '@core';
import { dayStart } from '@backend/storage/rollups';
import { T0, createCommit, generateOrders, nextCommit, placeAndMove } from '../fixtures';
import { HOUR, byKey, expectedSums, type StoreRef } from './reference-model';

/**
 * The statistics are kept as rollups changed by every commit (backend/storage/rollups.ts): after
 * orders have been placed, moved through states, reassigned, rated and changed again, the sums a
 * store answers equal a full recount of the orders as they stand, for whole days (rollups alone),
 * partial days (counted from the orders) and any moment of asking (`due` is computed when asked).
 */
export function rollupsContract(s: StoreRef): void {
  describe('statistics rollups kept by each commit', () => {
    const finals = generateOrders(80, 7);
    /** Where each order ends up: some go through a second change of team, worker or facts. */
    const current = new Map<string, Order>();
    beforeAll(async () => {
      await s().clear();
      // Placed first, unassigned and unsettled, then moved to the generated state in one commit.
      for (const o of await placeAndMove(s(), finals)) current.set(o.id, o);
      // Every third order changes again: handed to another team's worker, or its rating withdrawn and re-given lower.
      for (const [i, o] of [...current.values()].entries()) {
        if (i % 3 !== 0) continue;
        const patch: Partial<Order> =
          o.assignment?.mode === 'member'
            ? { assignment: { mode: 'member', teamId: 't2', workerId: 'w2' } }
            : { rating: { attitude: 2, timeliness: 2, quality: 2, comment: '' }, overdueStages: ['dispatch'] };
        const c = nextCommit(o, patch);
        expect(await s().commit(c)).toEqual({ ok: true });
        current.set(o.id, c.order);
      }
    });

    const now = () => [...current.values()];
    const day0 = dayStart(T0);
    const periods: [string, { from: number; to: number }][] = [
      ['whole days', { from: day0 - DAY, to: day0 + 3 * DAY }],
      ['one whole day', { from: day0 + DAY, to: day0 + 2 * DAY }],
      ['partial days at both ends', { from: T0 + 3 * HOUR, to: T0 + 27 * HOUR }],
      ['within one day', { from: day0 + DAY + HOUR, to: day0 + DAY + 5 * HOUR }],
      ['all time', { from: 0, to: Number.MAX_SAFE_INTEGER }],
    ];

    it('is tested on orders spread over several days, with facts and keys that changed after placing', () => {
      const days = new Set(now().map((o) => dayStart(o.createdAt)));
      expect(days.size).toBeGreaterThan(1);
      expect(now().some((o) => o.version === 3 && o.assignment?.teamId === 't2')).toBe(true);
      expect(now().some((o) => o.version === 3 && o.rating?.quality === 2)).toBe(true);
    });

    it.each(periods)('sums every grouping over %s equal to a full recount, at several moments of asking', async (_label, period) => {
      for (const asOf of [T0, T0 + 20 * HOUR, T0 + 30 * HOUR, T0 + 44 * HOUR, T0 + 50 * HOUR, T0 + 60 * HOUR, T0 + 100 * DAY]) {
        const many = await s().metricSumsMany('c1', period, GROUP_BYS, asOf);
        expect(
          many.map((groups) => byKey(groups)),
          `asOf ${asOf}`,
        ).toEqual(GROUP_BYS.map((by) => byKey(expectedSums(now(), 'c1', period, by, asOf))));
      }
    });

    it('takes out what a re-indexed order counted before and counts what its new index says', async () => {
      const o = now().find((x) => x.communityId === 'c1' && x.state === 'closed')!;
      const { index } = createCommit(o);
      const lowered = { ...index, facts: { ...index.facts, satisfied: false, resolved: false } };
      const period = periods[0]![1];
      const before = (await s().metricSums('c1', period, 'all', T0))[0]!.sums;
      expect(await s().reindex([{ orderId: o.id, version: o.version, index: lowered }])).toBe(1);
      const after = (await s().metricSums('c1', period, 'all', T0))[0]!.sums;
      expect(after.satisfied).toBe(before.satisfied - (index.facts.satisfied ? 1 : 0));
      expect(after.resolved).toBe(before.resolved - (index.facts.resolved ? 1 : 0));
      expect(await s().reindex([{ orderId: o.id, version: o.version, index }])).toBe(1);
      expect((await s().metricSums('c1', period, 'all', T0))[0]!.sums).toEqual(before);
    });
  });
}
