import {
  addFacts,
  addSums,
  chinaDate,
  chinaDateStart,
  chinaMidnight,
  DAY,
  groupKey,
  ZERO_SUMS,
  type GroupBy,
  type Millis,
  type MetricSums,
  type OrderFacts,
  type ServiceCategory,
} from '@core';
import type { GroupSums } from './port';

/**
 * Statistics rollups: the 三率 sums kept per community, China-time day of placing and one
 * dimension of the board (all orders, or one team, worker, compound, company or category), changed
 * with every commit of the order (its old facts taken out, its new facts put in; folded in after
 * the commit, and always before the rollups are read), so the board
 * reads a month's rollups — a few dozen rows per day, however many orders — and not the orders.
 * (One row per combination of all keys was tried first: with real variety it has nearly as many
 * rows as orders.)
 *
 * What is rolled up: every count that depends on the order alone. What depends on the moment asked
 * is `due`: an order counts once it is settled OR its resolve deadline has passed by then. The
 * rollup keeps `due` = the settled orders, and keeps the unsettled ones in rows of their own, keyed
 * also by the day their resolve deadline falls on (`openDueDay`): when asked, a row whose deadline
 * day is before the day of asking is due entirely, one after it not at all, and only the unsettled
 * orders whose deadline falls on the day of asking itself are counted from the orders (at most one
 * day's deadlines). Orders placed in the partial days at either end of a period that does not start
 * and end at midnight are counted from the orders too.
 */
export interface RollupKeys {
  /** China-time calendar day of placing, YYYY-MM-DD (the core's `day` grouping). */
  readonly day: string;
  readonly teamId: string | null;
  readonly workerId: string | null;
  readonly compoundId: string;
  readonly companyId: string;
  readonly category: ServiceCategory;
  /** For unsettled orders, the China-time day their resolve deadline falls on; null for settled ones. */
  readonly openDueDay: string | null;
}

/** One row of sums under its keys: a rollup row, or orders counted at read time. */
export interface KeyedSums {
  readonly keys: RollupKeys;
  readonly sums: MetricSums;
}

/** The board's dimensions a rollup row sums one of; days, weeks and months are sums of the `all` rows. */
export const DIMS = ['all', 'team', 'worker', 'compound', 'company', 'category'] as const;
export type Dim = (typeof DIMS)[number];
const dimOf = (by: GroupBy): Dim => (by === 'day' || by === 'week' || by === 'month' ? 'all' : by);

/** One rollup row: the sums of a day's orders with one key in one dimension (null: none, as an unassigned order's team). */
export interface RollupEntry {
  readonly day: string;
  readonly dim: Dim;
  readonly key: string | null;
  /** For unsettled orders, the China-time day their resolve deadline falls on; null for settled ones. */
  readonly openDueDay: string | null;
  readonly sums: MetricSums;
}

/** A signed change to one rollup row. */
export interface RollupChange extends RollupEntry {
  readonly communityId: string;
  /** The row's id: its community and keys (ids never contain `|`). */
  readonly id: string;
}

/** The midnight (China time) that starts the day of `t`. */
export const dayStart = chinaMidnight;
/** The day of `t` as the core's `day` grouping names it. */
export const dayOf = chinaDate;
/** The midnight (China time) that starts a named day. */
const startOfDay = chinaDateStart;

/** What an order adds to its rollup row: the core's addFacts as of no moment, so `due` counts the settled only. */
const contribution = (f: OrderFacts): MetricSums => addFacts(ZERO_SUMS, f, Number.NEGATIVE_INFINITY);

