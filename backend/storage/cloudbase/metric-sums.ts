import type { CollectionReference, Db } from '@cloudbase/database';
import type { GroupBy, Millis, MetricSums } from '@core';
import type { GroupSums } from '../port';

const FLAGS = ['respondedOnTime', 'resolved', 'rated', 'satisfied', 'closed', 'handlingMs', 'overdue'] as const;

/**
 * The 三率 sums of a community's orders placed in [from, to), by one aggregation over the fields
 * order-doc.ts derives with the core's own orderFacts and groupKey, so both stores count alike.
 * Only `due` depends on the moment of asking, so it is the one condition computed here.
 */
export async function metricSums(
  orders: CollectionReference,
  _: Db['command'],
  communityId: string,
  period: { from: Millis; to: Millis },
  by: GroupBy,
  asOf: Millis,
): Promise<GroupSums[]> {
  const $ = _.aggregate;
  const sums = Object.fromEntries(FLAGS.map((f) => [f, $.sum(`$idx.${f}`)]));
  const res = (await orders
    .aggregate()
    .match(_.and([{ communityId, 'idx.counted': 1 }, { createdAt: _.gte(period.from) }, { createdAt: _.lt(period.to) }]))
    .group({
      _id: by === 'all' ? null : `$idx.groups.${by}`,
      orders: $.sum(1),
      due: $.sum($.cond({ if: $.or([$.eq(['$idx.settled', 1]), $.lte(['$idx.resolveDueAt', asOf])]), then: 1, else: 0 })),
      ...sums,
    })
    .limit(10_000) // one row per group: days of a period, teams, workers…
    .end()) as { data?: Record<string, unknown>[] };
  const rows = (res.data ?? []).map((g) => ({
    key: typeof g._id === 'string' ? g._id : null,
    sums: Object.fromEntries(['orders', 'due', ...FLAGS].map((k) => [k, Number(g[k] ?? 0)])) as unknown as MetricSums,
  }));
  // Null key first, then ascending, as the embedded store's ORDER BY returns them.
  return rows.sort((a, b) => (a.key === b.key ? 0 : a.key === null ? -1 : b.key === null ? 1 : a.key < b.key ? -1 : 1));
}
