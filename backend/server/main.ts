import { openSqliteStore } from '../storage/embedded/sqlite-store';
import type { Store } from '../storage/port';
import { timeOrderedId, type Deps } from '../runtime/deps';
import { defaultLimits } from '../runtime/rate-limit';
import { serverConfig } from './config';
import { playDemoMonth, type DemoMonthReport } from './demo-month';
import { createServer } from './http-server';
import { uploadedPhotos } from './photo-files';
import { adjustableClock, startSweeper } from './scheduler';
import { seedIfEmpty } from './seed';

/**
 * `npm run server`: the embedded store, demo data on first start (the community and a month of its
 * orders), the functions and the H5 app on one port.
 */
async function main() {
  const config = serverConfig();
  const store = openSqliteStore(config.dataDir);
  const seeded = await seedIfEmpty(store);
  const month = seeded ? await demoMonth(store) : null;
  const clock = adjustableClock();
  // The photo store is named here (not left to the server) so that the housekeeping removes stale uploads.
  const photos = uploadedPhotos(config.filesDir);
  const deps: Deps = { store, now: clock.now, newId: (prefix) => timeOrderedId(prefix), limits: defaultLimits(), photos };
  const sweeper = startSweeper(deps, config.sweepEveryMs);
  const server = createServer({
    deps,
    h5Dir: config.h5Dir,
    filesDir: config.filesDir,
    dev: { advanceClock: clock.advance, sweepNow: sweeper.sweepNow },
  });
  server.listen(config.port, config.host, () => {
    console.log(`红色物业 · 社区服务 running at http://localhost:${config.port}/`);
    const demo = month
      ? ` (demo data seeded: a month of ${month.orders} orders, ${month.ms} ms)`
      : seeded
        ? ' (demo data seeded, without its month of orders)'
        : '';
    console.log(`data: ${config.dataDir}${demo}`);
  });
  const stop = () => {
    sweeper.stop();
    server.close(() => store.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The demo month on a fresh store; if it fails, the server still starts, and says how to start over. */
async function demoMonth(store: Store): Promise<DemoMonthReport | null> {
  try {
    return await playDemoMonth(store);
  } catch (e) {
    console.error('[demo] the demo month could not be played to the end; `npm run reset` starts the data over', e);
    return null;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
