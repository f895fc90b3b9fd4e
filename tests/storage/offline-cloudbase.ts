import { Db } from '@cloudbase/database';
import { beforeEach } from 'vitest';
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

/** The store a spec works on, its database client and its collections' prefix. */
export interface FreshCloudBase {
  readonly store: Store;
  readonly db: Db;
  readonly prefix: string;
}

/**
 * Routes the SDK to the offline model and opens a fresh store before each spec of the file, under a
 * collection prefix of its own (`rp_<name><n>_`), so no spec sees another's documents. Read the
 * fields inside specs and hooks: they change before each spec.
 */
export function freshCloudBaseEach(name: string): FreshCloudBase {
  useOfflineCloudBase();
  let opened = 0;
  const fresh = { store: undefined as unknown as Store, db: undefined as unknown as Db, prefix: '' };
  beforeEach(async () => {
    fresh.prefix = `rp_${name}${++opened}_`;
    Object.assign(fresh, await offlineCloudBaseStore(fresh.prefix));
  });
  return fresh;
}
