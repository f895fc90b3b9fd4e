import { beforeAll, describe, expect, it } from 'vitest';
import { DAY, GROUP_BYS, inCut, noOnBehalf, orderFacts, PROXY_RELATIONS, WHOLE_COMMUNITY, type Order, type ProxyRelation, type StatsCut } from '@core';
import { dayStart } from '@backend/storage/rollups';
import { T0, createCommit, generateOrders } from '../fixtures';
import { HOUR, allPages, byKey, expectedSums, ids, type StoreRef } from './reference-model';

/** Buildings of the fixture's compounds: two in cp1, one in cp2 (and some orders name none). */
const BUILDINGS: Record<string, (string | undefined)[]> = { cp1: ['b11', 'b12', undefined], cp2: ['b21', undefined], cp3: ['b31'] };

/**
 * The supervisor's statistics cut by compound and building (core/stats-cut.ts): every grouping of
 * a cut equals a recount of only the orders placed there, for whole and partial days and any
 * moment of asking; the order listings take the same building filter.
 */
export function statsCutContract(s: StoreRef): void {
  describe('statistics cut by compound and building', () => {
    // Some placed on someone's behalf (代下单), by each kind of proxy, a few of those also confirmed by the proxy.
    const orders = generateOrders(90, 11).map((o, i) => {
      const choices = BUILDINGS[o.compoundId] ?? [undefined];
      const buildingId = choices[i % choices.length];
      const relation = i % 4 === 3 ? null : PROXY_RELATIONS[i % 3]!;
      const proxy = relation === null || i % 5 === 0 ? null : { userId: `u-proxy-${i % 3}`, name: '代办人', relation };
      return { ...o, buildingId, proxy, confirmedOnBehalf: proxy !== null && i % 2 === 0 } as Order;
    });
    beforeAll(async () => {
      await s().clear();
      for (const o of orders) expect(await s().commit(createCommit(o))).toEqual({ ok: true });
    });

    const cuts: [string, StatsCut][] = [
      ['a compound', { compoundId: 'cp1', buildingId: null }],
      ['the other compound', { compoundId: 'cp2', buildingId: null }],
      ['a building', { compoundId: null, buildingId: 'b11' }],
      ['a building with its compound', { compoundId: 'cp2', buildingId: 'b21' }],
      ['a building named with a compound it is not in', { compoundId: 'cp2', buildingId: 'b11' }],
    ];
    const day0 = dayStart(T0);
    const periods = [
      { from: day0 - DAY, to: day0 + 3 * DAY },
      { from: T0 + 3 * HOUR, to: T0 + 27 * HOUR },
    ];

    it('is tested on orders of several compounds and buildings in a community, and some without a building', () => {
      const c1 = orders.filter((o) => o.communityId === 'c1');
      expect(new Set(c1.map((o) => o.compoundId)).size).toBe(2);
      expect(new Set(c1.map((o) => o.buildingId ?? 'none')).size).toBeGreaterThanOrEqual(4);
    });

    it.each(cuts)('sums every grouping of %s equal to a recount of only its orders', async (_label, cut) => {
      const mine = orders.filter((o) => inCut(cut, o));
      for (const period of periods)
        for (const asOf of [T0, T0 + 30 * HOUR, T0 + 100 * DAY]) {
          const many = await s().metricSumsMany('c1', period, GROUP_BYS, asOf, cut);
          expect(
            many.map((groups) => byKey(groups)),
            `${period.from} asOf ${asOf}`,
          ).toEqual(GROUP_BYS.map((by) => byKey(expectedSums(mine, 'c1', period, by, asOf))));
        }
      if (cut.compoundId === 'cp2' && cut.buildingId === 'b11') expect(mine).toEqual([]);
      else expect(mine.length).toBeGreaterThan(0);
    });

    it('counts the whole community when the cut names nothing', async () => {
      const period = periods[0]!;
      const whole = await s().metricSumsMany('c1', period, ['all', 'team'], T0, { compoundId: null, buildingId: null });
      expect(whole).toEqual(await s().metricSumsMany('c1', period, ['all', 'team'], T0));
    });

    it.each([['the whole community', WHOLE_COMMUNITY] as [string, StatsCut], ...cuts])(
      'counts the orders placed on someone’s behalf in %s by who placed them, and those a proxy confirmed',
      async (_label, cut) => {
        for (const period of periods) {
          const expected = noOnBehalf() as Record<ProxyRelation, { orders: number; confirmed: number }>;
          for (const o of orders) {
            if (o.communityId !== 'c1' || !o.proxy || !orderFacts(o).counted || o.createdAt < period.from || o.createdAt >= period.to || !inCut(cut, o))
              continue;
            const had = expected[o.proxy.relation];
            expected[o.proxy.relation] = { orders: had.orders + 1, confirmed: had.confirmed + (o.confirmedOnBehalf ? 1 : 0) };
          }
          expect(await s().onBehalfCounts('c1', period, cut)).toEqual(expected);
        }
      },
    );

    it('is tested on orders placed on behalf by every kind of proxy, some confirmed by one', () => {
      for (const relation of PROXY_RELATIONS) expect(orders.some((o) => o.communityId === 'c1' && o.proxy?.relation === relation)).toBe(true);
      expect(orders.some((o) => o.communityId === 'c1' && o.confirmedOnBehalf)).toBe(true);
    });

    it('lists and counts a building’s orders only', async () => {
      const scope = { kind: 'community', communityId: 'c1' } as const;
      const listed = await allPages(s(), scope, { buildingId: 'b12' }, 7);
      const expected = orders.filter((o) => o.communityId === 'c1' && o.buildingId === 'b12');
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(listed.flat()).sort()).toEqual(ids(expected).sort());
      const counts = await s().countByState(scope, { buildingId: 'b12' });
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(expected.length);
    });
  });
}
