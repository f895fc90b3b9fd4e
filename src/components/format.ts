import type { TimeWindow } from '@core';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Fen as yuan, without needless decimals: 800 → "¥8", 850 → "¥8.50". */
export function yuan(fen: number): string {
  return fen % 100 === 0 ? `¥${fen / 100}` : `¥${(fen / 100).toFixed(2)}`;
}

/** "11月28日 14:05", with the year only when it is not this year. */
export function dateTime(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  return `${sameYear ? '' : `${d.getFullYear()}年`}${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const dayStart = (ms: number): number => {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};

/** "今天", "明天", "11月30日". */
export function dayName(ms: number, now = Date.now()): string {
  const diff = Math.round((dayStart(ms) - dayStart(now)) / 86_400_000);
  if (diff === 0) return '今天';
  if (diff === 1) return '明天';
  if (diff === 2) return '后天';
  if (diff === -1) return '昨天';
  const d = new Date(ms);
  return `${d.getMonth() + 1}月${d.getDate()}日`;
}

export const clock = (ms: number): string => {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** "今天 14:00–16:00" or "11月30日 09:00 – 12月1日 12:00". */
export function windowText({ from, to }: TimeWindow, now = Date.now()): string {
  if (dayStart(from) === dayStart(to)) return `${dayName(from, now)} ${clock(from)}–${clock(to)}`;
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
export const isoDate = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** Parses a picker's "yyyy-mm-dd" as local midnight. */
export function parseIsoDate(text: string): number {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
}
