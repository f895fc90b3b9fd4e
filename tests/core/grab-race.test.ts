import { describe, expect, it } from 'vitest';
import { lostGrabRace, type OrderEvent } from '@core';
import { ACTORS, NOW } from './fixtures';

/** A timeline from (action, actor, payload) steps; seq counts from 1 as the store numbers them. */
const timeline = (...steps: [string, string, Record<string, unknown>?][]): OrderEvent[] =>
  steps.map(([action, actorId, payload = {}], i) => ({
    orderId: 'o1',
    seq: i + 1,
    action,
    actorId,
    actorRole: 'worker',
    at: NOW,
    from: null,
    to: 'accepted',
    payload,
  }));

const pool = { assignment: { mode: 'pool', teamId: 't1' } };
const teammateHolds = { assignment: { mode: 'member', teamId: 't1', workerId: 'teammate' } };
const worker = ACTORS.worker; // member of t1

describe('a grab that finds the order gone', () => {
  // 1 create, 2 dispatch to t1's pool, 3 grabbed by the teammate, 4 started.
  const raced = timeline(['create', 'resident'], ['dispatch', 'dispatcher', pool], ['grab', 'teammate', teammateHolds], ['start', 'teammate']);

  it('lost a race when the worker grabbed from a version at which the order sat in their pool', () => {
    expect(lostGrabRace(raced, worker, 2)).toBe(true);
  });

  it('did not race for an order offered by name to a teammate: there never was a pool', () => {
    const named = timeline(['create', 'resident'], ['dispatch', 'dispatcher', teammateHolds], ['accept', 'teammate']);
    for (const version of [1, 2, 3]) expect(lostGrabRace(named, worker, version)).toBe(false);
  });

  it('did not race from a version before the pool opened or after the grab', () => {
    expect(lostGrabRace(raced, worker, 1)).toBe(false);
    expect(lostGrabRace(raced, worker, 3)).toBe(false);
    expect(lostGrabRace(raced, worker, 4)).toBe(false);
  });

  it("did not race for another team's pool", () => {
    expect(lostGrabRace(raced, { ...worker, teamIds: ['t2'] }, 2)).toBe(false);
  });

  it('counts the pool that was open at the version sent, when an order went to a name first and to the pool later', () => {
    const later = timeline(
      ['create', 'resident'],
      ['dispatch', 'dispatcher', teammateHolds],
      ['decline', 'teammate'],
      ['dispatch', 'dispatcher', pool],
      ['grab', 'teammate', teammateHolds],
    );
    expect(lostGrabRace(later, worker, 2)).toBe(false);
    expect(lostGrabRace(later, worker, 3)).toBe(false);
    expect(lostGrabRace(later, worker, 4)).toBe(true);
  });
});
