import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, VolunteerMonth } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import type { Deps } from '@backend/runtime/deps';
import { playDemoVolunteers } from '@backend/server/demo-volunteers';
import { seedDemo } from '@backend/server/seed';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import type { Store } from '@backend/storage/port';

/**
 * 在职党员报到 in the demo: on a first start the supervisor's 志愿服务时长 of the current month is not
 * empty — 李建国 is registered and has served visits with hours — however far into the month it is.
 */
describe.each([
  ['late in a month', Date.UTC(2026, 10, 28, 4, 0), '2026-11'],
  ['on its second day', Date.UTC(2026, 10, 1, 22, 0), '2026-11'],
])('the demo volunteer, %s', (_label, until, month) => {
  let store: Store;
  let dir: string;
  const hours = async (m: string): Promise<VolunteerMonth[]> => {
    const deps: Deps = { store, now: () => until, newId: () => 'x' };
    const reply = (await FUNCTIONS.statistics({ action: 'volunteers', role: 'supervisor', month: m }, { devUserId: 'demo-supervisor' }, deps)) as Envelope<{
      items: VolunteerMonth[];
    }>;
    if (!reply.ok) throw new Error(reply.error.code);
    return reply.data.items;
  };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-demo-volunteers-'));
    store = openSqliteStore(dir);
    await seedDemo(store);
    await playDemoVolunteers(store, until);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows 李建国 with served orders and hours in the month of the start', async () => {
    const [li] = await hours(month);
    expect(li).toMatchObject({ name: '李建国', workplace: '市供电公司' });
    expect(li!.orders).toBeGreaterThanOrEqual(1);
    expect(li!.hours).toBeGreaterThan(0);
  });

  it('served each visit through the lifecycle: closed, rated, marked 志愿服务, free', async () => {
    const { items } = await store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 20 });
    expect(items).toHaveLength(3);
    for (const o of items) expect(o).toMatchObject({ state: 'closed', volunteer: true, redPriceFen: 0, householdId: 'h-yg-b' });
    expect(items.every((o) => o.rating !== null && (o.volunteerHours ?? 0) > 0)).toBe(true);
    const user = await store.getRef('users', 'demo-resident-2');
    expect(user!.volunteer).toMatchObject({ workplace: '市供电公司' });
  });
});
