import { describe, expect, it } from 'vitest';
import { assessmentMonthAt, PUBLISHING_DAYS } from '@core';

/** China time: UTC+8, so 16:00 UTC on the last day of a month is already the 1st in China. */
const china = (y: number, m: number, d: number, h = 9) => Date.UTC(y, m - 1, d, h - 8);

describe('the month the 考核 page opens on', () => {
  it('is the month just ended during the first week of a month, the one waiting to be published', () => {
    expect(assessmentMonthAt(china(2026, 12, 1))).toBe('2026-11');
    expect(assessmentMonthAt(china(2026, 12, PUBLISHING_DAYS, 23))).toBe('2026-11');
    expect(PUBLISHING_DAYS).toBe(7);
  });

  it('is the current month from the eighth day on', () => {
    expect(assessmentMonthAt(china(2026, 12, 8, 0))).toBe('2026-12');
    expect(assessmentMonthAt(china(2026, 12, 31, 23))).toBe('2026-12');
  });

  it('goes back to December of the year before in the first week of January', () => {
    expect(assessmentMonthAt(china(2027, 1, 3))).toBe('2026-12');
  });

  it('reads the China calendar, not UTC: the 1st in China while it is still the last day in UTC', () => {
    const chinaFirst = Date.UTC(2026, 10, 30, 17); // 2026-12-01 01:00 in China
    expect(assessmentMonthAt(chinaFirst)).toBe('2026-11');
    const chinaEighth = Date.UTC(2026, 11, 7, 17); // 2026-12-08 01:00 in China, the 7th in UTC
    expect(assessmentMonthAt(chinaEighth)).toBe('2026-12');
  });
});
