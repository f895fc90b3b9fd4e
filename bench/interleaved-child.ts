/**
 * One side of `bench/interleaved.ts`: a store on disk, seeded and warmed with 300 whole loops, that
 * runs what the driver asks over IPC and answers 'ok' each time, so the two sides take turns.
 * `{ type: 'loops', n }` runs n whole loops, `{ type: 'inbox' }` places 25 orders for the dispatcher's
 * list, `{ type: 'reads', n }` runs n lists and n gets, `{ type: 'end' }` sends every sample and exits.
 * Each call is timed (ms) and its process CPU time taken (user + system, all threads, ms).
 * argv: <dataBase>.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';
import { benchDeps, fillInbox, inProcess, PEOPLE, personOf, runLoop, seedBench, step, type Call } from './lib/world';

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
  const call: Call = async (fn, event, user) => {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const reply = await direct(fn, event, user);
    const wall = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    note(String(event.action), wall);
    note(`cpu ${String(event.action)}`, (used.user + used.system) / 1000);
    return reply;
  };
  for (let i = 0; i < 300; i++) await runLoop(call, i % PEOPLE);
  recording = true;
  let loops = 0;
  let last: { id: string; createdBy: string; version: number } | null = null;
  process.on('message', async (m: { type: 'loops' | 'inbox' | 'reads' | 'end'; n?: number }) => {
    if (m.type === 'loops') {
      for (let k = 0; k < m.n!; k++) await runLoop(call, loops++ % PEOPLE);
    } else if (m.type === 'inbox') {
      last = (await store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 1 })).items[0]!;
      recording = false;
      await fillInbox(call);
      recording = true;
    } else if (m.type === 'reads') {
      for (const action of ['list', 'get'] as const) {
        for (let k = 0; k < m.n!; k++) {
          const s = step(action, personOf(last!.createdBy), last!.id, last!.version);
          const reply = await call(s.fn, s.event, s.user);
          if (!reply.ok) throw new Error(`${action}: ${reply.error.code}`);
        }
      }
    } else {
      process.send!({ type: 'samples', samples });
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }
    process.send!({ type: 'ok' });
  });
  process.send!({ type: 'ready' });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
