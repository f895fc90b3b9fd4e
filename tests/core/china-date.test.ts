import { describe, expect, it } from 'vitest';
import { chinaDate, dayName } from '@core';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The independent reference: the runtime's own calendar, read at UTC. */
const isoDay = (utcMillis: number) => new Date(utcMillis).toISOString().slice(0, 10);

describe('the calendar day names the product counts by', () => {
  it('names every day from 1900 to 2200 as the runtime calendar does', () => {
    const from = Date.UTC(1900, 0, 1) / DAY;
    const to = Date.UTC(2200, 11, 31) / DAY;
    const wrong: string[] = [];
    for (let d = from; d <= to; d++) if (dayName(d) !== isoDay(d * DAY)) wrong.push(`${d}: ${dayName(d)} ≠ ${isoDay(d * DAY)}`);
    expect(wrong).toEqual([]);
  });

  it('knows the leap days, including the century rules', () => {
    expect(dayName(Date.UTC(2024, 1, 29) / DAY)).toBe('2024-02-29');
    expect(dayName(Date.UTC(2000, 1, 29) / DAY)).toBe('2000-02-29');
    expect(dayName(Date.UTC(2100, 1, 28) / DAY + 1)).toBe('2100-03-01');
    expect(dayName(0)).toBe('1970-01-01');
    expect(dayName(-1)).toBe('1969-12-31');
  });

  it('turns the day at midnight in China, not at midnight UTC', () => {
    const chinaMidnight = Date.UTC(2026, 10, 30, 16); // 2026-12-01 00:00 in Beijing
    expect(chinaDate(chinaMidnight - 1)).toBe('2026-11-30');
    expect(chinaDate(chinaMidnight)).toBe('2026-12-01');
    // Month and year ends, seen from Beijing.
    expect(chinaDate(Date.UTC(2026, 11, 31, 15, 59))).toBe('2026-12-31');
    expect(chinaDate(Date.UTC(2026, 11, 31, 16, 0))).toBe('2027-01-01');
  });

  it('agrees with the runtime calendar at random moments', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 20_000; k++) {
      const t = Math.floor(next() * Date.UTC(2100, 0, 1));
      expect(chinaDate(t)).toBe(isoDay(t + 8 * HOUR));
    }
  });
});
