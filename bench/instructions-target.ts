/**
 * Child process of `bench/instructions.ts --in-process`, run under callgrind with counting off: the
 * functions called in-process on an embedded store on disk, as bench/in-process.ts calls them. It
 * plays `history` whole loops and places 25 orders for the dispatcher's inbox (the store the in-process
 * bench reads list and get over), runs the measured call `measured` times unmeasured to warm it, then
 * switches counting on for `measured` more and off again. argv: <dataDir> <list|create|loop> <history> <measured>.
 */
import { spawn } from 'node:child_process';
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';
import { benchDeps, fillInbox, inProcess, PEOPLE, runLoop, seedBench, step } from './lib/world';

const [dir, action, history, measured] = process.argv.slice(2) as [string, 'list' | 'create' | 'loop', string, string];

/** callgrind_control talks to the tool through files it polls while the program runs: wait, never block. */
const counting = (on: boolean) =>
  new Promise<void>((resolve, reject) =>
    spawn('callgrind_control', ['-i', on ? 'on' : 'off', String(process.pid)], { stdio: 'ignore' }).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`callgrind_control exited with ${code}`)),
    ),
  );

async function main() {
  const store = openSqliteStore(dir);
  await seedBench(store);
  const call = inProcess(benchDeps(store));
  for (let i = 0; i < Number(history); i++) await runLoop(call, i % PEOPLE);
  await fillInbox(call);
  const once = async (k: number) => {
    if (action === 'loop') return runLoop(call, k % PEOPLE);
    const s = action === 'list' ? step('list', 0, '', 0) : step('create', k % PEOPLE, '', 0);
    const reply = await call(s.fn, s.event, s.user);
    if (!reply.ok) throw new Error(`${action}: ${reply.error.code}`);
  };
  for (let k = 0; k < Number(measured); k++) await once(k);
  await counting(true);
  for (let k = 0; k < Number(measured); k++) await once(k);
  await counting(false);
  await store.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
