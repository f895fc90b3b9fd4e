import { describe, expect, it } from 'vitest';
import type { Actor, OrderAction, Role } from '@core';
import { actOnOrder } from '@backend/usecases/act-on-order';
import type { Store } from '@backend/storage/port';
import { useSupervisionWorld } from '../supervision/harness';

const w = useSupervisionWorld();

/** The store, recording each lookup a rule's world is made of. */
function recording(store: Store) {
  const lookups: string[] = [];
  const watched = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (key === 'openOrdersOf') lookups.push(`openOrdersOf:${(args[0] as string[]).join(',')}`);
        if (key === 'getRef' && (args[0] === 'teams' || args[0] === 'users')) lookups.push(`${args[0]}:${String(args[1])}`);
        return value.apply(target, args);
      };
    },
  });
  return { watched, lookups };
}

async function actWatched(userId: string, role: Role, orderId: string, action: OrderAction) {
  const user = (await w.store.getRef('users', userId))!;
  const teams = await w.store.listRefs('teams', user.communityId);
  const actor: Actor = { user, role, teamIds: teams.filter((t) => t.memberIds.includes(user.id)).map((t) => t.id) };
  const { watched, lookups } = recording(w.store);
  const order = (await w.store.getOrder(orderId))!;
  const r = await actOnOrder({ ...w.deps, store: watched }, actor, { orderId, version: order.version, requestId: `r-${Math.random()}`, action });
  expect(r.ok).toBe(true);
  return lookups;
}

describe('the use case loads exactly what the action’s rule declared it needs', () => {
  it('a dispatch to a named worker: the team, the worker and how many orders the worker holds', async () => {
    const id = await w.place('s-repair');
    expect(await actWatched('demo-dispatcher', 'dispatcher', id, { type: 'dispatch', input: { teamId: 't-general', workerId: 'demo-worker' } })).toEqual([
      'teams:t-general',
      'users:demo-worker',
      'openOrdersOf:demo-worker',
    ]);
  });

  it('a grab: only how many orders the grabbing worker holds', async () => {
    const id = await w.place('s-repair');
    await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-general', workerId: null });
    expect(await actWatched('demo-worker', 'worker', id, { type: 'grab', input: {} })).toEqual(['openOrdersOf:demo-worker']);
  });

  it('an accept, a start or an urge: nothing beyond the order', async () => {
    const id = await w.place('s-repair');
    await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    expect(await actWatched('demo-worker', 'worker', id, { type: 'accept', input: {} })).toEqual([]);
    expect(await actWatched('demo-worker', 'worker', id, { type: 'start', input: {} })).toEqual([]);
    w.advance(4 * 24 * 3_600_000); // past the completion deadline: 催单 is offered once something is late
    expect(await actWatched('demo-resident', 'resident', id, { type: 'urge', input: {} })).toEqual([]);
  });
});
