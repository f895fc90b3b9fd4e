import { HOUR } from '@core';

/** A day as the board says it, in China time: 12月3日. */
export function dayText(t: number): string {
  const d = new Date(t + 8 * HOUR);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
