/**
 * Database round trips per action against the CloudBase adapter, counted at the SDK's request
 * layer (`Db.reqClass`, here the in-memory model of tests/storage/fake-cloudbase.ts): every request
 * the database client sends for one call of a function, through a whole order loop.
 *
 *   npx tsx bench/round-trips.ts      prints one JSON line per action: total and by request kind
 */
import { Db } from '@cloudbase/database';
import path from 'node:path';
import { ensureCollections } from '../backend/storage/cloudbase/collections';
import { cloudBaseStoreOn } from '../backend/storage/cloudbase/cloudbase-store';
import { databaseSchema } from '../backend/storage/cloudbase/schema';
import { FakeCloudBase } from '../tests/storage/fake-cloudbase';
import { benchDeps, inProcess, seedBench, step, WRITES, type LoopAction } from './lib/world';

export interface RoundTrips {
  readonly action: LoopAction;
  readonly total: number;
  readonly byRequest: Record<string, number>;
}

export async function roundTripsPerAction(): Promise<RoundTrips[]> {
  const fake = new FakeCloudBase();
  Db.reqClass = fake.requester();
  const db = new Db({ env: 'round-trips' });
  await ensureCollections(
    db,
    databaseSchema('rp_rt_').map((c) => c.name),
  );
  const store = cloudBaseStoreOn(db, 'rp_rt_');
  await seedBench(store);
  const call = inProcess(benchDeps(store));
  const out: RoundTrips[] = [];
  let orderId = '';
  let version = 0;
  for (const action of [...WRITES, 'get', 'list'] as const) {
    const before = new Map(fake.calls);
    const s = step(action, 1, orderId, version);
    const reply = await call(s.fn, s.event, s.user);
    if (!reply.ok) throw new Error(`${action}: ${reply.error.code}`);
    const byRequest: Record<string, number> = {};
    for (const [api, n] of fake.calls) if (n - (before.get(api) ?? 0) > 0) byRequest[api.replace('database.', '')] = n - (before.get(api) ?? 0);
    out.push({ action, total: Object.values(byRequest).reduce((a, b) => a + b, 0), byRequest });
    if (action !== 'list' && action !== 'get') {
      const order = (reply.data as { order: { id: string; version: number } }).order;
      orderId = order.id;
      version = order.version;
    }
  }
  return out;
}

if (path.resolve(process.argv[1] ?? '') === __filename) {
  roundTripsPerAction().then((rows) => {
    for (const r of rows) console.log(JSON.stringify(r));
  });
}
