import type { Millis } from './community';
import { addSums, ratesOf, ZERO_SUMS, type MetricSums, type Rates } from './metrics';
import { DAY } from './time';
import { chinaDate, dayName } from './china-time';

/** China Standard Time has no daylight saving: a day is a UTC+8 calendar day. */

/** The China-time calendar day of a moment, "2026-11-29": the key of the daily trend. */
export const dayKeyOf = (t: Millis): string => chinaDate(t);

/** How many days a rolling rate spans. */
export const ROLLING_DAYS = 7;
/** Below this many orders on an average day with orders, daily rates jump about too much to read. */
export const SPARSE_DAILY_ORDERS = 5;

/** The day keys from `from` up to and including the day of `last`, oldest first. */
export function dayKeys(from: Millis, last: Millis): string[] {
  const keys: string[] = [];
  for (let t = from; t <= last && keys.length < 400; t += DAY) keys.push(dayKeyOf(t));
  const lastKey = dayKeyOf(last);
  if (keys.length > 0 && keys[keys.length - 1] !== lastKey && last >= from) keys.push(lastKey);
  return keys;
}

/**
 * For each of `days`, the rates of that day and the ROLLING_DAYS − 1 days before it together, from
 * the daily sums (which must reach that far back): one slow day moves the line by a seventh, not
 * from 100 % to 0 %. A window without orders is null (a gap, never a zero).
 */
export function rollingRates(
  daily: readonly { readonly key: string | null; readonly sums: MetricSums }[],
  days: readonly string[],
): { key: string; rates: Rates | null }[] {
  const byKey = new Map(daily.flatMap((d) => (d.key === null ? [] : [[d.key, d.sums] as const])));
  return days.map((key) => {
    const lastDay = Date.parse(`${key}T00:00:00Z`) / DAY;
    let sums = ZERO_SUMS;
    for (let i = 0; i < ROLLING_DAYS; i++) sums = addSums(sums, byKey.get(dayName(lastDay - i)) ?? ZERO_SUMS);
    return { key, rates: sums.orders === 0 ? null : ratesOf(sums) };
  });
}

/** Whether daily samples are too small to read day by day: few orders on an average day that had any. */
export function dailyTooSparse(trend: readonly { readonly rates: Pick<Rates, 'orders'> }[]): boolean {
  const withOrders = trend.filter((d) => d.rates.orders > 0);
  if (withOrders.length === 0) return false;
  return withOrders.reduce((n, d) => n + d.rates.orders, 0) / withOrders.length < SPARSE_DAILY_ORDERS;
}
