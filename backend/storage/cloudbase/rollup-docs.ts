import type { MetricSums } from '@core';
import type { Dim, RollupEntry } from '../rollups';

/**
 * The statistics rollups on CloudBase: one document per community and China-time day, holding
 * that day's rollup rows (rollups.ts), so a month's board reads about thirty documents however many
 * orders there were. `due` is kept as the settled count, as in the embedded store. The rows are a
 * map by row field (rowField), so a commit adds to them with `_.inc` in one request.
 */
export interface RollupRowDoc extends MetricSums {
  readonly dim: Dim;
  readonly key: string | null;
  readonly openDueDay: string | null;
}

export const rollupDocId = (communityId: string, day: string) => `${communityId}|${day}`;
export const rowKey = (r: Pick<RollupRowDoc, 'dim' | 'key' | 'openDueDay'>) => `${r.dim}|${r.key ?? ''}|${r.openDueDay ?? ''}`;
/** A row's field name in its document's `rows` map: its key, with what a field path cannot hold escaped. */
export const rowField = (r: Pick<RollupRowDoc, 'dim' | 'key' | 'openDueDay'>) => rowKey(r).replace(/[%.$]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);

export const SUMS = ['orders', 'respondedOnTime', 'due', 'resolved', 'rated', 'satisfied', 'closed', 'handlingMs', 'overdue'] as const;
export const sumsOfRowDoc = (r: Partial<MetricSums>): MetricSums => Object.fromEntries(SUMS.map((k) => [k, Number(r[k]) || 0])) as unknown as MetricSums;

/**
 * A rollup document's rows as the shared grouping reads them: a map by row field (a list in
 * documents written before), without the rows every order has left.
 */
export function entriesOf(doc: Record<string, unknown>): RollupEntry[] {
  const day = String(doc.day);
  const rows = (Array.isArray(doc.rows) ? doc.rows : Object.values(doc.rows ?? {})) as RollupRowDoc[];
  return rows
    .filter((r) => Number(r.orders) > 0)
    .map((r) => ({ day, dim: r.dim, key: r.key ?? null, openDueDay: r.openDueDay ?? null, sums: sumsOfRowDoc(r) }));
}