/** A row's sums being added up, changed in place (each row's own object). */
type Tally = { -readonly [K in keyof MetricSums]: number };
const tallyOf = (s: MetricSums, sign: 1 | -1): Tally => ({
  orders: sign * s.orders,
  respondedOnTime: sign * s.respondedOnTime,
  due: sign * s.due,
  resolved: sign * s.resolved,
  rated: sign * s.rated,
  satisfied: sign * s.satisfied,
  closed: sign * s.closed,
  handlingMs: sign * s.handlingMs,
  overdue: sign * s.overdue,
});
function addInto(t: Tally, s: MetricSums, sign: 1 | -1): void {
  t.orders += sign * s.orders;
  t.respondedOnTime += sign * s.respondedOnTime;
  t.due += sign * s.due;
  t.resolved += sign * s.resolved;
  t.rated += sign * s.rated;
  t.satisfied += sign * s.satisfied;
  t.closed += sign * s.closed;
  t.handlingMs += sign * s.handlingMs;
  t.overdue += sign * s.overdue;
}

const isZero = (s: MetricSums) =>
  s.orders === 0 &&
  s.respondedOnTime === 0 &&
  s.due === 0 &&
  s.resolved === 0 &&
  s.rated === 0 &&
  s.satisfied === 0 &&
  s.closed === 0 &&
  s.handlingMs === 0 &&
  s.overdue === 0;

/** Whether an order's move leaves every counted fact as it was (facts hold primitives only). */
export const sameFacts = (a: OrderFacts | null, b: OrderFacts | null): boolean => {
  if (!a?.counted && !b?.counted) return true;
  if (!a || !b) return false;
  for (const k in a) if (a[k as keyof OrderFacts] !== b[k as keyof OrderFacts]) return false;
  return true;
};

/**
 * The rollup rows several orders' changes touch, each row's gains and losses summed: for each, its
 * old facts (null for a new order) taken out and its new ones put in, none when nothing counted
 * changed. Both stores fold many changes at once after their commits (the embedded store from its
 * queue, CloudBase from the orders its commits marked), so the rows of a busy day collapse into few.
 */
export function mergeChanges(moves: Iterable<readonly [OrderFacts | null, OrderFacts | null]>): RollupChange[] {
  const rows: MergedRows = new Map();
  for (const [before, after] of moves) {
    // Most transitions change nothing counted: skip the keys and sums.
    if (sameFacts(before, after)) continue;
    putFacts(rows, before, -1);
    putFacts(rows, after, 1);
  }
  const moved: RollupChange[] = [];
  for (const { change, tally } of rows.values()) if (!isZero(tally)) moved.push({ ...change, sums: tally });
  return moved;
}

/** Rollup rows being merged, by row id. */
type MergedRows = Map<string, { change: Omit<RollupChange, 'sums'>; tally: Tally }>;

/**
 * Adds (sign 1) or takes out (-1) one order's facts in the rows of each dimension. A function of its
 * own rather than a closure made per merge: V8 compiled a fresh closure's code anew at each fold.
 */
function putFacts(rows: MergedRows, f: OrderFacts | null, sign: 1 | -1): void {
  if (!f?.counted) return;
  const placed = dayOf(f.createdAt);
  const openDueDay = f.settled ? null : dayOf(f.resolveDueAt);
  const sums = contribution(f);
  const prefix = `${f.communityId}|${placed}|`;
  const suffix = `|${openDueDay ?? ''}`;
  for (const dim of DIMS) {
    const key = groupKey(f, dim);
    const id = `${prefix}${dim}|${key ?? ''}${suffix}`;
    const had = rows.get(id);
    if (had) addInto(had.tally, sums, sign);
    else rows.set(id, { change: { communityId: f.communityId, id, day: placed, dim, key, openDueDay }, tally: tallyOf(sums, sign) });
  }
}

/**
 * Rollup rows summed into one grouping's groups as of a moment: the rows of the grouping's
 * dimension, with `due` completed by dueByDay. Null key first, then ascending; empty groups left out.
 */
