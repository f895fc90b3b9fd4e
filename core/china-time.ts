import type { Millis } from './community';
import { DAY, HOUR } from './time';

/**
 * China Standard Time, UTC+8 all year (no daylight saving). Every calendar fact of the product is
 * China time, whatever the zone of the server or of the phone: the days the statistics and order
 * numbers count, the booked windows, and the words people read ("明天 08:00"). A relative abroad
 * who books for a parent books the parent's morning.
 */
export const CST_MS = 8 * HOUR;

/** A moment's China calendar and clock: month 1–12, weekday 0 (Sunday)–6. */
export interface ChinaParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly weekday: number;
}

export function chinaParts(t: Millis): ChinaParts {
  const d = new Date(t + CST_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

/** The China calendar day of a moment, "2026-11-30". */
export const chinaDate = (t: Millis): string => new Date(t + CST_MS).toISOString().slice(0, 10);

/** Which China calendar day a moment falls on, as a whole number of days (for "today"/"tomorrow"). */
export const chinaDayNumber = (t: Millis): number => Math.floor((t + CST_MS) / DAY);

/** The China midnight that starts the day of `t`. */
export const chinaMidnight = (t: Millis): Millis => chinaDayNumber(t) * DAY - CST_MS;

/** `hour` o'clock (China time) on the day `dayOffset` days after the day of `t`. */
export const chinaAt = (t: Millis, dayOffset: number, hour: number): Millis => chinaMidnight(t) + dayOffset * DAY + hour * HOUR;

/** The China midnight of a "yyyy-mm-dd" day (a date picker's value). */
export function chinaDateStart(text: string): Millis {
  const [y, m, d] = text.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) - CST_MS;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "08:05", China time. */
export function chinaClock(t: Millis): string {
  const p = chinaParts(t);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}
