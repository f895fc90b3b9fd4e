import { chinaParts } from '@core';

/** A day as the board says it, in China time: 12月3日. */
export function dayText(t: number): string {
  const d = chinaParts(t);
  return `${d.month}月${d.day}日`;
}
