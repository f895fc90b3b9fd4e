import { DataFileError } from '../storage/embedded/data-file';
import { openSqliteStore } from '../storage/embedded/sqlite-store';
import type { Store } from '../storage/port';
import { timeOrderedId, type Deps } from '../runtime/deps';
import { defaultLimits } from '../runtime/rate-limit';
import type { AddressInfo } from 'node:net';
import { configRefusal, serverConfig } from './config';
import { playDemoGrievances } from './demo-grievances';
import { playDemoVolunteers } from './demo-volunteers';
import { playDemoMonth, type DemoMonthReport } from './demo-month';
import { createServer } from './http-server';
import { warmStatic } from './static-files';
import { uploadedPhotos } from './photo-files';
import { adjustableClock, startSweeper } from './scheduler';
import { seedIfEmpty } from './seed';
import { deliveriesSettled } from '../messaging/deliver';
import { localMessaging } from '../messaging/local-messaging';

/**
 * `npm run server` (and, in dev mode, `npm start`): the embedded store, demo data on first start
 * (the community and a month of its orders), the functions and the H5 app on one port.
 */
async function main() {
  const config = serverConfig();
  const refusal = configRefusal(config);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  const store = openSqliteStore(config.dataDir);
  const seeded = await seedIfEmpty(store);
  const month = seeded ? await demoMonth(store) : null;
  // Only dev mode moves the clock; publishing still goes by the real calendar (Deps.realNow).
  const clock = adjustableClock();
  // The photo store is named here (not left to the server) so that the housekeeping removes stale uploads.
  const photos = uploadedPhotos(config.filesDir);
  // Subscribe messages go to the simulated sender's outbox, shown in dev mode (/api/dev/outbox, the H5 inbox page).
  const messages = localMessaging(clock.now);
  const deps: Deps = {
    store,
    now: clock.now,
    realNow: Date.now,
    newId: (prefix) => timeOrderedId(prefix),
    limits: defaultLimits(),
    photos,
    messaging: messages,
  };
  const sweeper = startSweeper(deps, config.sweepEveryMs);
  const server = createServer({
    deps,
    h5Dir: config.h5Dir,
    filesDir: config.filesDir,
    dev: config.dev ? { advanceClock: clock.advance, sweepNow: sweeper.sweepNow, outbox: messages.sender.outbox } : undefined,
    names: [config.host, config.serverName].filter((name): name is string => !!name && !WILDCARD.has(name)),
  });
  server.on('error', (e) => {
    console.error(`红色物业 · 社区服务 could not start: ${e.message}`);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const { address, port } = server.address() as AddressInfo;
    const shown = address.includes(':') ? `[${address}]` : address;
    console.log(`红色物业 · 社区服务 running at http://${shown}:${port}/`);
    console.log(
      config.dev
        ? 'dev mode: demo users (X-Dev-User) and /api/dev/* are on, for this machine only'
        : 'without dev mode: only the public board (/board) and /api/health answer; start with --dev (npm start) for the demo users',
    );
    const demo = month
      ? ` (demo data seeded: a month of ${month.orders} orders, ${month.ms} ms)`
      : seeded
        ? ' (demo data seeded, without its month of orders)'
        : '';
    console.log(`data: ${config.dataDir}${demo}`);
    void warmStatic(config.h5Dir);
  });
  // Stop taking requests, let a sweep under way finish its commit, then close the store: a write
  // never meets a closed database, and the exit code says whether the close was clean.
  const stop = () => {
    server.close(() => {
      sweeper
        .stop()
        .then(() => deliveriesSettled(messages))
        .then(() => store.close())
        .then(
          () => process.exit(0),
          (e: unknown) => {
            console.error('[server] closing the store failed', e);
            process.exit(1);
          },
        );
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Addresses that mean "every interface": nobody sends them as a Host. */
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** The demo month on a fresh store; if it fails, the server still starts, and says how to start over. */
async function demoMonth(store: Store): Promise<DemoMonthReport | null> {
  try {
    const month = await playDemoMonth(store);
    // The 诉求 follow the month's orders: same clock, so a failure there leaves the month as it is.
    await playDemoGrievances(store);
    // 在职党员报到: a registered volunteer with a few visits served, so 志愿服务时长 has hours.
    await playDemoVolunteers(store);
    return month;
  } catch (e) {
    console.error('[demo] the demo month could not be played to the end; `npm run reset` starts the data over', e);
    return null;
  }
}

main().catch((e) => {
  // A data file that cannot be opened is explained in its message; a stack trace would bury it.
  console.error(e instanceof DataFileError ? e.message : e);
  process.exit(1);
});
