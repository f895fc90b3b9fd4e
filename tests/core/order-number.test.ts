import { describe, expect, it } from 'vitest';
import { formatOrderNumber, orderNumberDay, orderNumberOf } from '@core';

describe('the order number read out on the phone', () => {
  it('is month and day, a dash, and the day’s sequence in three digits', () => {
    expect(formatOrderNumber('2026-11-30', 17)).toBe('1130-017');
    expect(formatOrderNumber('2026-01-05', 1)).toBe('0105-001');
    expect(formatOrderNumber('2026-11-30', 1234)).toBe('1130-1234');
  });

  it('counts China days: 23:59 and 00:00 in Beijing fall on different days', () => {
    expect(orderNumberDay(Date.UTC(2026, 10, 30, 15, 59))).toBe('2026-11-30');
    expect(orderNumberDay(Date.UTC(2026, 10, 30, 16, 0))).toBe('2026-12-01');
  });

  it('falls back to the end of the id for orders placed before numbers existed', () => {
    expect(orderNumberOf({ id: 'omx2ysess4y2y3r2e3d4v', number: '1130-017' })).toBe('1130-017');
    expect(orderNumberOf({ id: 'omx2ysess4y2y3r2e3d4v' })).toBe('2E3D4V');
  });
});
