/**
 * Whole loops (create → dispatch → grab → start → complete → confirm, 已办结) per second with 1, 10
 * and 50 residents and workers at once, each pair running its own orders back to back. In-process
 * (handlers called directly) and over HTTP to the local server; no rate limits.
 */
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';
import { freshDir, removeDir } from './lib/paths';
import { summarize, type Latency } from './lib/stats';
import { benchDeps, inProcess, PEOPLE, runLoop, seedBench, WRITES, type Call } from './lib/world';

export interface LoopRate {
  readonly transport: 'in-process' | 'http';
  readonly concurrency: number;
  readonly loopsPerSecond: number;
  readonly transitionsPerSecond: number;
  readonly loops: number;
  readonly errors: number;
  readonly firstError: string | null;
  /** Time of one whole loop (six actions) as one pair saw it. */
  readonly loopMs: Latency;
  /** One action as a client saw it, all six together. */
  readonly actionMs: Latency;
}

/** `concurrency` pairs loop for `ms` milliseconds (each at most `maxLoops` in total). */
export async function loopRate(call: Call, transport: LoopRate['transport'], concurrency: number, ms: number, maxLoops = 20_000): Promise<LoopRate> {
  if (concurrency > PEOPLE) throw new Error(`at most ${PEOPLE} pairs`);
  const loopMs: number[] = [];
  const actionMs: number[] = [];
  let loops = 0;
  let errors = 0;
  let firstError: string | null = null;
  const t0 = performance.now();
  const end = t0 + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      while (performance.now() < end && loops + errors < maxLoops) {
        const t = performance.now();
        try {
          await runLoop(call, i, (_a, x) => actionMs.push(x));
          loops++;
          loopMs.push(performance.now() - t);
        } catch (e) {
          errors++;
          firstError ??= String(e);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return {
    transport,
    concurrency,
    loopsPerSecond: loops / seconds,
    transitionsPerSecond: (loops * WRITES.length) / seconds,
    loops,
    errors,
    firstError,
    loopMs: summarize(loopMs),
    actionMs: summarize(actionMs),
  };
}

/**
 * Loops run unmeasured before the measured ones, ten pairs at a time: the first few hundred calls of
 * each action are V8 compiling it, which a server running all day pays once.
 */
export async function warmUp(call: Call, loops = 300): Promise<void> {
  const pairs = 10;
  await Promise.all(
    Array.from({ length: pairs }, async (_, p) => {
      for (let i = p; i < loops; i += pairs) await runLoop(call, i % PEOPLE);
    }),
  );
}

/** The in-process runs, on a store of their own on the bench's disk. */
export async function inProcessLoops(base: string, levels: readonly number[], ms: number): Promise<LoopRate[]> {
  const dir = freshDir(base, 'loops');
  const store = openSqliteStore(dir);
  try {
    await seedBench(store);
    const call = inProcess(benchDeps(store));
    await warmUp(call);
    const out: LoopRate[] = [];
    for (const c of levels) out.push(await loopRate(call, 'in-process', c, ms));
    return out;
  } finally {
    await store.close();
    removeDir(dir);
  }
}
