import { openSqliteStore } from '../storage/embedded/sqlite-store';
import { timeOrderedId, type Deps } from '../runtime/deps';
import { defaultLimits } from '../runtime/rate-limit';
import { serverConfig } from './config';
import { createServer } from './http-server';
import { adjustableClock, startSweeper } from './scheduler';
import { seedIfEmpty } from './seed';

/** `npm run server`: the embedded store, demo data on first start, the functions and the H5 app on one port. */
async function main() {
  const config = serverConfig();
  const store = openSqliteStore(config.dataDir);
  const seeded = await seedIfEmpty(store);
  const clock = adjustableClock();
  const deps: Deps = { store, now: clock.now, newId: (prefix) => timeOrderedId(prefix), limits: defaultLimits() };
  const sweeper = startSweeper(deps, config.sweepEveryMs);
  const server = createServer({
    deps,
    h5Dir: config.h5Dir,
    filesDir: config.filesDir,
    dev: { advanceClock: clock.advance, sweepNow: sweeper.sweepNow },
  });
  server.listen(config.port, config.host, () => {
    console.log(`红色物业 · 社区服务 running at http://localhost:${config.port}/`);
    console.log(`data: ${config.dataDir}${seeded ? ' (demo data seeded)' : ''}`);
  });
  const stop = () => {
    sweeper.stop();
    server.close(() => store.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
