/**
 * Database round trips per action against the CloudBase adapter, counted at the SDK's request
 * layer (`Db.reqClass`, here the in-memory model of tests/storage/fake-cloudbase.ts): every request
 * the database client sends for one call of a function, through a whole order loop.
 *
 *   npx tsx bench/round-trips.ts      prints one JSON line per action: warm total, by request kind, and cold total
 */
import { Db } from '@cloudbase/database';
import path from 'node:path';
import { ensureCollections } from '../backend/storage/cloudbase/collections';
import { cloudBaseStoreOn, REFERENCE_TTL_MS } from '../backend/storage/cloudbase/cloudbase-store';
import type { Store } from '../backend/storage/port';
import { databaseSchema } from '../backend/storage/cloudbase/schema';
import { FakeCloudBase } from '../tests/storage/fake-cloudbase';
import { benchDeps, inProcess, seedBench, step, WRITES, type LoopAction } from './lib/world';

export interface RoundTrips {
  readonly action: LoopAction;
  /** Requests on a warm function instance (reference documents kept for REFERENCE_TTL_MS). */
  readonly total: number;
  readonly byRequest: Record<string, number>;
  /** Requests on a cold instance, which reads every reference document it needs. */
  readonly cold: number;
}

/** One whole loop on a store, counting each action's requests by kind. */
async function countLoop(fake: FakeCloudBase, store: Store, loop: number): Promise<Map<LoopAction, Record<string, number>>> {
  const call = inProcess(benchDeps(store));
  const out = new Map<LoopAction, Record<string, number>>();
  let orderId = '';
  let version = 0;
  for (const action of [...WRITES, 'get', 'list'] as const) {
    const before = new Map(fake.calls);
    const s = step(action, loop, orderId, version);
    const reply = await call(s.fn, s.event, s.user);
    if (!reply.ok) throw new Error(`${action}: ${reply.error.code}`);
    const byRequest: Record<string, number> = {};
    for (const [api, n] of fake.calls) if (n - (before.get(api) ?? 0) > 0) byRequest[api.replace('database.', '')] = n - (before.get(api) ?? 0);
    out.set(action, byRequest);
    if (action !== 'list' && action !== 'get') {
      const order = (reply.data as { order: { id: string; version: number } }).order;
      orderId = order.id;
      version = order.version;
    }
  }
  return out;
}

const sum = (byRequest: Record<string, number>) => Object.values(byRequest).reduce((a, b) => a + b, 0);

export async function roundTripsPerAction(): Promise<RoundTrips[]> {
  const fake = new FakeCloudBase();
  Db.reqClass = fake.requester();
  const db = new Db({ env: 'round-trips' });
  await ensureCollections(
    db,
    databaseSchema('rp_rt_').map((c) => c.name),
  );
  const cold = cloudBaseStoreOn(db, 'rp_rt_');
  await seedBench(cold);
  const coldCounts = await countLoop(fake, cold, 1);
  // A warm instance: one loop of other people first, then the measured one by the same people.
  const warm = cloudBaseStoreOn(db, 'rp_rt_', { referenceTtlMs: REFERENCE_TTL_MS });
  await countLoop(fake, warm, 2);
  const warmCounts = await countLoop(fake, warm, 2);
  return [...warmCounts].map(([action, byRequest]) => ({ action, total: sum(byRequest), byRequest, cold: sum(coldCounts.get(action) ?? {}) }));
}

if (path.resolve(process.argv[1] ?? '') === __filename) {
  roundTripsPerAction().then((rows) => {
    for (const r of rows) console.log(JSON.stringify(r));
  });
}
