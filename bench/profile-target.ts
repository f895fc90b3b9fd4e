/**
 * Child process: the in-process transition loop (functions → use cases → core → embedded store on
 * disk) under the V8 CPU profiler (the same sampler as `node --cpu-prof`, started after warm-up so
 * the profile holds only the loop). argv: <dataDir> <out.cpuprofile> <ms>.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector';
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';
import { mapToSource } from './lib/cpuprofile';
import { benchDeps, inProcess, runLoop, seedBench } from './lib/world';

const [dir, out, ms] = process.argv.slice(2) as [string, string, string];

async function main() {
  const store = openSqliteStore(dir);
  await seedBench(store);
  const call = inProcess(benchDeps(store));
  for (let i = 0; i < 100; i++) await runLoop(call, i % 50);
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}) =>
    new Promise<any>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  let loops = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < Number(ms)) await runLoop(call, loops++ % 50);
  const seconds = (performance.now() - t0) / 1000;
  const { profile } = await post('Profiler.stop');
  fs.writeFileSync(out, JSON.stringify(mapToSource(profile)));
  await store.close();
  process.send?.({ loops, seconds });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
