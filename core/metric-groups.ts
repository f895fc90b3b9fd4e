import { assertNever } from './result';
import type { Millis } from './community';
import type { OrderFacts } from './metrics';
import { CST_MS, chinaDate } from './china-time';

/** How statistics can be broken down: by who handled, where, what, or when (China time). */
export const GROUP_BYS = ['all', 'team', 'worker', 'compound', 'company', 'category', 'day', 'week', 'month'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** Buckets are China calendar days (china-time.ts). */
const isoDate = chinaDate;

/** The Monday that starts the week of a moment. */
function weekStart(t: Millis): string {
  const d = new Date(t + CST_MS);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back)).toISOString().slice(0, 10);
}

/** The group an order's facts fall into; null where the order has no such key (e.g. never assigned). */
export function groupKey(f: OrderFacts, by: GroupBy): string | null {
  switch (by) {
    case 'all':
      return null;
    case 'team':
      return f.teamId;
    case 'worker':
      return f.workerId;
    case 'compound':
      return f.compoundId;
    case 'company':
      return f.companyId;
    case 'category':
      return f.category;
    case 'day':
      return isoDate(f.createdAt);
    case 'week':
      return weekStart(f.createdAt);
    case 'month':
      return isoDate(f.createdAt).slice(0, 7);
    default:
      return assertNever(by);
  }
}

/** A calendar month in China time, as [from, to) milliseconds; null for a malformed "YYYY-MM". */
export function monthRange(month: string): { from: Millis; to: Millis } | null {
  // Years 2000–2099 only: Date.UTC would read 0012 as 1912, and no order predates this century.
  const m = /^(20\d{2})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  return { from: Date.UTC(y, mo, 1) - CST_MS, to: Date.UTC(y, mo + 1, 1) - CST_MS };
}

/** The month a moment falls in, China time. */
export const monthOf = (t: Millis) => isoDate(t).slice(0, 7);

/** "2026-11" moved `by` months earlier (negative) or later. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
