import { beforeAll, describe, expect, it } from 'vitest';
import { clockText } from '@/components/deadline/deadline-text';
import { dateTime, dayName, isoDate, parseIsoDate, windowText } from '@/components/format';
import { presetOptions, windowOf } from '@/components/time-window/presets';
import { defaultTime } from '@/resident/pages/create/quick-needs';

// What the app prints and books is China time whatever the phone's zone (core/china-time.ts): a
// daughter in New York booking for her father books his morning, and reads the times he reads.
/** A moment of November 2026 in UTC; day 31 is 1 December. */
const utc = (d: number, h: number, m = 0) => Date.UTC(2026, 10, d, h, m);
/** 30 November, 18:00 in China (10:00 UTC, 05:00 in New York). */
const NOW = utc(30, 10);

beforeAll(() => {
  process.env.TZ = 'America/New_York';
  // The zone took: without it these specs would not show anything.
  expect(new Date(NOW).getHours()).toBe(5);
});

describe('the times the app prints, on a phone in New York', () => {
  it('names the day and the hours of a booking as they are in China', () => {
    // 1 December 08:00–12:00 in China is 30 November 19:00–23:00 in New York.
    expect(windowText({ from: utc(31, 0), to: utc(31, 4) }, NOW)).toBe('明天 08:00–12:00');
    expect(dayName(utc(30, 15, 59), NOW)).toBe('今天');
    expect(dayName(utc(30, 16), NOW)).toBe('明天');
  });

  it('prints a moment with its China date and clock', () => {
    expect(dateTime(utc(31, 0, 30), NOW)).toBe('12月1日 08:30');
  });

  it('reads a picked date as that China day, and back', () => {
    expect(parseIsoDate('2026-12-01')).toBe(utc(30, 16));
    expect(isoDate(utc(30, 16))).toBe('2026-12-01');
  });

  it('says a deadline later the same China day by its clock alone', () => {
    const due = utc(30, 15, 30); // 23:30 in China, 10:30 in New York
    expect(clockText({ stage: 'dispatch', dueAt: due, level: 0, enteredAt: NOW } as Parameters<typeof clockText>[0], NOW).text).toBe('派单截止 23:30');
  });
});

describe('the windows the app books, from a phone in New York', () => {
  it('books 明天上午 as the next China morning', () => {
    expect(windowOf('tomorrowAm', NOW)).toEqual({ from: utc(31, 0), to: utc(31, 4) });
  });

  it('offers 今天内 only before 20:00 China time', () => {
    expect(presetOptions(utc(30, 11, 59)).map((o) => o.key)).toContain('today');
    expect(presetOptions(utc(30, 12)).map((o) => o.key)).not.toContain('today');
  });

  it('preselects tomorrow’s lunch for a meal ordered at 18:00, as the kitchen’s clock says', () => {
    const choice = defaultTime('meal', NOW);
    expect(choice).toMatchObject({ key: 'custom', day: utc(30, 16), slot: { from: 11, to: 13 } });
    expect(windowOf('custom', NOW, { day: choice.day!, slot: choice.slot! })).toEqual({ from: utc(31, 3), to: utc(31, 5) });
  });
});
