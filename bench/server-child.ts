/**
 * The local server as `npm run server` builds it (embedded store, same handlers, H5 app at `/`),
 * without rate limits, in its own process so that the load tool and the server each get a core.
 * argv: <dataDir> <h5Dir> [seed]. Reports its port over IPC; on 'profile-start' / 'profile-stop'
 * it records a CPU profile of itself with the V8 profiler and sends back the path.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Session } from 'node:inspector';
import { createServer } from '../backend/server/http-server';
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';
import { mapToSource } from './lib/cpuprofile';
import { benchDeps, seedBench } from './lib/world';

const [dataDir, h5Dir, seed] = process.argv.slice(2) as [string, string, string | undefined];

async function main() {
  const store = openSqliteStore(dataDir);
  if (seed === 'seed') await seedBench(store);
  // Dev mode: the load names its callers in X-Dev-User, as `npm start` lets a tester do.
  const server = createServer({ deps: benchDeps(store), h5Dir, filesDir: path.join(dataDir, 'files'), dev: {} });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const session = new Session();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  process.on('message', async (m: { type: string; file?: string }) => {
    if (m.type === 'profile-start') {
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 250 });
      await post('Profiler.start');
      process.send!({ type: 'profiling' });
    } else if (m.type === 'profile-stop') {
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      fs.writeFileSync(m.file!, JSON.stringify(mapToSource(profile)));
      process.send!({ type: 'profiled', file: m.file });
    } else if (m.type === 'stop') {
      server.closeAllConnections();
      server.close(() => void store.close().then(() => process.exit(0)));
    }
  });
  process.send!({ type: 'ready', port: (server.address() as AddressInfo).port });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
