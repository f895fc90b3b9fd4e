import tcb from '@cloudbase/node-sdk';
import type { Db } from '@cloudbase/database';
import { describe, it, vi } from 'vitest';
import { ensureCollections } from '@backend/storage/cloudbase/collections';
import { openCloudBaseStore } from '@backend/storage/cloudbase/cloudbase-store';
import { databaseSchema } from '@backend/storage/cloudbase/schema';
import { describeStoreContract } from './store-contract';

const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY, TCB_TEST_PREFIX } = process.env;

if (TCB_ENV_ID && TCB_SECRET_ID && TCB_SECRET_KEY) {
  // Every call is a round trip to the cloud: seeding 60 orders and racing 20 commits take a while.
  vi.setConfig({ testTimeout: 120_000, hookTimeout: 600_000 });
  // The suite clears its collections, so it gets a prefix of its own, never the deployment's `rp_`.
  const prefix = TCB_TEST_PREFIX ?? 'rp_contract_';
  describeStoreContract(`CloudBase store (env ${TCB_ENV_ID}, collections ${prefix}*)`, async () => {
    // The store never creates collections (deploy:database does for `rp_`); the suite's own prefix gets them here.
    const db = tcb.init({ env: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY }).database() as unknown as Db;
    await ensureCollections(
      db,
      databaseSchema(prefix).map((c) => c.name),
    );
    return openCloudBaseStore({ envId: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY, prefix });
  });
} else {
  console.log('CloudBase contract skipped: set TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY to run it against a real environment.');
  describe.skip('CloudBase contract (skipped: TCB_ENV_ID/TCB_SECRET_ID/TCB_SECRET_KEY not set)', () => {
    it('runs the storage contract against a real CloudBase environment', () => {});
  });
}
