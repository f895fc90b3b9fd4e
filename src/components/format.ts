import { chinaClock, chinaDate, chinaDateStart, chinaDayNumber, chinaParts, type TimeWindow } from '@core';

// Every time the app prints is China time (core/china-time.ts), whatever the phone's zone: the
// same moment reads the same on every screen, in the notices and in the statistics.

/** Fen as yuan, without needless decimals: 800 → "¥8", 850 → "¥8.50". */
export function yuan(fen: number): string {
  return fen % 100 === 0 ? `¥${fen / 100}` : `¥${(fen / 100).toFixed(2)}`;
}

/** "11月28日 14:05", with the year only when it is not this year. */
export function dateTime(ms: number, now = Date.now()): string {
  const d = chinaParts(ms);
  const sameYear = d.year === chinaParts(now).year;
  return `${sameYear ? '' : `${d.year}年`}${d.month}月${d.day}日 ${chinaClock(ms)}`;
}

/** Whether two moments fall on the same (China) day. */
export const sameDay = (a: number, b: number): boolean => chinaDayNumber(a) === chinaDayNumber(b);

/** "今天", "明天", "11月30日". */
export function dayName(ms: number, now = Date.now()): string {
  const diff = chinaDayNumber(ms) - chinaDayNumber(now);
  if (diff === 0) return '今天';
  if (diff === 1) return '明天';
  if (diff === 2) return '后天';
  if (diff === -1) return '昨天';
  const d = chinaParts(ms);
  return `${d.month}月${d.day}日`;
}

/** "14:05". */
export const clock = (ms: number): string => chinaClock(ms);

/** "今天 14:00–16:00" or "11月30日 09:00 – 12月1日 12:00". */
export function windowText({ from, to }: TimeWindow, now = Date.now()): string {
  if (sameDay(from, to)) return `${dayName(from, now)} ${clock(from)}–${clock(to)}`;
  return `${dayName(from, now)} ${clock(from)} – ${dayName(to, now)} ${clock(to)}`;
}

/** How long something has waited, in the largest sensible unit: "15分钟", "2小时", "3天". */
export function durationText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return '不到1分钟';
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}小时`;
  return `${Math.floor(hours / 24)}天`;
}

/** "已等待 2小时" */
export const waitingText = (since: number, now = Date.now()): string => `已等待 ${durationText(now - since)}`;

/** "yyyy-mm-dd" for date pickers. */
export const isoDate = (ms: number): string => chinaDate(ms);

/** Parses a picker's "yyyy-mm-dd" as that day's midnight. */
export const parseIsoDate = (text: string): number => chinaDateStart(text);
