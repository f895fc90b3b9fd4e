/**
 * What one call costs when it starts cold: after another process had the core, as on a server whose
 * requests come one at a time, or in `bench/interleaved.ts`, whose p95s are mostly the first call
 * after the other side's turn. Timing such calls on this shared VM moves by ±20 % between runs, so
 * this counts them with valgrind's callgrind and its cache simulation instead: the same figures for
 * the same code whatever the machine is doing. The caches are flushed before each measured call
 * (bench/cold-calls-target.ts), and each call's counts are dumped on their own. Not part of
 * `npm run bench` (a run takes a few minutes); to compare two commits, run it in a worktree of each.
 *
 *   npx tsx bench/cold-calls.ts [--action=dispatch|create|list|get] [--history=300] [--calls=40]
 *
 * Prints per call (median): instructions; first-level misses (instruction and data); lines fetched
 * from beyond the simulated 1 MB second level (this machine's L2 per core), the part a cold call
 * pays most for; and a rough cycle estimate (1 an instruction, 10 a first-level miss, 100 a line
 * from beyond). Then the same by where the code ran, over the calls without a garbage collection or
 * a compilation in them (more than 1.3 × the median instructions), which are counted apart. Each
 * figure is less what the same steps around no call at all cost (starting and waiting for
 * callgrind_control); the groups are not, and include it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arg } from './lib/args';
import { bundled, groupOf, perFunction, requireValgrind, runUnderCallgrind } from './lib/callgrind';

const action = arg('action', 'dispatch');
const history = Number(arg('history', '300'));
const calls = Number(arg('calls', '40'));

const EVENTS = ['Ir', 'I1mr', 'D1mr', 'D1mw', 'ILmr', 'DLmr', 'DLmw'] as const;
type Counts = Record<(typeof EVENTS)[number], number>;
const beyond = (c: Counts) => c.ILmr + c.DLmr + c.DLmw;
const firstLevel = (c: Counts) => c.I1mr + c.D1mr + c.D1mw;
const cycles = (c: Counts) => c.Ir + 10 * firstLevel(c) + 100 * beyond(c);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const kilo = (n: number) => `${(n / 1000).toFixed(1)} k`;

/** The totals of one dump file. */
function totals(file: string): Counts {
  const text = fs.readFileSync(file, 'utf8');
  const names = /^events: (.*)$/m.exec(text)?.[1]?.split(' ') ?? [];
  const values = (/^(?:totals|summary): (.*)$/m.exec(text)?.[1] ?? '').split(' ').map(Number);
  return Object.fromEntries(EVENTS.map((e) => [e, values[names.indexOf(e)] ?? 0])) as Counts;
}

async function main() {
  if (!['create', 'dispatch', 'list', 'get'].includes(action)) throw new Error(`--action is create, dispatch, list or get, not ${action}`);
  requireValgrind();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-cold-calls-'));
  try {
    const bundle = await bundled('cold-calls-target', work);
    const outFile = path.join(work, 'callgrind.out');
    await runUnderCallgrind(bundle, outFile, [path.join(work, 'data'), action, String(history), String(calls)], {
      valgrind: ['--cache-sim=yes', '--I1=32768,8,64', '--D1=32768,8,64', '--LL=1048576,8,64'],
    });
    report(outFile);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function report(outFile: string): void {
  const dir = path.dirname(outFile);
  const dumps = fs
    .readdirSync(dir)
    .map((f) => /^callgrind\.out\.(\d+)$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => path.join(dir, m[0]))
    // The first two calls after switching counting on still meet callgrind's own start.
    .slice(4);
  // Dumps alternate: the steps around no call, then the call.
  const empty = dumps.filter((_, i) => i % 2 === 0).map(totals);
  const overhead = Object.fromEntries(EVENTS.map((e) => [e, median(empty.map((c) => c[e]))])) as Counts;
  const all = dumps
    .filter((_, i) => i % 2 === 1)
    .map((file) => {
      const measured = totals(file);
      return { file, counts: Object.fromEntries(EVENTS.map((e) => [e, measured[e] - overhead[e]])) as Counts };
    });
  const typical = median(all.map((d) => d.counts.Ir));
  const plain = all.filter((d) => d.counts.Ir <= 1.3 * typical);
  const med = (f: (c: Counts) => number) => median(all.map((d) => f(d.counts)));
  console.log(`${action}: ${all.length} cold calls after ${history} whole loops (median per call, less ${kilo(overhead.Ir)} instructions of measuring)`);
  console.log(`  instructions                    ${kilo(med((c) => c.Ir))}`);
  console.log(`  first-level misses (I / D)      ${kilo(med((c) => c.I1mr))} / ${kilo(med((c) => c.D1mr + c.D1mw))}`);
  console.log(`  lines from beyond L2 (I / D)    ${kilo(med((c) => c.ILmr))} / ${kilo(med((c) => c.DLmr + c.DLmw))}`);
  console.log(`  estimated cycles                ${kilo(med(cycles))}`);
  console.log(`  calls with a collection or compilation in them: ${all.length - plain.length} (kept out below)`);
  const groups = new Map<string, Counts>();
  for (const { file } of plain)
    for (const [fn, values] of perFunction(file, EVENTS)) {
      const g = groups.get(groupOf(fn)) ?? (Object.fromEntries(EVENTS.map((e) => [e, 0])) as Counts);
      EVENTS.forEach((e, i) => {
        g[e] += values[i]!;
      });
      groups.set(groupOf(fn), g);
    }
  console.log('  by where it ran (mean per call): instructions, lines from beyond L2, estimated cycles');
  for (const [group, c] of [...groups].sort((a, b) => cycles(b[1]) - cycles(a[1])))
    console.log(
      `  ${kilo(c.Ir / plain.length).padStart(9)} ${kilo(beyond(c) / plain.length).padStart(8)} ${kilo(cycles(c) / plain.length).padStart(9)}  ${group}`,
    );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
