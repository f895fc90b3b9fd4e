import { Db } from '@cloudbase/database';
import { ensureCollections } from '@backend/storage/cloudbase/collections';
import { cloudBaseStoreOn } from '@backend/storage/cloudbase/cloudbase-store';
import { databaseSchema } from '@backend/storage/cloudbase/schema';
import type { Store } from '@backend/storage/port';
import { FakeCloudBase } from './fake-cloudbase';

/** Routes the SDK's database client to a fresh in-memory model of the CloudBase database API. */
export function useOfflineCloudBase(): void {
  Db.reqClass = new FakeCloudBase().requester();
}

/**
 * A CloudBase store over the offline model, its collections made first as `npm run deploy:database`
 * does before any function runs (the store never creates collections itself).
 */
export async function offlineCloudBaseStore(prefix: string): Promise<{ store: Store; db: Db }> {
  const db = new Db({ env: 'offline-model' });
  await ensureCollections(
    db,
    databaseSchema(prefix).map((c) => c.name),
  );
  return { store: cloudBaseStoreOn(db, prefix), db };
}
