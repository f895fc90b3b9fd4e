import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MINUTE, type Envelope } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import type { Deps } from '@backend/runtime/deps';
import { seedDemo } from '@backend/server/seed';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import type { Store } from '@backend/storage/port';
import { runSweep } from '@backend/usecases/sweep';
import { offlineCloudBaseStore, useOfflineCloudBase } from '../storage/offline-cloudbase';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-interval-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
useOfflineCloudBase();

const STORES: [string, () => Promise<Store>][] = [
  ['the embedded store', async () => openSqliteStore(path.join(dir, 'embedded'))],
  ['the CloudBase store (over the in-memory model)', async () => (await offlineCloudBaseStore('rp_interval_')).store],
];

describe.each(STORES)('changing the escalation interval, on %s', (_name, open) => {
  it('re-indexes the open orders: an order overdue at +15 escalates at +45 and +75 once the interval is 30 minutes', async () => {
    const store = await open();
    await store.clear();
    await seedDemo(store);
    let now = Date.UTC(2026, 9, 5, 1, 0);
    let seq = 0;
    const deps: Deps = { store, now: () => now, newId: (prefix) => `${prefix}${++seq}` };
    const call = async (fn: keyof typeof FUNCTIONS, user: string, event: Record<string, unknown>) => {
      const reply = (await FUNCTIONS[fn](event, { devUserId: user }, deps)) as Envelope<any>;
      if (!reply.ok) throw new Error(`${fn}: ${reply.error.code}`);
      return reply.data;
    };
    const { order } = await call('orders', 'demo-resident', {
      action: 'create',
      requestId: 'request-place-1',
      order: { serviceItemId: 's-repair-urgent', householdId: 'h-yg-a', description: '厨房水管漏水', timeWindow: { from: now, to: now + 3_600_000 } },
    });
    const levels = async () => (await store.listEvents(order.id)).map((e) => e.payload.level ?? e.action);
    now += 15 * MINUTE;
    await runSweep(deps);
    expect(await levels()).toEqual(['create', 1]);
    await call('admin', 'demo-admin', { action: 'updateSettings', role: 'admin', escalationMinutes: 30 });
    now += 29 * MINUTE;
    await runSweep(deps);
    expect(await levels()).toEqual(['create', 1]);
    now += MINUTE;
    await runSweep(deps);
    expect(await levels()).toEqual(['create', 1, 2]);
    now += 30 * MINUTE;
    await runSweep(deps);
    expect(await levels()).toEqual(['create', 1, 2, 3]);
    await store.clear();
    await store.close();
  });
});
