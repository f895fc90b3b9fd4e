import { assertNever, chinaAt, type TimeWindow } from '@core';

const HOUR = 3_600_000;

export type PresetKey = 'asap' | 'today' | 'tomorrowAm' | 'tomorrowPm' | 'custom';

/** A time slot of the custom choice, in hours of the day. */
export interface Slot {
  readonly from: number;
  readonly to: number;
}
export const SLOTS: readonly Slot[] = [
  { from: 8, to: 10 },
  { from: 10, to: 12 },
  { from: 14, to: 16 },
  { from: 16, to: 18 },
  { from: 18, to: 20 },
];
export const slotLabel = (s: Slot): string => `${String(s.from).padStart(2, '0')}:00–${String(s.to).padStart(2, '0')}:00`;

/** `hour` o'clock on the day `dayOffset` days after `base`'s, China time. */
const at = chinaAt;

/** The quick choices that make sense now (no "today" late at night). */
export function presetOptions(now: number): { key: Exclude<PresetKey, 'custom'>; label: string }[] {
  const options: { key: Exclude<PresetKey, 'custom'>; label: string }[] = [{ key: 'asap', label: '尽快（2小时内）' }];
  if (now < at(now, 0, 20)) options.push({ key: 'today', label: '今天内' });
  options.push({ key: 'tomorrowAm', label: '明天上午' }, { key: 'tomorrowPm', label: '明天下午' });
  return options;
}

/** The window a choice stands for, worked out at the moment of sending. */
export function windowOf(key: PresetKey, now: number, custom?: { day: number; slot: Slot }): TimeWindow | null {
  switch (key) {
    case 'asap':
      return { from: now, to: now + 2 * HOUR };
    case 'today':
      return { from: now, to: Math.max(at(now, 0, 22), now + 2 * HOUR) };
    case 'tomorrowAm':
      return { from: at(now, 1, 8), to: at(now, 1, 12) };
    case 'tomorrowPm':
      return { from: at(now, 1, 14), to: at(now, 1, 18) };
    case 'custom':
      return custom ? { from: at(custom.day, 0, custom.slot.from), to: at(custom.day, 0, custom.slot.to) } : null;
    default:
      return assertNever(key);
  }
}
