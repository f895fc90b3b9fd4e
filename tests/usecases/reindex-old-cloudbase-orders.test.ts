import { describe, expect, it } from 'vitest';
import type { Community } from '@core';
import type { Deps } from '@backend/runtime/deps';
import { reindexOrders } from '@backend/usecases/reindex-orders';
import { offlineCloudBaseStore, useOfflineCloudBase } from '../storage/offline-cloudbase';
import { T0, makeOrder, referenceData } from '../storage/fixtures';

useOfflineCloudBase();

describe('re-indexing every order of a CloudBase environment written before the index had its fields', () => {
  it('makes an old pool order visible to its team again and counts an old held order against its worker', async () => {
    const { store, db } = await offlineCloudBaseStore('rp_old_');
    await store.clear();
    const community = referenceData().communities[0] as Community;
    await store.putRefs('communities', [community]);
    const pooled = makeOrder({ id: 'old-pool', state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } });
    const held = makeOrder({ id: 'old-held', state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId: 'w1' } });
    // As an older version stored them: the order with an `idx` that lacks today's fields.
    for (const o of [pooled, held]) await db.collection('rp_old_orders').add({ _id: o.id, ...o, idx: { nextSweepAt: null, counted: 1 } });
    const pool = { kind: 'worker', communityId: 'c1', workerId: 'w9', poolTeamIds: ['t1'] } as const;
    expect((await store.listOrders(pool, {}, { limit: 10 })).items).toEqual([]);

    const deps: Deps = { store, now: () => T0, newId: (p) => `${p}1` };
    expect(await reindexOrders(deps, community, 'all')).toBe(2);
    expect((await store.listOrders(pool, {}, { limit: 10 })).items.map((o) => o.id)).toEqual(['old-pool']);
    expect(await store.openOrdersOf(['w1'])).toEqual({ w1: 1 });
    expect(await store.getOrder('old-held')).toEqual(held);
    await store.clear();
  });
});
