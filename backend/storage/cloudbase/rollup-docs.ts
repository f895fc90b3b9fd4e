import type { MetricSums } from '@core';
import type { Dim, RollupEntry } from '../rollups';

/**
 * The statistics rollups on CloudBase: one document per community and China-time day, holding
 * that day's rollup rows (rollups.ts), so a month's board reads about thirty documents however many
 * orders there were. `due` is kept as the settled count, as in the embedded store.
 */
export interface RollupRowDoc extends MetricSums {
  readonly dim: Dim;
  readonly key: string | null;
  readonly openDueDay: string | null;
}

export const rollupDocId = (communityId: string, day: string) => `${communityId}|${day}`;
export const rowKey = (r: Pick<RollupRowDoc, 'dim' | 'key' | 'openDueDay'>) => `${r.dim}|${r.key ?? ''}|${r.openDueDay ?? ''}`;

const SUMS = ['orders', 'respondedOnTime', 'due', 'resolved', 'rated', 'satisfied', 'closed', 'handlingMs', 'overdue'] as const;
export const sumsOfRowDoc = (r: Partial<MetricSums>): MetricSums => Object.fromEntries(SUMS.map((k) => [k, Number(r[k]) || 0])) as unknown as MetricSums;

/** A rollup document's rows as the shared grouping reads them. */
export function entriesOf(doc: Record<string, unknown>): RollupEntry[] {
  const day = String(doc.day);
  return ((doc.rows ?? []) as RollupRowDoc[]).map((r) => ({ day, dim: r.dim, key: r.key ?? null, openDueDay: r.openDueDay ?? null, sums: sumsOfRowDoc(r) }));
}
