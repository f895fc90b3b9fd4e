import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  GROUP_BYS,
  ORDER_STATES,
  ZERO_SUMS,
  addFacts,
  groupKey,
  inScope,
  nextSweepAt,
  orderFacts,
  type GroupBy,
  type MetricSums,
  type Order,
  type OrderScope,
  type OrderState,
  type Recipient,
} from '@core';
import { OPEN_FOR_WORKER, REFERENCE_KINDS, type OrderFilter, type Store } from '@backend/storage/port';
import { T0, createCommit, generateOrders, makeEvent, makeNotification, makeOrder, makeReply, nextCommit, referenceData } from './fixtures';

const HOUR = 3_600_000;

/** The reference reading of a filter, beside the core's `inScope` for scopes. */
export function matchesFilter(o: Order, f: OrderFilter): boolean {
  return (
    (f.states === undefined || f.states.includes(o.state)) &&
    (f.compoundId === undefined || o.compoundId === f.compoundId) &&
    (f.teamId === undefined || o.assignment?.teamId === f.teamId) &&
    (f.category === undefined || o.category === f.category) &&
    (f.createdFrom === undefined || o.createdAt >= f.createdFrom) &&
    (f.createdTo === undefined || o.createdAt < f.createdTo) &&
    (f.attention === undefined || needsAttention(o, f.attention))
  );
}

/** The supervisor's queues as the port describes them. */
function needsAttention(o: Order, queue: NonNullable<OrderFilter['attention']>): boolean {
  switch (queue) {
    case 'overdue':
      return (o.clock?.level ?? 0) >= 1;
    case 'escalated':
      return (o.clock?.level ?? 0) >= 2;
    case 'complaints':
      return o.complaints.some((c) => !c.answer);
    case 'instructions':
      return o.instructions.some((i) => !i.answer);
  }
}

/** The core's reference for metricSums: addFacts over each group's counted orders. */
function expectedSums(orders: readonly Order[], communityId: string, period: { from: number; to: number }, by: GroupBy, asOf: number) {
  const groups = new Map<string | null, MetricSums>();
  for (const o of orders) {
    const f = orderFacts(o);
    if (o.communityId !== communityId || !f.counted || o.createdAt < period.from || o.createdAt >= period.to) continue;
    const key = groupKey(f, by);
    groups.set(key, addFacts(groups.get(key) ?? ZERO_SUMS, f, asOf));
  }
  return [...groups].map(([key, sums]) => ({ key, sums }));
}
const byKey = <T extends { key: string | null }>(rows: readonly T[]) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));

/** Newest change first; ties broken by id, descending. */
const byNewestChange = (a: Order, b: Order) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const ids = (os: readonly { id: string }[]) => os.map((o) => o.id);
const sortedById = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
const zeroCounts = () => Object.fromEntries(ORDER_STATES.map((s) => [s, 0])) as Record<OrderState, number>;

function expectedCounts(orders: readonly Order[]) {
  const counts = zeroCounts();
  for (const o of orders) counts[o.state] += 1;
  return counts;
}

/** Follows nextCursor to the end, keeping every page. */
async function allPages(store: Store, scope: OrderScope, filter: OrderFilter, limit: number) {
  const pages: Order[][] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listOrders(scope, filter, { limit, cursor });
    pages.push(page.items);
    cursor = page.nextCursor;
    if (pages.length > 500) throw new Error('paging does not end');
  } while (cursor);
  return pages;
}

const SCOPES: readonly [string, OrderScope][] = [
  ['a resident with own and paired households', { kind: 'household', communityId: 'c1', userId: 'u1', householdIds: ['h2', 'h3'] }],
  ['a resident with no households (own orders only)', { kind: 'household', communityId: 'c1', userId: 'u2', householdIds: [] }],
  ['a resident looking at another community', { kind: 'household', communityId: 'c2', userId: 'u1', householdIds: ['h1', 'h5'] }],
  ['a worker with tasks and two team pools', { kind: 'worker', communityId: 'c1', workerId: 'w1', poolTeamIds: ['t1', 't2'] }],
  ['a worker in no team (own tasks only)', { kind: 'worker', communityId: 'c1', workerId: 'w2', poolTeamIds: [] }],
  ['a new team member with a pool but no tasks', { kind: 'worker', communityId: 'c1', workerId: 'w-new', poolTeamIds: ['t3'] }],
  ['a worker looking at another community', { kind: 'worker', communityId: 'c2', workerId: 'w1', poolTeamIds: ['t1', 't5'] }],
  ['a dispatcher of one company', { kind: 'company', communityId: 'c1', companyId: 'co1' }],
  ['a dispatcher of the other company', { kind: 'company', communityId: 'c1', companyId: 'co2' }],
  ['a dispatcher whose company serves another community', { kind: 'company', communityId: 'c1', companyId: 'co3' }],
  ['a supervisor of c1', { kind: 'community', communityId: 'c1' }],
  ['a supervisor of c2', { kind: 'community', communityId: 'c2' }],
  ['a supervisor of an unknown community', { kind: 'community', communityId: 'c-unknown' }],
  ['an admin (no scope)', { kind: 'none' }],
];

