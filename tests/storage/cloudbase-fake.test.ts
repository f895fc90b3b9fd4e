import { Db } from '@cloudbase/database';
import { ensureCollections } from '@backend/storage/cloudbase/collections';
import { cloudBaseStoreOn, REFERENCE_TTL_MS } from '@backend/storage/cloudbase/cloudbase-store';
import { databaseSchema } from '@backend/storage/cloudbase/schema';
import { FakeCloudBase } from './fake-cloudbase';
import { describeStoreContract } from './store-contract';

// The adapter's queries, aggregations and transactions, run offline through the real SDK client
// against an in-memory model of the database API (see fake-cloudbase.ts for what it models).
const fake = new FakeCloudBase();
Db.reqClass = fake.requester();

describeStoreContract('CloudBase store over an in-memory model of the database API', async () => {
  const db = new Db({ env: 'offline-model' });
  // As `npm run deploy:database` does before any function runs: the store never creates collections.
  await ensureCollections(
    db,
    databaseSchema('rp_test_').map((c) => c.name),
  );
  return cloudBaseStoreOn(db, 'rp_test_');
});

// Once more as a warm function instance keeps reference documents (ref-cache.ts): what the store
// itself writes is read back at once, so every answer of the contract stays the same.
describeStoreContract('CloudBase store over the model, keeping reference documents as a warm instance does', async () => {
  const db = new Db({ env: 'offline-model' });
  await ensureCollections(
    db,
    databaseSchema('rp_warm_').map((c) => c.name),
  );
  return cloudBaseStoreOn(db, 'rp_warm_', { referenceTtlMs: REFERENCE_TTL_MS });
});
