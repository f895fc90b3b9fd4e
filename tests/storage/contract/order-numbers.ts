import { beforeAll, describe, expect, it } from 'vitest';
import type { StoreRef } from './reference-model';

/** Order numbers: one atomic counter per community and day. */
export function orderNumbersContract(s: StoreRef): void {
  describe('order numbers', () => {
    beforeAll(async () => {
      await s().clear();
    });

    it('counts from 1 per community and day', async () => {
      expect(await s().nextOrderNumber('c1', '2026-11-30')).toBe(1);
      expect(await s().nextOrderNumber('c1', '2026-11-30')).toBe(2);
      expect(await s().nextOrderNumber('c2', '2026-11-30')).toBe(1);
      expect(await s().nextOrderNumber('c1', '2026-12-01')).toBe(1);
      expect(await s().nextOrderNumber('c1', '2026-11-30')).toBe(3);
    });

    it('never gives one number twice, however many orders are placed at once', async () => {
      const got = await Promise.all(Array.from({ length: 12 }, () => s().nextOrderNumber('c3', '2026-11-30')));
      expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    });

    it('starts over after clear()', async () => {
      await s().clear();
      expect(await s().nextOrderNumber('c1', '2026-11-30')).toBe(1);
    });
  });
}
