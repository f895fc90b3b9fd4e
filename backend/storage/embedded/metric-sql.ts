import { addSums, type MetricSums } from '@core';
import type { GroupSums } from '../port';

/** The sums' names, in the order METRIC_SUMS_SQL selects them. */
const SUMS = [
  'orders',
  'respondedOnTime',
  'due',
  'resolved',
  'rated',
  'satisfied',
  'closed',
  'handlingMs',
  'overdue',
] as const satisfies readonly (keyof MetricSums)[];

/** The core's addFacts as SQL aggregates over the derived columns; its one parameter is the moment of asking. */
export const METRIC_SUMS_SQL = `COUNT(*), SUM(responded_on_time),
  SUM(CASE WHEN settled = 1 OR resolve_due_at <= ? THEN 1 ELSE 0 END),
  SUM(resolved), SUM(rated), SUM(satisfied),
  SUM(handling_ms IS NOT NULL), COALESCE(SUM(handling_ms), 0), SUM(overdue)`;

/**
 * Sums raw rows of [key0 … key(n-1), …sums] grouped by the finest keys up to one of those keys
 * (null: everything in one group). Null key first, then ascending, as SQL's ORDER BY returns them.
 */
export function rollUp(rows: readonly unknown[][], keyIndex: number | null, keyCount: number): GroupSums[] {
  const groups = new Map<string | null, MetricSums>();
  for (const r of rows) {
    const key = keyIndex === null ? null : ((r[keyIndex] as string | null) ?? null);
    const sums = Object.fromEntries(SUMS.map((name, i) => [name, Number(r[keyCount + i] ?? 0)])) as unknown as MetricSums;
    const had = groups.get(key);
    groups.set(key, had ? addSums(had, sums) : sums);
  }
  return [...groups].sort(([a], [b]) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1)).map(([key, sums]) => ({ key, sums }));
}
