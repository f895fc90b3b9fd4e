import type Database from 'better-sqlite3';
import { noOnBehalf, PROXY_RELATIONS, type OnBehalfCounts, type ProxyRelation, type StatsCut } from '@core';
import { BUILDING_COLUMN } from './rollup-sql';

/** Who placed the order on the resident's behalf (a column written when it is placed). */
const RELATION = 'proxy_relation';

/**
 * 代下单 are a small share of the orders: a partial index holds only them, so counting a month's
 * reads those orders and no other. Created on every open (IF NOT EXISTS), so an older file gains it.
 */
export const ON_BEHALF_INDEX = `CREATE INDEX IF NOT EXISTS orders_on_behalf ON orders (community_id, created_at) WHERE ${RELATION} IS NOT NULL;`;

/** The statement behind the store's onBehalfCounts, prepared once. */
export function onBehalfStatement(db: Database.Database) {
  const rows = db.prepare(
    `SELECT ${RELATION} AS relation, COUNT(*) AS n, SUM(json_extract(doc, '$.confirmedOnBehalf') IS 1) AS confirmed
     FROM orders INDEXED BY orders_on_behalf
     WHERE community_id = @communityId AND created_at >= @from AND created_at < @to AND counted = 1 AND ${RELATION} IS NOT NULL
       AND (@compoundId IS NULL OR compound_id = @compoundId) AND (@buildingId IS NULL OR ${BUILDING_COLUMN} = @buildingId)
     GROUP BY 1`,
  );
  return (communityId: string, period: { from: number; to: number }, cut?: StatsCut): OnBehalfCounts => {
    const counts = noOnBehalf() as Record<ProxyRelation, { orders: number; confirmed: number }>;
    const params = { communityId, from: period.from, to: period.to, compoundId: cut?.compoundId ?? null, buildingId: cut?.buildingId ?? null };
    for (const r of rows.all(params) as { relation: string; n: number; confirmed: number }[])
      if ((PROXY_RELATIONS as readonly string[]).includes(r.relation)) counts[r.relation as ProxyRelation] = { orders: r.n, confirmed: r.confirmed };
    return counts;
  };
}
