import { Db } from '@cloudbase/database';
import { cloudBaseStoreOn } from '@backend/storage/cloudbase/cloudbase-store';
import { FakeCloudBase } from './fake-cloudbase';
import { describeStoreContract } from './store-contract';

// The adapter's queries, aggregations and transactions, run offline through the real SDK client
// against an in-memory model of the database API (see fake-cloudbase.ts for what it models).
const fake = new FakeCloudBase();
Db.reqClass = fake.requester();

describeStoreContract('CloudBase store over an in-memory model of the database API', async () =>
  cloudBaseStoreOn(new Db({ env: 'offline-model' }), 'rp_test_'),
);
