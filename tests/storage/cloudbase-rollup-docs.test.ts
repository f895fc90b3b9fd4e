import { describe, expect, it } from 'vitest';
import { ZERO_SUMS } from '@core';
import { entriesOf, rowField } from '@backend/storage/cloudbase/rollup-docs';

// A commit adds to a rollup row with `_.inc` on `rows.<row field>.<sum>`: the field must be one
// path segment, and distinct rows must get distinct fields.
describe('rollup rows on CloudBase', () => {
  it('names each row by a field a path can hold: no dot, no dollar sign', () => {
    const fields = [
      rowField({ dim: 'team', key: 't.1', openDueDay: null }),
      rowField({ dim: 'team', key: 't%2e1', openDueDay: null }),
      rowField({ dim: 'team', key: '$t1', openDueDay: '2026-11-30' }),
      rowField({ dim: 'all', key: null, openDueDay: null }),
    ];
    for (const f of fields) expect(f).not.toMatch(/[.$]/);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('reads rows kept as a map, and as the list documents used to hold, leaving out rows every order has left', () => {
    const row = (key: string, orders: number) => ({ dim: 'team', key, openDueDay: null, ...ZERO_SUMS, orders });
    const expected = [{ day: '2026-11-30', dim: 'team', key: 't1', openDueDay: null, sums: { ...ZERO_SUMS, orders: 2 } }];
    expect(entriesOf({ day: '2026-11-30', rows: { 'team|t1|': row('t1', 2), 'team|t2|': row('t2', 0) } })).toEqual(expected);
    expect(entriesOf({ day: '2026-11-30', rows: [row('t1', 2)] })).toEqual(expected);
  });
});
