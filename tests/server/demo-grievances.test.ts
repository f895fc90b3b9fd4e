import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardItem, Envelope, Minutes, Order } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import type { Deps } from '@backend/runtime/deps';
import { playDemoGrievances } from '@backend/server/demo-grievances';
import { seedDemo } from '@backend/server/seed';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import type { Store } from '@backend/storage/port';

const UNTIL = Date.UTC(2026, 10, 28, 4, 0);

describe('the demo 诉求', () => {
  let store: Store;
  let dir: string;
  let grievances: Order[];
  const call = async <T>(user: string, event: Record<string, unknown>): Promise<T> => {
    const deps: Deps = { store, now: () => UNTIL, newId: () => 'x' };
    const reply = (await FUNCTIONS.grievances(event, { devUserId: user }, deps)) as Envelope<T>;
    if (!reply.ok) throw new Error(reply.error.code);
    return reply.data;
  };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-demo-grievances-'));
    store = openSqliteStore(dir);
    await seedDemo(store);
    await playDemoGrievances(store, UNTIL);
    grievances = (await store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, { kind: 'grievance' }, { limit: 50 })).items;
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives each role one to act on: the dispatcher one to classify and one to answer, the supervisor one waiting on a department, the resident one rated', () => {
    const states = grievances.map((g) => [g.state, g.grievance?.route?.to ?? null]);
    expect(states).toEqual(
      expect.arrayContaining([
        ['pending_dispatch', null],
        ['referred', 'company'],
        ['referred', 'department'],
        ['referred', 'roundtable'],
        ['closed', 'department'],
      ]),
    );
    expect(grievances.find((g) => g.state === 'closed')?.rating?.quality).toBe(5);
  });

  it('puts the fire lane before a roundtable meeting whose minutes carry its decision', async () => {
    const { items } = await call<{ items: { id: string }[] }>('demo-supervisor', { action: 'meetings', role: 'supervisor' });
    expect(items).toHaveLength(1);
    const minutes = await call<Minutes>('demo-supervisor', { action: 'minutes', role: 'supervisor', meetingId: items[0]!.id });
    expect(minutes.items).toEqual([expect.objectContaining({ responsible: '物业', done: false })]);
  });

  it('shows 和平小区’s board to 孙志远 with the lamp he said 我也遇到 to', async () => {
    const { items } = await call<{ items: BoardItem[] }>('demo-worker-3', { action: 'board', role: 'resident' });
    expect(items.find((i) => i.where === '5号楼门口')).toMatchObject({ joined: true, voices: 2, outcome: '供电所已更换灯头和线路，路灯恢复照明' });
  });
});
