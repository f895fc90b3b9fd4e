import { chinaDate, DAY, type Rates } from '@core';

/** One day of the trend; `rates` is null on a day without orders (a gap, never a zero). */
export interface TrendDay {
  readonly key: string;
  readonly rates: Rates | null;
}

/** A day is a China calendar day, as the server's trend keys are (core/china-time.ts). */
const isoDate = chinaDate;

/**
 * Every day of the period up to `now`, with the board's daily figures where there were orders: a
 * chart of only the days with orders would draw 1 and 29 November side by side.
 */
export function trendDays(
  period: { readonly from: number; readonly to: number },
  trend: readonly { readonly key: string; readonly rates: Rates }[],
  now: number,
): TrendDay[] {
  const byKey = new Map(trend.map((t) => [t.key, t.rates]));
  const last = Math.min(period.to - 1, Math.max(now, period.from));
  const days: TrendDay[] = [];
  for (let t = period.from; t <= last && days.length < 62; t += DAY) {
    const key = isoDate(t);
    days.push({ key, rates: byKey.get(key) ?? null });
  }
  // A day the server counted but the period walk missed (clock skew): keep it rather than lose it.
  for (const t of trend) if (!days.some((d) => d.key === t.key)) days.push({ key: t.key, rates: t.rates });
  return days.sort((a, b) => a.key.localeCompare(b.key));
}

/** "11/29", short enough for an axis. */
export const dayLabel = (key: string): string => `${Number(key.slice(5, 7))}/${Number(key.slice(8, 10))}`;
/** "11月29日", for the line under the chart. */
export const dayText = (key: string): string => `${Number(key.slice(5, 7))}月${Number(key.slice(8, 10))}日`;

/** A rate as a whole percentage for plotting, or null for a gap. */
export const plotPercent = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);

/** The latest day that had orders: what the chart describes before anyone taps it. */
export function latestWithOrders(days: readonly TrendDay[]): number {
  for (let i = days.length - 1; i >= 0; i--) if (days[i]!.rates && days[i]!.rates!.orders > 0) return i;
  return days.length - 1;
}
