import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { autoDispatch, numberedOrder, type Order } from '@core';
import { china, place } from './booking-support';

// Every site that reads an order (its index, its facts, its view, the store's row) reads many of
// them; V8 answers such a read fast only for objects of a hidden class it has met before. An order
// that took a class of its own missed that cache at each of some forty sites (docs/performance.md,
// session 15). V8's own check says whether two objects share their class.
v8.setFlagsFromString('--allow-natives-syntax');
const sameClass = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

const window = { from: china(2026, 12, 2, 8), to: china(2026, 12, 2, 12) };
const placedAt = china(2026, 12, 1, 9);
const placeNumbered = (k: number): Order => numberedOrder(place(placedAt + k, window), `1201-${String(k).padStart(3, '0')}`);

describe('orders placed one after another', () => {
  it('share one hidden class once numbered', () => {
    const orders = Array.from({ length: 20 }, (_, k) => placeNumbered(k + 1));
    expect(orders.filter((o) => !sameClass(o, orders[0]!)).map((o) => o.number)).toEqual([]);
  });

  it('keep it when an automatic team takes them at once', () => {
    const route = { assignment: { mode: 'pool', teamId: 't1' }, mode: 'pool' } as const;
    const orders = Array.from({ length: 20 }, (_, k) => autoDispatch(placeNumbered(k + 1), route, 10, placedAt + k).order);
    expect(orders.filter((o) => !sameClass(o, orders[0]!)).map((o) => o.number)).toEqual([]);
    expect(orders[0]).toMatchObject({ state: 'pending_accept', assignment: route.assignment, version: 2 });
  });

  it('are numbered without being changed', () => {
    const placed = place(placedAt, window);
    const numbered = numberedOrder(placed, '1201-001');
    expect(numbered).toEqual({ ...placed, number: '1201-001' });
    expect(placed.number).toBeUndefined();
  });
});
