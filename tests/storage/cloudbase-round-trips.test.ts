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
    // start, read the order, write it (its reply and its mark for the statistics' fold inside), insert the event (its notifications inside), commit
    ['dispatch', 5],
    // + the worker's open orders counted (once, for the rule and the cap) and the arrival's mark on the worker's document
    ['grab', 7],
    // start, read, write, event, commit: no holder or statistics fact changes
    ['start', 5],
    // the worker left writes nothing: as start
    ['complete', 5],
    // rated and satisfied change, folded into the rollups after the commit: as dispatch
    ['confirm', 5],
    // the order number, then start, insert the order (its id from the request: the insert refuses a retry), the event, commit
    ['create', 5],
    ['get', 2],
    ['list', 2],
  ])('%s: %i', (action, n) => {
    expect(total(action)).toBe(n);
  });
});