const FILTERS: readonly [string, OrderFilter][] = [
  ['no filter', {}],
  ['states', { states: ['pending_accept', 'accepted', 'in_service'] }],
  ['an empty state list (matches nothing)', { states: [] }],
  ['states: undefined, as the counts for the tabs pass it', { states: undefined }],
  ['compound', { compoundId: 'cp2' }],
  ['team of the assignment (pool or member)', { teamId: 't1' }],
  ['category', { category: 'repair' }],
  ['created from (inclusive)', { createdFrom: T0 + 10 * HOUR }],
  ['created to (exclusive)', { createdTo: T0 + 10 * HOUR }],
  ['a created range', { createdFrom: T0 + 5 * HOUR, createdTo: T0 + 20 * HOUR }],
  ['the overdue queue', { attention: 'overdue' }],
  ['the escalated queue', { attention: 'escalated' }],
  ['the unanswered complaints queue', { attention: 'complaints' }],
  ['the unanswered 督办 queue', { attention: 'instructions' }],
  ['all at once', { states: ['pending_accept', 'accepted', 'in_service'], compoundId: 'cp1', teamId: 't1', createdFrom: T0 + HOUR }],
];

/**
 * The storage port as a specification: every adapter must pass it. `open` returns a store that
 * may hold old data; the suite clears it where it needs a known state.
 */
