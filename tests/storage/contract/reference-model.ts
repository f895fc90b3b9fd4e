import { ORDER_STATES, ZERO_SUMS, addFacts, groupKey, orderFacts, type GroupBy, type MetricSums, type Order, type OrderScope, type OrderState } from '@core';
import type { OrderFilter, Store } from '@backend/storage/port';
import { T0 } from '../fixtures';

/** The store under test, read lazily: the parts register tests before the store is opened. */
export type StoreRef = () => Store;

export const HOUR = 3_600_000;

/** The reference reading of a filter, beside the core's `inScope` for scopes. */
export function matchesFilter(o: Order, f: OrderFilter): boolean {
  return (
    (f.states === undefined || f.states.includes(o.state)) &&
    (f.compoundId === undefined || o.compoundId === f.compoundId) &&
    (f.teamId === undefined || o.assignment?.teamId === f.teamId) &&
    (f.category === undefined || o.category === f.category) &&
    (f.createdFrom === undefined || o.createdAt >= f.createdFrom) &&
    (f.createdTo === undefined || o.createdAt < f.createdTo) &&
    (f.attention === undefined || needsAttention(o, f.attention)) &&
    (f.open === undefined || f.open === !['closed', 'cancelled', 'refused'].includes(o.state)) &&
    (f.kind === undefined || o.kind === f.kind) &&
    (f.meetingId === undefined || (o.grievance?.route?.to === 'roundtable' && o.grievance.route.meetingId === f.meetingId))
  );
}

/** The supervisor's queues as the port describes them. */
export function needsAttention(o: Order, queue: NonNullable<OrderFilter['attention']>): boolean {
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
export function expectedSums(orders: readonly Order[], communityId: string, period: { from: number; to: number }, by: GroupBy, asOf: number) {
  const groups = new Map<string | null, MetricSums>();
  for (const o of orders) {
    const f = orderFacts(o);
    if (o.communityId !== communityId || !f.counted || o.createdAt < period.from || o.createdAt >= period.to) continue;
    const key = groupKey(f, by);
    groups.set(key, addFacts(groups.get(key) ?? ZERO_SUMS, f, asOf));
  }
  return [...groups].map(([key, sums]) => ({ key, sums }));
}
export const byKey = <T extends { key: string | null }>(rows: readonly T[]) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));

/** Newest change first; ties broken by id, descending. */
export const byNewestChange = (a: Order, b: Order) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
export const ids = (os: readonly { id: string }[]) => os.map((o) => o.id);
export const sortedById = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
export const zeroCounts = () => Object.fromEntries(ORDER_STATES.map((s) => [s, 0])) as Record<OrderState, number>;

export function expectedCounts(orders: readonly Order[]) {
  const counts = zeroCounts();
  for (const o of orders) counts[o.state] += 1;
  return counts;
}

/** Follows nextCursor to the end, keeping every page. */
export async function allPages(store: Store, scope: OrderScope, filter: OrderFilter, limit: number) {
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

export const SCOPES: readonly [string, OrderScope][] = [
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

export const FILTERS: readonly [string, OrderFilter][] = [
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
  ['open orders', { open: true }],
  ['terminal orders', { open: false }],
  ['诉求 only', { kind: 'grievance' }],
  ['a roundtable meeting’s agenda', { meetingId: 'm1' }],
  ['all at once', { states: ['pending_accept', 'accepted', 'in_service'], compoundId: 'cp1', teamId: 't1', createdFrom: T0 + HOUR }],
];
