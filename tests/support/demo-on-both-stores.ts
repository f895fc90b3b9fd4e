import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Envelope } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import type { Deps } from '@backend/runtime/deps';
import { seedDemo } from '@backend/server/seed';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import type { Store } from '@backend/storage/port';
import { offlineCloudBaseStore, useOfflineCloudBase } from '../storage/offline-cloudbase';

/**
 * Both adapters for a `describe.each`: the embedded store in a temporary folder and the CloudBase
 * store over the in-memory model, its collections prefixed `rp_<tag>_`. Call at the top of a spec file.
 */
export function bothStores(tag: string): [string, () => Promise<Store>][] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rp-${tag}-`));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  useOfflineCloudBase();
  return [
    ['the embedded store', async () => openSqliteStore(path.join(dir, 'embedded'))],
    ['the CloudBase store (over the in-memory model)', async () => (await offlineCloudBaseStore(`rp_${tag}_`)).store],
  ];
}

/**
 * The demo community on `store`, emptied and seeded, with the functions called in-process on a
 * clock the spec moves (`clock.now`); `call` answers a reply's data and throws on a refusal.
 */
export async function demoOn(store: Store, start: number) {
  await store.clear();
  await seedDemo(store);
  const clock = { now: start };
  let seq = 0;
  const deps: Deps = { store, now: () => clock.now, newId: (prefix) => `${prefix}${++seq}` };
  const call = async (fn: keyof typeof FUNCTIONS, user: string, event: Record<string, unknown>) => {
    const reply = (await FUNCTIONS[fn](event, { devUserId: user }, deps)) as Envelope<any>;
    if (!reply.ok) throw new Error(`${fn}: ${reply.error.code}`);
    return reply.data;
  };
  return { clock, deps, call };
}