export function groupEntries(entries: readonly RollupEntry[], by: GroupBy, asOf: Millis): GroupSums[] {
  const dim = dimOf(by);
  const groups = new Map<string | null, MetricSums>();
  for (const e of entries) {
    if (e.dim !== dim) continue;
    const key = dim === 'all' ? (by === 'all' ? null : keyOf({ day: e.day } as RollupKeys, by)) : e.key;
    const sums = { ...e.sums, due: e.sums.due + dueByDay(e.openDueDay, e.sums.orders, asOf) };
    const had = groups.get(key);
    groups.set(key, had ? addSums(had, sums) : sums);
  }
  return sortGroups([...groups].filter(([, s]) => s.orders > 0).map(([key, sums]) => ({ key, sums })));
}

/**
 * A period cut at China-time midnights: the whole days the rollups answer for (`fromDay` inclusive,
 * `toDay` exclusive; null when it holds no whole day) and the partial days at its ends, counted from the orders.
 */
export interface SplitPeriod {
  readonly days: { readonly from: Millis; readonly to: Millis; readonly fromDay: string; readonly toDay: string } | null;
  readonly edges: readonly { readonly from: Millis; readonly to: Millis }[];
}

const LAST_DAY = Date.parse('9999-12-31T00:00:00Z');

export function splitPeriod(p: { from: Millis; to: Millis }): SplitPeriod {
  if (!(p.from < p.to)) return { days: null, edges: [] };
  const a = dayStart(p.from) === p.from ? p.from : dayStart(p.from) + DAY;
  // A bound past the year 9999 (a caller's "all time") has no day name: the days run on without end.
  const b = p.to < LAST_DAY ? dayStart(p.to) : Number.POSITIVE_INFINITY;
  if (!Number.isFinite(a) || a >= b) return { days: null, edges: [p] };
  const edges = [...(p.from < a ? [{ from: p.from, to: a }] : []), ...(b < p.to ? [{ from: b, to: p.to }] : [])];
  return { days: { from: a, to: b, fromDay: dayOf(a), toDay: Number.isFinite(b) ? dayOf(b) : '9999-12-31' }, edges };
}

/** Keyed rows (orders counted at read time) summed into one grouping's groups, to be merged with the rollups' (mergeGroups). */
export function groupRows(rows: readonly KeyedSums[], by: GroupBy): GroupSums[] {
  return mergeGroups(
    rows.map((r) => [{ key: keyOf(r.keys, by), sums: r.sums }]),
    true,
  );
}

/** The group a row of keys falls in, as the core's groupKey puts an order whose facts carry those keys. */
export function keyOf(k: RollupKeys, by: GroupBy): string | null {
  const facts = {
    teamId: k.teamId,
    workerId: k.workerId,
    compoundId: k.compoundId,
    companyId: k.companyId,
    category: k.category,
    createdAt: startOfDay(k.day),
  };
  return groupKey(facts as OrderFacts, by);
}

/** Several lists of one grouping's groups summed key by key (rollups, partial days and read-time `due`). */
export function mergeGroups(lists: readonly (readonly GroupSums[])[], keepEmpty = false): GroupSums[] {
  const groups = new Map<string | null, MetricSums>();
  for (const g of lists.flat()) groups.set(g.key, addSums(groups.get(g.key) ?? ZERO_SUMS, g.sums));
  return sortGroups([...groups].filter(([, s]) => keepEmpty || s.orders > 0).map(([key, sums]) => ({ key, sums })));
}

/** Null key first, then ascending, as SQL's ORDER BY returns them. */
export const sortGroups = (groups: GroupSums[]): GroupSums[] =>
  groups.sort((a, b) => (a.key === b.key ? 0 : a.key === null ? -1 : b.key === null ? 1 : a.key < b.key ? -1 : 1));

/**
 * What a rollup row adds to `due` as of a moment beyond its settled orders: all its orders when they
 * are unsettled and their deadline day ended before the day of `asOf` (that day's own are counted from the orders).
 */
export const dueByDay = (openDueDay: string | null, orders: number, asOf: Millis): number => (openDueDay !== null && openDueDay < dayOf(asOf) ? orders : 0);

/** A `due` count alone: added to rollup sums it makes them what addFacts gives as of the moment asked. */
export const dueOnly = (n: number): MetricSums => ({ ...ZERO_SUMS, due: n });
