import type { CollectionReference, Db } from '@cloudbase/database';
import { noOnBehalf, PROXY_RELATIONS, type Millis, type OnBehalfCounts, type ProxyRelation, type StatsCut } from '@core';

/**
 * 代下单 in a period on CloudBase: one aggregation over the community's counted orders that name a
 * proxy (index community_proxy_created, schema.ts), grouped by the proxy's relation.
 */
export async function onBehalfCounts(
  orders: CollectionReference,
  _: Db['command'],
  communityId: string,
  period: { from: Millis; to: Millis },
  cut?: StatsCut,
): Promise<OnBehalfCounts> {
  const $ = _.aggregate;
  const place = { ...(cut?.compoundId ? { compoundId: cut.compoundId } : {}), ...(cut?.buildingId ? { buildingId: cut.buildingId } : {}) };
  const res = (await orders
    .aggregate()
    .match(
      _.and([
        { communityId, 'proxy.relation': _.in([...PROXY_RELATIONS]), 'idx.counted': 1, ...place },
        { createdAt: _.gte(period.from) },
        { createdAt: _.lt(period.to) },
      ]),
    )
    // `if` on the field itself: true counts, false and absent (orders before the flag) do not.
    .group({ _id: '$proxy.relation', n: $.sum(1), confirmed: $.sum($.cond({ if: '$confirmedOnBehalf', then: 1, else: 0 })) })
    .end()) as { data?: Record<string, unknown>[] };
  const counts = noOnBehalf() as Record<ProxyRelation, { orders: number; confirmed: number }>;
  for (const g of res.data ?? [])
    if ((PROXY_RELATIONS as readonly unknown[]).includes(g._id))
      counts[g._id as ProxyRelation] = { orders: Number(g.n ?? 0), confirmed: Number(g.confirmed ?? 0) };
  return counts;
}