export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(name, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.clear();
      await store?.close();
    });

    describe('reference data', () => {
      const ref = referenceData();
      beforeEach(async () => {
        await store.clear();
        for (const kind of REFERENCE_KINDS) await store.putRefs(kind, ref[kind]);
      });

      it('returns every kind of document exactly as it was put', async () => {
        for (const kind of REFERENCE_KINDS) {
          for (const doc of ref[kind]) expect(await store.getRef(kind, doc.id), `${kind}/${doc.id}`).toEqual(doc);
        }
      });

      it('returns null for an unknown id, and keeps kinds apart', async () => {
        expect(await store.getRef('users', 'nobody')).toBeNull();
        expect(await store.getRef('teams', 'u1')).toBeNull();
        expect(await store.getRef('users', 't1')).toBeNull();
      });

      it('lists the documents of one community only', async () => {
        expect(sortedById(await store.listRefs('users', 'c1'))).toEqual(sortedById(ref.users.filter((u) => u.communityId === 'c1')));
        expect(ids(sortedById(await store.listRefs('teams', 'c2')))).toEqual(['t5']);
        expect(ids(await store.listRefs('serviceItems', 'c2'))).toEqual(['si-meal']);
        expect(await store.listRefs('compounds', 'c-unknown')).toEqual([]);
      });

      it('lists every document of a kind when no community is given', async () => {
        for (const kind of REFERENCE_KINDS) expect(sortedById<{ id: string }>(await store.listRefs(kind)), kind).toEqual(sortedById<{ id: string }>(ref[kind]));
      });

      it('lists all communities and companies even when a community is given, as they belong to none', async () => {
        expect(ids(sortedById(await store.listRefs('companies', 'c1')))).toEqual(['co1', 'co2', 'co3']);
        expect(ids(sortedById(await store.listRefs('communities', 'c1')))).toEqual(['c1', 'c2']);
      });

      it('replaces a document put again under the same id, without duplicating it', async () => {
        const changed = { ...ref.users[1]!, onDuty: false, maxOpenOrders: 5, roles: ['worker' as const] };
        await store.putRefs('users', [changed]);
        expect(await store.getRef('users', changed.id)).toEqual(changed);
        expect((await store.listRefs('users', 'c1')).filter((u) => u.id === changed.id)).toHaveLength(1);
      });

      it('accepts an empty batch', async () => {
        await store.putRefs('teams', []);
        expect(await store.listRefs('teams')).toHaveLength(ref.teams.length);
      });

      it('inserts a document only when its id is free, leaving an existing one as it was', async () => {
        const report = ref.assessments[0]!;
        const fresh = { ...report, id: 'c1:2025-02', month: '2025-02' };
        expect(await store.insertRef('assessments', fresh)).toBe(true);
        expect(await store.getRef('assessments', fresh.id)).toEqual(fresh);
        expect(await store.insertRef('assessments', { ...report, publishedAt: T0, publishedBy: 's1' })).toBe(false);
        expect(await store.getRef('assessments', report.id)).toEqual(report);
        expect(ids(sortedById(await store.listRefs('assessments', 'c1')))).toEqual(['c1:2025-01', 'c1:2025-02']);
      });

      it('finds a user by WeChat openid, and null for an unknown openid', async () => {
        expect(await store.findUserByOpenid('openid-w1')).toEqual(ref.users[1]);
        expect(await store.findUserByOpenid('openid-unknown')).toBeNull();
      });
    });

    describe('commit', () => {
      const order = makeOrder({ id: 'o-commit' });
      const supervisors: Recipient = { kind: 'supervisors', communityId: 'c1' };
      beforeEach(async () => {
        await store.clear();
      });

      /** Everything a commit may write about `order`, to compare before and after a refused one. */
      const snapshot = async (keys: string[]) => ({
        order: await store.getOrder(order.id),
        events: await store.listEvents(order.id),
        notifications: await store.listNotifications([supervisors], 100),
        replies: await Promise.all(keys.map((k) => store.getReply(k))),
      });

      it('creates an order with its events, notifications and reply when the expected version is null', async () => {
        const n = makeNotification('n1', supervisors, T0, order.id);
        const reply = makeReply('u1:req-1');
        expect(await store.commit(createCommit(order, { notifications: [n], reply }))).toEqual({ ok: true });
        expect(await store.getOrder(order.id)).toEqual(order);
        expect(await store.listEvents(order.id)).toEqual([makeEvent(order, 1)]);
        expect(await store.listNotifications([supervisors], 10)).toEqual([n]);
        expect(await store.getReply(reply.key)).toEqual(reply);
      });

      it('refuses to create an order that already exists, with conflict "version", and writes nothing', async () => {
        await store.commit(createCommit(order));
        const before = await snapshot(['u1:dup']);
        const duplicate = createCommit(
          { ...order, description: 'another' },
          { notifications: [makeNotification('n-dup', supervisors, T0, order.id)], reply: makeReply('u1:dup') },
        );
        expect(await store.commit(duplicate)).toEqual({ ok: false, conflict: 'version' });
        expect(await snapshot(['u1:dup'])).toEqual(before);
      });

      it('moves an order on when the expected version matches', async () => {
        await store.commit(createCommit(order));
        const next = nextCommit(order, { state: 'pending_accept', updatedAt: T0 + HOUR, assignment: { mode: 'pool', teamId: 't1' } });
        expect(await store.commit(next)).toEqual({ ok: true });
        expect(await store.getOrder(order.id)).toEqual(next.order);
        expect(await store.listEvents(order.id)).toEqual([makeEvent(order, 1), ...next.events]);
      });

      it('refuses a commit whose expected version is stale and writes nothing', async () => {
        await store.commit(createCommit(order));
        await store.commit(nextCommit(order, { description: 'first change' }));
        const before = await snapshot(['u1:stale']);
        const stale = nextCommit(order, { description: 'lost update' }, {
          notifications: [makeNotification('n-stale', supervisors, T0, order.id)],
          reply: makeReply('u1:stale'),
        });
        expect(await store.commit(stale)).toEqual({ ok: false, conflict: 'version' });
        expect(await snapshot(['u1:stale'])).toEqual(before);
        expect((await store.getOrder(order.id))?.description).toBe('first change');
      });

      it('refuses a compare-and-set on an order that does not exist', async () => {
        expect(await store.commit(nextCommit(order, {}))).toEqual({ ok: false, conflict: 'version' });
        expect(await store.getOrder(order.id)).toBeNull();
        expect(await store.listEvents(order.id)).toEqual([]);
      });

      it('refuses a reused request id with conflict "request" and writes nothing', async () => {
        const first = makeReply('u1:req-1');
        await store.commit(createCommit(order, { reply: first }));
        const before = await snapshot([first.key]);
        const reuse = nextCommit(order, { description: 'second request, same id' }, {
          notifications: [makeNotification('n-reuse', supervisors, T0, order.id)],
          reply: { ...makeReply('u1:req-1', T0 + HOUR), fingerprint: 'another request' },
        });
        expect(await store.commit(reuse)).toEqual({ ok: false, conflict: 'request' });
        expect(await snapshot([first.key])).toEqual(before);
        expect(await store.getReply(first.key)).toEqual(first);
      });

      it('answers "request" before "version" when a retry finds its id used and the order moved on', async () => {
        const reply = makeReply('u1:req-1');
        const create = createCommit(order, { reply });
        await store.commit(create);
        expect(await store.commit(create)).toEqual({ ok: false, conflict: 'request' });
      });

      it('commits without a reply or notifications', async () => {
        expect(await store.commit(createCommit(order, { reply: null, notifications: [] }))).toEqual({ ok: true });
        expect(await store.commit(nextCommit(order, { state: 'cancelled' }))).toEqual({ ok: true });
        expect((await store.getOrder(order.id))?.version).toBe(2);
      });

      it('returns null for a reply key never used', async () => {
        expect(await store.getReply('u1:never')).toBeNull();
      });

      it('lists an order\u2019s events in seq order, numerically past 9', async () => {
        let current = order;
        await store.commit(createCommit(current));
        for (let v = 2; v <= 12; v++) {
          const c = nextCommit(current, { updatedAt: T0 + v * HOUR });
          expect(await store.commit(c)).toEqual({ ok: true });
          current = c.order;
        }
        expect((await store.listEvents(order.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        expect(await store.listEvents('o-unknown')).toEqual([]);
      });

      it('lets exactly one of 20 commits racing on the same expected version win', async () => {
        await store.commit(createCommit(order));
        const racers = Array.from({ length: 20 }, (_, i) =>
          nextCommit(order, { description: `racer ${i}` }, {
            notifications: [makeNotification(`n-race-${i}`, supervisors, T0 + i, order.id)],
            reply: makeReply(`u${i}:race`),
          }),
        );
        const results = await Promise.all(racers.map((c) => store.commit(c)));
        const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
        expect(winners).toHaveLength(1);
        expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 19 }, () => ({ ok: false, conflict: 'version' })));
        const w = winners[0]!;
        expect(await store.getOrder(order.id)).toEqual(racers[w]!.order);
        expect((await store.listEvents(order.id)).map((e) => e.seq)).toEqual([1, 2]);
        expect(ids(await store.listNotifications([supervisors], 100))).toEqual([`n-race-${w}`]);
        const replies = await Promise.all(racers.map((c) => store.getReply(c.reply!.key)));
        expect(replies.flatMap((r, i) => (r ? [i] : []))).toEqual([w]);
      });

      it('lets exactly one of 10 racing creates of the same order win', async () => {
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.commit(createCommit({ ...order, description: `creator ${i}` }))));
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok && r.conflict === 'version')).toHaveLength(9);
        expect(await store.listEvents(order.id)).toHaveLength(1);
      });

      it('lets exactly one of 5 racing commits with the same request id win, on different orders', async () => {
        const results = await Promise.all(
          Array.from({ length: 5 }, (_, i) => store.commit(createCommit(makeOrder({ id: `o-same-req-${i}` }), { reply: makeReply('u1:same') }))),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok && r.conflict === 'request')).toHaveLength(4);
        const written = await Promise.all(Array.from({ length: 5 }, (_, i) => store.getOrder(`o-same-req-${i}`)));
        expect(written.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('listing and counting orders', () => {
      const orders = generateOrders(60);
      beforeAll(async () => {
        await store.clear();
        for (const o of orders) expect(await store.commit(createCommit(o))).toEqual({ ok: true });
      });
      const visible = (scope: OrderScope, filter: OrderFilter = {}) =>
        orders.filter((o) => inScope(o, scope) && matchesFilter(o, filter)).sort(byNewestChange);

      it('is tested on orders that tell the scopes apart', () => {
        const pool = orders.filter((o) => o.assignment?.mode === 'pool');
        expect(pool.some((o) => o.state === 'pending_accept')).toBe(true);
        expect(pool.some((o) => o.state !== 'pending_accept')).toBe(true);
        expect(new Set(orders.map((o) => o.updatedAt)).size).toBeLessThan(orders.length - 5); // ties on updatedAt
        const nonEmpty = SCOPES.filter(([, s]) => visible(s).length > 0).map(([label]) => label);
        expect(nonEmpty).toEqual(expect.arrayContaining(SCOPES.filter(([l]) => !/another|unknown|no scope/.test(l)).map(([l]) => l)));
      });

      it.each(SCOPES)('lists exactly what %s may see, newest change first', async (_label, scope) => {
        const page = await store.listOrders(scope, {}, { limit: 500 });
        expect(ids(page.items)).toEqual(ids(visible(scope)));
        expect(page.nextCursor).toBeNull();
      });

      it.each(SCOPES)('counts by state what %s may see', async (_label, scope) => {
        expect(await store.countByState(scope, {})).toEqual(expectedCounts(visible(scope)));
      });

      it.each(FILTERS)('narrows a supervisor\u2019s list and counts by %s', async (_label, filter) => {
        const scope: OrderScope = { kind: 'community', communityId: 'c1' };
        expect(ids((await store.listOrders(scope, filter, { limit: 500 })).items)).toEqual(ids(visible(scope, filter)));
        expect(await store.countByState(scope, filter)).toEqual(expectedCounts(visible(scope, filter)));
      });

      it.each(FILTERS)('narrows a worker\u2019s list and counts by %s within their scope', async (_label, filter) => {
        const scope = SCOPES[3]![1];
        expect(ids((await store.listOrders(scope, filter, { limit: 500 })).items)).toEqual(ids(visible(scope, filter)));
        expect(await store.countByState(scope, filter)).toEqual(expectedCounts(visible(scope, filter)));
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
        const pages = await allPages(store, scope, filter, limit);
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
          const page = await store.listOrders(scope, filter, { limit: 4, cursor, sort: 'oldest' });
          pages.push(page.items);
          cursor = page.nextCursor;
        } while (cursor && pages.length < 100);
        expect(new Set(orders.map((o) => o.createdAt)).size).toBeLessThan(orders.length); // ties on createdAt
        expect(pages.flat().map((o) => o.id)).toEqual(expected);
      });

      it('lists the orders due for the sweep by now, soonest first, up to the limit', async () => {
        const now = T0 + 20 * HOUR;
        const due = orders
          .map((o) => ({ o, at: nextSweepAt(o) }))
          .filter((x): x is { o: Order; at: number } => x.at !== null && x.at <= now)
          .sort((a, b) => a.at - b.at);
        expect(due.length).toBeGreaterThan(6);
        expect(due.length).toBeLessThan(orders.filter((o) => nextSweepAt(o) !== null).length);
        const all = await store.listDueForSweep(now, 1000);
        expect(all.map((o) => nextSweepAt(o))).toEqual(due.map((x) => x.at));
        expect(ids(sortedById(all))).toEqual(ids(sortedById(due.map((x) => x.o))));
        expect(all).toEqual(expect.arrayContaining(due.map((x) => x.o)));
        const first = await store.listDueForSweep(now, 5);
        expect(first.map((o) => nextSweepAt(o))).toEqual(due.slice(0, 5).map((x) => x.at));
      });

      it.each(GROUP_BYS)('sums the 三率 facts of a community and period grouped by %s, as the core counts them', async (by) => {
        const period = { from: T0 + 2 * HOUR, to: T0 + 26 * HOUR };
        const asOf = T0 + 40 * HOUR;
        const expected = expectedSums(orders, 'c1', period, by, asOf);
        expect(expected.length).toBeGreaterThan(0);
        expect(byKey(await store.metricSums('c1', period, by, asOf))).toEqual(byKey(expected));
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
            orders.filter((o) => o.assignment?.mode === 'member' && o.assignment.workerId === w && OPEN_FOR_WORKER.includes(o.state)).length,
          ]),
        );
        expect(Object.values(expected).some((n) => n > 0)).toBe(true);
        expect(await store.openOrdersOf(workers)).toEqual(expected);
        expect(await store.openOrdersOf([])).toEqual({});
      });
    });

    describe('statistics across China-time calendar boundaries', () => {
      // UTC instants around CST (UTC+8) midnights: a Sunday/Monday, a month end, a year end.
      const cst = (iso: string) => Date.parse(`${iso}+08:00`);
      const placed = [
        '2024-12-31T23:30:00', '2025-01-01T00:10:00', '2025-01-05T23:59:59.999', '2025-01-06T00:00:00',
        '2025-01-31T23:59:00', '2025-02-01T00:00:00', '2025-03-02T12:00:00', '2025-03-03T07:59:00', '2025-03-03T08:00:00',
      ].map(cst);
      const orders = placed.map((createdAt, i) =>
        makeOrder({ id: `ob${i}`, communityId: 'c3', createdAt, updatedAt: createdAt, state: i % 2 ? 'closed' : 'refused', closedAt: i % 2 ? createdAt + HOUR : null }),
      );
      beforeAll(async () => {
        await store.clear();
        for (const o of orders) expect(await store.commit(createCommit(o))).toEqual({ ok: true });
      });

      it.each(['day', 'week', 'month'] as const)('buckets orders by %s in China time', async (by) => {
        const period = { from: cst('2024-12-01T00:00:00'), to: cst('2025-04-01T00:00:00') };
        const expected = expectedSums(orders, 'c3', period, by, period.to);
        expect(expected.length).toBe({ day: 8, week: 5, month: 4 }[by]);
        expect(byKey(await store.metricSums('c3', period, by, period.to))).toEqual(byKey(expected));
      });
    });

    describe('notifications', () => {
      const u1: Recipient = { kind: 'user', userId: 'u1' };
      const u2: Recipient = { kind: 'user', userId: 'u2' };
      const t1: Recipient = { kind: 'team', teamId: 't1' };
      const co1: Recipient = { kind: 'company', companyId: 'co1' };
      const sup: Recipient = { kind: 'supervisors', communityId: 'c1' };
      const all = [
        makeNotification('n1', u1, T0 + 1),
        makeNotification('n2', t1, T0 + 5),
        makeNotification('n3', u2, T0 + 6),
        makeNotification('n4', u1, T0 + 3),
        makeNotification('n5', co1, T0 + 7),
        makeNotification('n6', sup, T0 + 2),
        makeNotification('n7', t1, T0 + 4),
      ];
      beforeAll(async () => {
        await store.clear();
        await store.commit(createCommit(makeOrder({ id: 'o1' }), { notifications: all.slice(0, 4) }));
        await store.commit(createCommit(makeOrder({ id: 'o2' }), { notifications: all.slice(4) }));
      });

      it('lists the notifications of the given recipients, newest first', async () => {
        expect(ids(await store.listNotifications([u1, t1], 10))).toEqual(['n2', 'n7', 'n4', 'n1']);
        expect(await store.listNotifications([co1], 10)).toEqual([all[4]]);
        expect(ids(await store.listNotifications([sup, u2], 10))).toEqual(['n3', 'n6']);
      });

      it('returns at most the limit, keeping the newest', async () => {
        expect(ids(await store.listNotifications([u1, t1, u2], 2))).toEqual(['n3', 'n2']);
      });

      it('returns nothing for no recipients or an unknown one', async () => {
        expect(await store.listNotifications([], 10)).toEqual([]);
        expect(await store.listNotifications([{ kind: 'user', userId: 'nobody' }], 10)).toEqual([]);
      });
    });

    describe('clear', () => {
      it('removes every document of every kind, and the store stays usable', async () => {
        const ref = referenceData();
        for (const kind of REFERENCE_KINDS) await store.putRefs(kind, ref[kind]);
        const order = makeOrder({ id: 'o-clear', assignment: { mode: 'member', teamId: 't1', workerId: 'w1' }, state: 'accepted' });
        const n = makeNotification('n-clear', { kind: 'user', userId: 'u1' }, T0, order.id);
        await store.commit(createCommit(order, { notifications: [n], reply: makeReply('u1:clear') }));

        await store.clear();

        for (const kind of REFERENCE_KINDS) expect(await store.listRefs(kind), kind).toEqual([]);
        expect(await store.findUserByOpenid('openid-u1')).toBeNull();
        expect(await store.getOrder(order.id)).toBeNull();
        expect(await store.listEvents(order.id)).toEqual([]);
        expect(await store.listNotifications([n.to], 10)).toEqual([]);
        expect(await store.getReply('u1:clear')).toBeNull();
        expect((await store.listOrders({ kind: 'community', communityId: 'c1' }, {}, { limit: 10 })).items).toEqual([]);
        expect(await store.countByState({ kind: 'community', communityId: 'c1' }, {})).toEqual(zeroCounts());
        expect(await store.openOrdersOf(['w1'])).toEqual({ w1: 0 });

        expect(await store.commit(createCommit(order, { reply: makeReply('u1:clear') }))).toEqual({ ok: true });
      });
    });
  });
}
