/**
 * One side of `bench/interleaved.ts`: a store on disk, seeded and warmed with 300 whole loops, that
 * runs what the driver asks over IPC and answers 'ok' each time, so the two sides take turns.
 * `{ type: 'loops', n }` runs n whole loops, `{ type: 'inbox' }` places 25 orders for the dispatcher's
 * list and warms the reads (300 lists and gets, unmeasured), `{ type: 'reads', n }` runs n lists and
 * n gets, `{ type: 'end' }` sends every sample and exits.
 * Each call is timed (ms) and its process CPU time taken (user + system, all threads, ms); the first
 * call of each turn, the one that starts after the other side had the core, is noted a second time as
 * `<action>, 1st of turn`. At the end, each thread's CPU time over the measured window.
 * argv: <dataBase>.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';
import { benchDeps, fillInbox, inProcess, PEOPLE, runLoop, runReads, seedBench, type Call } from './lib/world';

const [base] = process.argv.slice(2) as [string];

async function main() {
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, 'interleaved-'));
  const store = openSqliteStore(dir);
  await seedBench(store);
  const samples: Record<string, number[]> = {};
  let recording = false;
  const note = (name: string, value: number) => {
    if (recording) (samples[name] ??= []).push(value);
  };
  const direct = inProcess(benchDeps(store));
  /** Whether the next call is the first of its turn: the first after the other side had the core. */
  let firstOfTurn = false;
  const call: Call = async (fn, event, user) => {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const reply = await direct(fn, event, user);
    const wall = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    const names = firstOfTurn ? [String(event.action), `${String(event.action)}, 1st of turn`] : [String(event.action)];
    for (const name of names) {
      note(name, wall);
      note(`cpu ${name}`, (used.user + used.system) / 1000);
    }
    firstOfTurn = false;
    return reply;
  };
  for (let i = 0; i < 300; i++) await runLoop(call, i % PEOPLE);
  recording = true;
  const threadsAtStart = threadCpu();
  let loops = 0;
  let last: { id: string; createdBy: string; version: number } | null = null;
  process.on('message', async (m: { type: 'loops' | 'inbox' | 'reads' | 'end'; n?: number }) => {
    firstOfTurn = true;
    if (m.type === 'loops') {
      for (let k = 0; k < m.n!; k++) await runLoop(call, loops++ % PEOPLE);
    } else if (m.type === 'inbox') {
      last = (await store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 1 })).items[0]!;
      recording = false;
      await fillInbox(call);
      // Warmed as the writes were by the first 300 loops: the reads are measured once V8 has optimized them.
      await runReads(call, last, 300);
      recording = true;
    } else if (m.type === 'reads') {
      await runReads(call, last!, m.n!);
    } else {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
      // Exits once the samples are handed over: a long run's do not fit in one write to the pipe.
      const threads = threadCpu();
      for (const [name, ms] of threadsAtStart) threads.set(name, (threads.get(name) ?? 0) - ms);
      process.send!({ type: 'samples', samples, threads: Object.fromEntries(threads) }, () => process.exit(0));
      return;
    }
    process.send!({ type: 'ok' });
  });
  process.send!({ type: 'ready' });
}

/**
 * CPU time (ms, user + system) of this process's threads so far, summed by thread name: the main
 * thread's JavaScript and SQLite apart from V8's helpers (compiling, collecting garbage) and libuv's.
 * Linux only (empty elsewhere); the kernel counts in ticks of 10 ms, so only a whole run's sum means much.
 */
function threadCpu(): Map<string, number> {
  const sums = new Map<string, number>();
  const tasks = '/proc/self/task';
  if (!fs.existsSync(tasks)) return sums;
  for (const tid of fs.readdirSync(tasks)) {
    let stat: string;
    try {
      stat = fs.readFileSync(path.join(tasks, tid, 'stat'), 'utf8');
    } catch {
      continue; // the thread ended
    }
    const name = tid === String(process.pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).trim();
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are the 14th and 15th fields of the line, the 12th and 13th after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    sums.set(name, (sums.get(name) ?? 0) + ticks * 10);
  }
  return sums;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
