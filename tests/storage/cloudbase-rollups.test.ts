import { Db } from '@cloudbase/database';
import { DAY, GROUP_BYS } from '@core';
import { describe, expect, it } from 'vitest';
import { ensureCollections } from '@backend/storage/cloudbase/collections';
import { cloudBaseStoreOn } from '@backend/storage/cloudbase/cloudbase-store';
import { collectionNames } from '@backend/storage/cloudbase/names';
import { rebuildRollups } from '@backend/storage/cloudbase/rollup-rebuild';
import { databaseSchema } from '@backend/storage/cloudbase/schema';
import { dayStart } from '@backend/storage/rollups';
import { FakeCloudBase } from './fake-cloudbase';
import { createCommit, generateOrders, T0 } from './fixtures';

describe('recounting the CloudBase rollups from the orders (scripts/rebuild-rollups-cloudbase.ts)', () => {
  it('gives the rollups the commits kept, and puts back rollups that were lost or wrong', async () => {
    const fake = new FakeCloudBase();
    Db.reqClass = fake.requester();
    const db = new Db({ env: 'offline-model' });
    await ensureCollections(
      db,
      databaseSchema('rp_rb_').map((c) => c.name),
    );
    const store = cloudBaseStoreOn(db, 'rp_rb_');
    for (const o of generateOrders(40, 3)) expect(await store.commit(createCommit(o))).toEqual({ ok: true });
    const period = { from: dayStart(T0) - DAY, to: dayStart(T0) + 3 * DAY };
    const asOf = T0 + 44 * 3_600_000;
    const kept = await store.metricSumsMany('c1', period, GROUP_BYS, asOf);
    expect(kept[0]![0]!.sums.orders).toBeGreaterThan(0);

    const rollups = db.collection(collectionNames('rp_rb_').metricRollups);
    await rollups.where({ communityId: 'c1' }).remove();
    expect(await store.metricSumsMany('c1', period, GROUP_BYS, asOf)).not.toEqual(kept);
    expect(await rebuildRollups(db, collectionNames('rp_rb_'))).toBe(40);
    expect(await store.metricSumsMany('c1', period, GROUP_BYS, asOf)).toEqual(kept);
  });
});
