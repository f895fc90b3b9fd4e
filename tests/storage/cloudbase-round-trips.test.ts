import { beforeAll, describe, expect, it } from 'vitest';
import { roundTripsPerAction, type RoundTrips } from '../../bench/round-trips';

// The database round trips each action of an order's loop costs on a warm CloudBase function
// instance, counted at the SDK's request layer (bench/round-trips.ts, docs/performance.md). Pinned
// exactly: a change that adds one fails here, and one that saves one updates the table and the doc.
describe('database round trips per action on CloudBase (warm instance)', () => {
  let rows: RoundTrips[] = [];
  const total = (action: string) => rows.find((r) => r.action === action)?.total;

  beforeAll(async () => {
    rows = await roundTripsPerAction();
  });

  it('counts every action of a whole loop', () => {
    expect(rows.map((r) => r.action)).toEqual(['create', 'dispatch', 'grab', 'start', 'complete', 'confirm', 'get', 'list']);
  });

  it.each([
    // read the order; insert its record (the event, its notifications, the order as the commit leaves it); write the order
    ['dispatch', 3],
    // + the worker's open orders counted (for the rule's cap) and the claim of the worker's place
    ['grab', 5],
    // read, record, write: no holder changes
    ['start', 3],
    // + the claim of the worker it left dropped
    ['complete', 4],
    // rated and satisfied change, folded into the rollups after the commit: as dispatch
    ['confirm', 3],
    // the order number, then the record (its id from the request: the insert refuses a retry), then the order
    ['create', 3],
    ['get', 2],
    ['list', 2],
  ])('%s: %i', (action, n) => {
    expect(total(action)).toBe(n);
  });
});
