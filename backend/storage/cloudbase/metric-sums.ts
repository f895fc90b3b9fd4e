import type { CollectionReference, Db } from '@cloudbase/database';
import { isCut, type GroupBy, type Millis, type MetricSums, type StatsCut } from '@core';
import type { GroupSums } from '../port';
import { dayStart, dueOnly, groupEntries, mergeGroups, splitPeriod, type RollupEntry } from '../rollups';
import { fetchAll } from './collections';
import { entriesOf } from './rollup-docs';

const FLAGS = ['respondedOnTime', 'resolved', 'rated', 'satisfied', 'closed', 'handlingMs', 'overdue'] as const;
/** Groups per grouping: days of a period, teams, workers… The service returns 20 without a $limit and 1,000 at most. */
const MAX_GROUPS = 1000;
type Rows = { data?: Record<string, unknown>[] };
const keyOfRow = (g: Record<string, unknown>) => (typeof g._id === 'string' ? g._id : null);
const sumsOfRow = (g: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(['orders', 'due', ...FLAGS].map((k) => [k, names.includes(k) ? Number(g[k] ?? 0) : 0])) as unknown as MetricSums;

/**
 * The 三率 sums of a community's orders placed in [from, to), for several groupings, as the
 * embedded store answers them (see rollups.ts): the whole days from the rollup collection, one
 * document per day whatever the number of orders; the partial days at the ends and the read-time part of `due` (unsettled orders past their
 * deadline) from the orders, through the fields order-doc.ts derives with the core's own functions.
 * `pending` is what the rollups do not hold yet (orders still due for the fold, rollup-fold.ts): added
 * to the rows of the whole days it falls on.
 */
export async function metricSumsMany(
  colls: { readonly orders: CollectionReference; readonly rollups: CollectionReference },
  _: Db['command'],
  communityId: string,
  period: { from: Millis; to: Millis },
  bys: readonly GroupBy[],
  asOf: Millis,
  cut?: StatsCut,
  pending: readonly RollupEntry[] = [],
): Promise<GroupSums[][]> {
  const $ = _.aggregate;
  const split = splitPeriod(period);

  // The rollup documents of the period's whole days: one per day.
  const days = split.days;
  const entries = days
    ? [
        ...(await fetchAll(colls.rollups, _, _.and([{ communityId }, { day: _.gte(days.fromDay) }, { day: _.lt(days.toDay) }]), 'day')).flatMap(entriesOf),
        ...pending.filter((e) => e.day >= days.fromDay && e.day < days.toDay),
      ]
    : [];

  const fromOrders = async (by: GroupBy, match: object, names: readonly string[]): Promise<GroupSums[]> => {
    const res = (await colls.orders
      .aggregate()
      .match(match)
      .group({
        _id: by === 'all' ? null : `$idx.groups.${by}`,
        orders: $.sum(1),
        due: $.sum($.cond({ if: $.or([$.eq(['$idx.settled', 1]), $.lte(['$idx.resolveDueAt', asOf])]), then: 1, else: 0 })),
        ...Object.fromEntries(FLAGS.map((f) => [f, $.sum(`$idx.${f}`)])),
      })
      .limit(MAX_GROUPS)
      .end()) as Rows;
    return (res.data ?? []).map((g) => ({ key: keyOfRow(g), sums: names.length === 1 ? dueOnly(Number(g.orders ?? 0)) : sumsOfRow(g, names) }));
  };
  const counted = { communityId, 'idx.counted': 1 };
  const range = (r: { from: Millis; to: Millis }) => _.and([{ createdAt: _.gte(r.from) }, { createdAt: _.lt(r.to) }]);
  // A compound's or building's orders are counted whole from the orders (the rollups are the
  // community's), through the cut's index (schema.ts: community_compound_created, community_building_created).
  if (isCut(cut)) {
    const place = { ...(cut.compoundId !== null ? { compoundId: cut.compoundId } : {}), ...(cut.buildingId !== null ? { buildingId: cut.buildingId } : {}) };
    const match = _.and([{ ...counted, ...place }, range(period)]);
    return Promise.all(bys.map((by) => fromOrders(by, match, ['orders', 'due', ...FLAGS]).then((groups) => mergeGroups([groups]))));
  }
  const edges = (by: GroupBy) =>
    split.edges.length === 0 ? Promise.resolve([]) : fromOrders(by, _.and([counted, _.or(split.edges.map(range))]), ['orders', 'due', ...FLAGS]);
  // Only unsettled orders whose deadline falls on the day of asking, up to the moment: the rollups say the rest.
  const due = (by: GroupBy) =>
    split.days
      ? fromOrders(
          by,
          _.and([
            { ...counted, 'idx.settled': 0 },
            { createdAt: _.gte(split.days.from) },
            { createdAt: _.lt(split.days.to) },
            { 'idx.resolveDueAt': _.gte(dayStart(asOf)) },
            { 'idx.resolveDueAt': _.lte(asOf) },
          ]),
          ['due'],
        )
      : Promise.resolve([]);

  return Promise.all(bys.map(async (by) => mergeGroups([groupEntries(entries, by, asOf), ...(await Promise.all([edges(by), due(by)]))])));
}
