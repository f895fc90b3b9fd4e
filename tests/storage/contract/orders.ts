import { beforeAll, describe, expect, it } from 'vitest';
import { GROUP_BYS, inScope, orderIndex, urgencyOf, type Order, type OrderScope } from '@core';
import type { OrderFilter } from '@backend/storage/port';
import { T0, createCommit, generateOrders, indexOf, makeOrder } from '../fixtures';
import { FILTERS, HOUR, SCOPES, allPages, byKey, byNewestChange, expectedCounts, expectedSums, ids, matchesFilter, type StoreRef } from './reference-model';

/** Listing, counting, paging, queues, the sweep and statistics, against the core’s reference functions. */
export function orderQueriesContract(s: StoreRef): void {
  describe('listing and counting orders', () => {
    const orders = generateOrders(60);
    beforeAll(async () => {
      await s().clear();
      for (const o of orders) expect(await s().commit(createCommit(o))).toEqual({ ok: true });
    });
    const visible = (scope: OrderScope, filter: OrderFilter = {}) => orders.filter((o) => inScope(o, scope) && matchesFilter(o, filter)).sort(byNewestChange);

    it('is tested on orders that tell the scopes apart', () => {
      const pool = orders.filter((o) => o.assignment?.mode === 'pool');
      expect(pool.some((o) => o.state === 'pending_accept')).toBe(true);
      expect(pool.some((o) => o.state !== 'pending_accept')).toBe(true);
      expect(new Set(orders.map((o) => o.updatedAt)).size).toBeLessThan(orders.length - 5); // ties on updatedAt
      const nonEmpty = SCOPES.filter(([, scope]) => visible(scope).length > 0).map(([label]) => label);
      expect(nonEmpty).toEqual(expect.arrayContaining(SCOPES.filter(([l]) => !/another|unknown|no scope/.test(l)).map(([l]) => l)));
    });

    it.each(SCOPES)('lists exactly what %s may see, newest change first', async (_label, scope) => {
      const page = await s().listOrders(scope, {}, { limit: 500 });
      expect(ids(page.items)).toEqual(ids(visible(scope)));
      expect(page.nextCursor).toBeNull();
    });

    it.each(SCOPES)('counts by state what %s may see', async (_label, scope) => {
      expect(await s().countByState(scope, {})).toEqual(expectedCounts(visible(scope)));
    });

    it.each(FILTERS)('narrows a supervisor\u2019s list and counts by %s', async (_label, filter) => {
      const scope: OrderScope = { kind: 'community', communityId: 'c1' };
      expect(ids((await s().listOrders(scope, filter, { limit: 500 })).items)).toEqual(ids(visible(scope, filter)));
      expect(await s().countByState(scope, filter)).toEqual(expectedCounts(visible(scope, filter)));
    });

    it.each(FILTERS)('narrows a worker\u2019s list and counts by %s within their scope', async (_label, filter) => {
      const scope = SCOPES[3]![1];
      expect(ids((await s().listOrders(scope, filter, { limit: 500 })).items)).toEqual(ids(visible(scope, filter)));
      expect(await s().countByState(scope, filter)).toEqual(expectedCounts(visible(scope, filter)));
    });

    it('is tested on filters that each keep some orders and drop others', () => {
      const scope: OrderScope = { kind: 'community', communityId: 'c1' };
      const all = visible(scope).length;
      for (const [label, f] of FILTERS.filter(([l]) => !/no filter|undefined|empty/.test(l))) {
        expect(visible(scope, f).length, label).toBeGreaterThan(0);
        expect(visible(scope, f).length, label).toBeLessThan(all);
      }
    });

    it.each([
      ['a supervisor', SCOPES[10]![1], {}, 7],
      ['a supervisor, one at a time', SCOPES[10]![1], {}, 1],
      ['a worker', SCOPES[3]![1], {}, 2],
      ['a resident', SCOPES[0]![1], {}, 3],
      ['a dispatcher, filtered by state', SCOPES[7]![1], { states: ['pending_accept', 'closed', 'cancelled', 'refused'] }, 2],
    ] as const)('pages through everything %s may see exactly once, in order', async (_label, scope, filter, limit) => {
      const expected = ids(visible(scope, filter));
      const pages = await allPages(s(), scope, filter, limit);
      expect(pages.flat().map((o) => o.id)).toEqual(expected);
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
      expect(pages.length).toBeLessThanOrEqual(Math.ceil(expected.length / limit) + 1);
    });

    it('pages through a queue placed-longest-ago first when asked for the oldest', async () => {
      const scope: OrderScope = { kind: 'community', communityId: 'c1' };
      const filter: OrderFilter = { states: ['pending_dispatch', 'pending_accept', 'accepted', 'in_service', 'pending_confirm'] };
      const oldestFirst = (a: Order, b: Order) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      const expected = ids(orders.filter((o) => inScope(o, scope) && matchesFilter(o, filter)).sort(oldestFirst));
      const pages: Order[][] = [];
      let cursor: string | null = null;
      do {
        const page = await s().listOrders(scope, filter, { limit: 4, cursor, sort: 'oldest' });
        pages.push(page.items);
        cursor = page.nextCursor;
      } while (cursor && pages.length < 100);
      expect(new Set(orders.map((o) => o.createdAt)).size).toBeLessThan(orders.length); // ties on createdAt
      expect(pages.flat().map((o) => o.id)).toEqual(expected);
    });

    it('pages through the urgent listing: orders that need attention first, then nearest deadline, ended orders last', async () => {
      const scope: OrderScope = { kind: 'community', communityId: 'c1' };
      const byUrgency = (a: Order, b: Order) => urgencyOf(a) - urgencyOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      const expected = ids(orders.filter((o) => inScope(o, scope)).sort(byUrgency));
      const pages: Order[][] = [];
      let cursor: string | null = null;
      do {
        const page = await s().listOrders(scope, {}, { limit: 4, cursor, sort: 'urgent' });
        pages.push(page.items);
        cursor = page.nextCursor;
      } while (cursor && pages.length < 100);
      const listed = pages.flat();
      expect(listed.map((o) => o.id)).toEqual(expected);
      // Late, complained about or pressed with a 督办 come first; then the running clocks, soonest
      // deadline on top; the orders without one follow.
      const attention = (o: Order) =>
        o.complaints.some((c) => !c.answer) || o.instructions.some((i) => !i.answer) || (!o.waiting && (o.clock?.level ?? 0) >= 1);
      const flagged = listed.filter(attention).length;
      expect(flagged).toBeGreaterThan(0);
      expect(listed.slice(0, flagged).every(attention)).toBe(true);
      const rest = listed.slice(flagged);
      const firstEnded = rest.findIndex((o) => o.clock === null);
      expect(firstEnded).toBeGreaterThan(1);
      expect(rest.slice(firstEnded).every((o) => o.clock === null)).toBe(true);
      const deadlines = rest.slice(0, firstEnded).map((o) => o.clock!.dueAt);
      expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    });

    /** What the sweep must read by `now`: orders whose next moment under their community's interval has come, by (moment, id). */
    const dueBy = (now: number) =>
      orders
        .map((o) => ({ o, at: indexOf(o).nextSweepAt }))
        .filter((x): x is { o: Order; at: number } => x.at !== null && x.at <= now)
        .sort((a, b) => a.at - b.at || (a.o.id < b.o.id ? -1 : 1))
        .map((x) => x.o);

    it('lists the orders due for the sweep by now, by (next moment, id), each community with its own interval', async () => {
      const now = T0 + 20 * HOUR;
      const due = dueBy(now);
      expect(due.length).toBeGreaterThan(6);
      expect(due.length).toBeLessThan(orders.filter((o) => indexOf(o).nextSweepAt !== null).length);
      // c2 escalates every hour, c1 every two: some due c2 order's moment is its own interval's, not c1's.
      expect(due.some((o) => o.communityId === 'c2' && indexOf(o).nextSweepAt !== orderIndex(o, { escalationMinutes: 120 }).nextSweepAt)).toBe(true);
      const all = await s().listDueForSweep(now, 1000);
      expect(all.items).toEqual(due);
      expect(all.nextCursor).toBeNull();
    });

    it.each([1, 5])('pages through the due orders %i at a time, each exactly once and in order', async (limit) => {
      const now = T0 + 20 * HOUR;
      const pages: Order[][] = [];
      let cursor: string | null = null;
      do {
        const page = await s().listDueForSweep(now, limit, cursor);
        pages.push(page.items);
        cursor = page.nextCursor;
      } while (cursor && pages.length < 500);
      expect(ids(pages.flat())).toEqual(ids(dueBy(now)));
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
    });

    it.each(GROUP_BYS)('sums the 三率 facts of a community and period grouped by %s, as the core counts them', async (by) => {
      const period = { from: T0 + 2 * HOUR, to: T0 + 26 * HOUR };
      const asOf = T0 + 40 * HOUR;
      const expected = expectedSums(orders, 'c1', period, by, asOf);
      expect(expected.length).toBeGreaterThan(0);
      expect(byKey(await s().metricSums('c1', period, by, asOf))).toEqual(byKey(expected));
    });

    it('sums every grouping at once exactly as one grouping at a time, in the order asked', async () => {
      const period = { from: T0 + 2 * HOUR, to: T0 + 26 * HOUR };
      const asOf = T0 + 40 * HOUR;
      const bys = [...GROUP_BYS].reverse();
      const many = await s().metricSumsMany('c1', period, bys, asOf);
      expect(many).toHaveLength(bys.length);
      for (const [i, by] of bys.entries()) expect(many[i], by).toEqual(await s().metricSums('c1', period, by, asOf));
      expect(many.map((groups) => byKey(groups))).toEqual(bys.map((by) => byKey(expectedSums(orders, 'c1', period, by, asOf))));
    });

    it('sums nothing for a period without orders', async () => {
      const empty = { from: T0 - 48 * HOUR, to: T0 - 24 * HOUR };
      expect(await s().metricSumsMany('c1', empty, ['all', 'team', 'day'], T0)).toEqual([[], [], []]);
    });

    it('has statistics worth testing: every sum is exercised and the period cuts orders off', () => {
      const period = { from: T0 + 2 * HOUR, to: T0 + 26 * HOUR };
      const [all] = expectedSums(orders, 'c1', period, 'all', T0 + 40 * HOUR);
      const [everything] = expectedSums(orders, 'c1', { from: 0, to: Infinity }, 'all', T0 + 40 * HOUR);
      for (const [k, v] of Object.entries(all!.sums)) expect(v, k).toBeGreaterThan(0);
      expect(all!.sums.due).toBeLessThan(all!.sums.orders);
      expect(all!.sums.orders).toBeLessThan(everything!.sums.orders);
    });

    it('counts each worker\u2019s open member-assigned orders (pending_accept, accepted, in_service)', async () => {
      const workers = ['w1', 'w2', 'w3', 'w5', 'w-idle'];
      const expected = Object.fromEntries(
        workers.map((w) => [
          w,
          orders.filter((o) => o.assignment?.mode === 'member' && o.assignment.workerId === w && ['pending_accept', 'accepted', 'in_service'].includes(o.state))
            .length,
        ]),
      );
      expect(Object.values(expected).some((n) => n > 0)).toBe(true);
      expect(await s().openOrdersOf(workers)).toEqual(expected);
      expect(await s().openOrdersOf([])).toEqual({});
    });
  });

  describe('statistics across China-time calendar boundaries', () => {
    // UTC instants around CST (UTC+8) midnights: a Sunday/Monday, a month end, a year end.
    const cst = (iso: string) => Date.parse(`${iso}+08:00`);
    const placed = [
      '2024-12-31T23:30:00',
      '2025-01-01T00:10:00',
      '2025-01-05T23:59:59.999',
      '2025-01-06T00:00:00',
      '2025-01-31T23:59:00',
      '2025-02-01T00:00:00',
      '2025-03-02T12:00:00',
      '2025-03-03T07:59:00',
      '2025-03-03T08:00:00',
    ].map(cst);
    const orders = placed.map((createdAt, i) =>
      makeOrder({
        id: `ob${i}`,
        communityId: 'c3',
        createdAt,
        updatedAt: createdAt,
        state: i % 2 ? 'closed' : 'refused',
        closedAt: i % 2 ? createdAt + HOUR : null,
      }),
    );
    beforeAll(async () => {
      await s().clear();
      for (const o of orders) expect(await s().commit(createCommit(o))).toEqual({ ok: true });
    });

    it.each(['day', 'week', 'month'] as const)('buckets orders by %s in China time', async (by) => {
      const period = { from: cst('2024-12-01T00:00:00'), to: cst('2025-04-01T00:00:00') };
      const expected = expectedSums(orders, 'c3', period, by, period.to);
      expect(expected.length).toBe({ day: 8, week: 5, month: 4 }[by]);
      expect(byKey(await s().metricSums('c3', period, by, period.to))).toEqual(byKey(expected));
    });
  });
}
