/**
 * Interleaved A/B of one caller in-process, this checkout against another (say a worktree of the
 * commit before a change). On this shared VM two runs of the bench a few minutes apart differ by up
 * to 3 × in their p95s; here both versions run at once, each in a long-lived process with its own
 * store on disk, and take turns: `loops` whole loops by one side, then by the other (which side goes
 * first alternates), `turns` times; then `reads` lists and gets each, `readTurns` times. Both sides
 * see the same minutes of the machine. Prints, per action, p50 and p95 of each side, the change, and
 * the CPU time the process spent on the call (p50 and p95), the same for the first call of each turn
 * alone (`create, 1st of turn`, `list, 1st of turn`: the call that starts cold, after the other side),
 * then each side's CPU time by thread over the measured window (the main thread apart from V8's and
 * libuv's helpers). Not part of `npm run bench`.
 *
 *   npx tsx bench/interleaved.ts --other=/work/wt/before [--turns=100] [--loops=10] [--read-turns=200] [--reads=15]
 *     [--gap=0] [--node-flags="--single-threaded"]
 *
 * `--gap=ms` waits before each turn. Without it a side's first call can wait for the core while the
 * other side's helper threads (V8 compiling, collecting) finish what its turn left them.
 *
 * The other checkout needs its node_modules (a symlink to these will do). This side's child
 * (bench/interleaved-child.ts) and bench/lib are copied into `<other>/bench-interleaved/`, at the
 * same depth as bench/, so that they call the other version's functions and store.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { arg } from './lib/args';
import { ROOT, WORK } from './lib/paths';
import { summarize } from './lib/stats';
import { WRITES } from './lib/world';

const other = arg('other', '');
const turns = Number(arg('turns', '100'));
const loops = Number(arg('loops', '10'));
// Many short read turns: a turn's first list is the one after the other side's turn, and the reads'
// p95 falls among those first calls; with 20 turns, about five of them decided it.
const readTurns = Number(arg('read-turns', '200'));
const reads = Number(arg('reads', '15'));
/** ms between turns (see above). */
const gap = Number(arg('gap', '0'));
/** Node's own flags for both sides, space-separated (say `--single-threaded`). */
const nodeFlags = arg('node-flags', '').split(' ').filter(Boolean);

type Samples = Record<string, number[]>;
type Threads = Record<string, number>;
interface Reply {
  type: string;
  samples?: Samples;
  threads?: Threads;
}

/** The next message of `type` from a child. */
const next = (child: ChildProcess, type: string) =>
  new Promise<Reply>((resolve, reject) => {
    const heard = (m: Reply) => {
      if (m.type !== type) return;
      child.off('message', heard);
      child.off('exit', died);
      resolve(m);
    };
    const died = (code: number | null) => reject(new Error(`a side exited with ${code} while the driver waited for '${type}'`));
    child.on('message', heard);
    child.once('exit', died);
  });

function start(cwd: string, dir: string): ChildProcess {
  return fork(path.join(dir, 'interleaved-child.ts'), [path.join(WORK, 'interleaved')], { cwd, execArgv: [...nodeFlags, '--import', 'tsx'], stdio: 'inherit' });
}

async function main() {
  if (!other || !fs.existsSync(path.join(other, 'backend'))) throw new Error('--other=<a checkout of this project> is required');
  const copy = path.join(other, 'bench-interleaved');
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'bench', 'lib'), path.join(copy, 'lib'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'bench', 'interleaved-child.ts'), path.join(copy, 'interleaved-child.ts'));
  const sides = { this: start(ROOT, path.join(ROOT, 'bench')), other: start(other, copy) };
  try {
    await Promise.all(Object.values(sides).map((c) => next(c, 'ready')));
    const ask = async (child: ChildProcess, message: object) => {
      if (gap) await new Promise((r) => setTimeout(r, gap));
      child.send(message);
      await next(child, 'ok');
    };
    const inTurn = (t: number) => (t % 2 ? [sides.other, sides.this] : [sides.this, sides.other]);
    for (let t = 0; t < turns; t++) for (const side of inTurn(t)) await ask(side, { type: 'loops', n: loops });
    for (const side of Object.values(sides)) await ask(side, { type: 'inbox' });
    for (let t = 0; t < readTurns; t++) for (const side of inTurn(t)) await ask(side, { type: 'reads', n: reads });
    const got: Record<keyof typeof sides, Reply> = { this: { type: '' }, other: { type: '' } };
    for (const key of ['this', 'other'] as const) {
      sides[key].send({ type: 'end' });
      got[key] = await next(sides[key], 'samples');
    }
    report(got.this.samples!, got.other.samples!);
    reportThreads(got.this.threads ?? {}, got.other.threads ?? {});
  } finally {
    for (const c of Object.values(sides)) if (c.exitCode === null) c.kill();
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

function report(mine: Samples, theirs: Samples) {
  const us = (ms: number) => `${Math.round(ms * 1000)}`.padStart(6);
  const change = (a: number, b: number) => `${b > a ? '+' : ''}${((b / a - 1) * 100).toFixed(1)} %`.padStart(9);
  console.log(`${turns} turns of ${loops} loops, ${readTurns} of ${reads} reads; µs, other → this`);
  // Every write of the loops together too: a cost that comes every so many writes (a leaf split of
  // the events table, a checkpoint) falls on whichever action a version's document lengths put it.
  for (const s of [mine, theirs]) {
    s['writes (all six)'] = WRITES.flatMap((a) => s[a] ?? []);
    s['cpu writes (all six)'] = WRITES.flatMap((a) => s[`cpu ${a}`] ?? []);
  }
  const actions = Object.keys(mine).filter((k) => !k.startsWith('cpu '));
  const width = Math.max(...actions.map((a) => a.length));
  console.log(`${'action'.padEnd(width)}      n  p50 other   this   change  p95 other   this   change  CPU p50 other   this  CPU p95 other   this`);
  for (const action of actions) {
    const [a, b] = [summarize(theirs[action] ?? []), summarize(mine[action]!)];
    const [ca, cb] = [summarize(theirs[`cpu ${action}`] ?? []), summarize(mine[`cpu ${action}`] ?? [])];
    console.log(
      `${action.padEnd(width)} ${String(b.n).padStart(6)}     ${us(a.p50)} ${us(b.p50)} ${change(a.p50, b.p50)}     ${us(a.p95)} ${us(b.p95)} ${change(a.p95, b.p95)}         ${us(ca.p50)} ${us(cb.p50)}         ${us(ca.p95)} ${us(cb.p95)}`,
    );
  }
}

/** Each side's CPU time over the measured window by thread: the main thread, and the helpers by name. */
function reportThreads(mine: Threads, theirs: Threads) {
  const names = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].sort((a, b) => (a === 'main' ? -1 : b === 'main' ? 1 : a.localeCompare(b)));
  const total = (t: Threads) => Object.values(t).reduce((n, ms) => n + ms, 0);
  console.log(`\nCPU time by thread over the measured window, ms, other → this`);
  for (const name of [...names, 'all']) {
    const [a, b] = name === 'all' ? [total(theirs), total(mine)] : [theirs[name] ?? 0, mine[name] ?? 0];
    if (a === 0 && b === 0) continue;
    console.log(`${name.padEnd(18)} ${String(a).padStart(7)} ${String(b).padStart(7)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
