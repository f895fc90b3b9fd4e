/**
 * Child process of `bench/cold-calls.ts`, run under callgrind with its cache simulation and with
 * counting off: the functions called in-process on an embedded store on disk. After `history` whole
 * loops and the dispatcher's inbox (and, for a read, `history` unmeasured reads), every measured call
 * of `action` comes after the caches were flushed: 8 MB of other data written and 1,500 other
 * compiled functions run, as when another process had the core. Counting is switched on for the
 * run; the counters are zeroed right before each measured call and dumped right after it, one file
 * per call, each call's file after one of the same steps around no call (the cost of measuring).
 * argv: <dataDir> <create|dispatch|list|get> <history> <calls>.
 */
import { spawn } from 'node:child_process';
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';
import { benchDeps, fillInbox, inProcess, PEOPLE, personOf, runLoop, seedBench, step, type Call } from './lib/world';

const [dir, action, history, calls] = process.argv.slice(2) as [string, 'create' | 'dispatch' | 'list' | 'get', string, string];

/** callgrind_control talks to the tool through files it polls while the program runs: wait, never block. */
const control = (...args: string[]) =>
  new Promise<void>((resolve, reject) =>
    spawn('callgrind_control', [...args, String(process.pid)], { stdio: 'ignore' }).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`callgrind_control exited with ${code}`)),
    ),
  );

// Larger than the simulated last-level cache (1 MB, this machine's L2 per core), written a line at a time.
const other = new Uint8Array(8 << 20);
// Distinct functions, each compiled and run: other code in the instruction cache.
const otherCode = Array.from(
  { length: 1500 },
  (_, k) => new Function('n', `let s = ${k}; for (let i = 0; i < n; i++) s = (s * ${(k % 97) + 3} + i) ^ ${k % 13}; return s | 0;`) as (n: number) => number,
);
let sink = 0;
const flush = () => {
  for (let i = 0; i < other.length; i += 64) other[i] = (other[i]! + 1) & 255;
  for (const f of otherCode) sink += f(3);
};

async function main() {
  const store = openSqliteStore(dir);
  await seedBench(store);
  const direct = inProcess(benchDeps(store));
  let measuring = false;
  const call: Call = async (fn, event, user) => {
    if (!measuring || event.action !== action) return direct(fn, event, user);
    // First the same steps around no call at all: what the measuring itself costs (the driver subtracts it).
    flush();
    await control('-z');
    await control('-d');
    flush();
    await control('-z');
    const reply = await direct(fn, event, user);
    await control('-d');
    return reply;
  };
  for (let i = 0; i < Number(history); i++) await runLoop(direct, i % PEOPLE);
  // The order the reads name: the last one closed (six events, a worker to show the household), taken
  // before the inbox is filled, as bench/in-process.ts and the interleaved child take it.
  const last = (await store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 1 })).items[0]!;
  /** One call of `action` through `call`: a read (list, get), else a whole loop around it. */
  const once = async (k: number) => {
    if (action !== 'list' && action !== 'get') return runLoop(call, k % PEOPLE);
    const s = step(action, personOf(last.createdBy), last.id, last.version);
    const reply = await call(s.fn, s.event, s.user);
    if (!reply.ok) throw new Error(`${action}: ${reply.error.code}`);
  };
  await fillInbox(direct);
  // The reads warmed as much as the writes were by the loops: V8 has optimized their code, as on a server.
  if (action === 'list' || action === 'get') for (let k = 0; k < Number(history); k++) await once(k);
  for (let k = 0; k < 30; k++) flush();
  await control('-i', 'on');
  measuring = true;
  for (let k = 0; k < Number(calls); k++) await once(k);
  await control('-i', 'off');
  await store.close();
  if (sink === 0.5) console.log(sink);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
