import { Db } from '@cloudbase/database';
import { ensureCollections } from '@backend/storage/cloudbase/collections';
import { cloudBaseStoreOn } from '@backend/storage/cloudbase/cloudbase-store';
import { databaseSchema } from '@backend/storage/cloudbase/schema';
import { FakeCloudBase } from './fake-cloudbase';
import { describeStoreContract } from './store-contract';

// The storage contract once more, with every request taking 3 ms, so that racing commits interleave
// request by request, and every fifth transaction commit failing as an expired transaction does
// (DATABASE_TRANSACTION_FAIL, TransactionNotExist): the statistics' fold and the trim of kept
// replies retry those in a fresh transaction, so every answer stays what the contract says.
const fake = new FakeCloudBase({ latencyMs: 3, expireEveryNthCommit: 5 });
Db.reqClass = fake.requester();

describeStoreContract('CloudBase store over the model, with latency and expiring transactions', async () => {
  const db = new Db({ env: 'offline-faults' });
  await ensureCollections(
    db,
    databaseSchema('rp_faults_').map((c) => c.name),
  );
  return cloudBaseStoreOn(db, 'rp_faults_');
});
