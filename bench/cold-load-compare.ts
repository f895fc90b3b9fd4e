/**
 * Two builds of the cloud functions side by side, measured in the same interleaved rounds (a bare
 * node, then each bundle of the first build and of the second, every sample a fresh node process):
 *
 *   npx tsx bench/cold-load-compare.ts <before>/cloudfunctions <after>/cloudfunctions [rounds=15]
 *
 * Prints a Markdown table of medians: size, require (wall and CPU), the whole process against a bare
 * node's, require plus a first call through CloudBase's entry point (an unknown caller), and require
 * plus a known caller's first call, validated and answered (bench/cold-load.ts, KNOWN_CALLS); a
 * known call that answers differently in the two builds is reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bareNode, coldFirstCall, coldKnownCall, coldRequire } from './cold-load';
import { median } from './lib/stats';

const [before, after, rounds = '15'] = process.argv.slice(2);
if (!before || !after) throw new Error('usage: npx tsx bench/cold-load-compare.ts <before dir> <after dir> [rounds]');
const names = fs.readdirSync(after).filter((n) => fs.existsSync(path.join(after, n, 'index.js')) && fs.existsSync(path.join(before, n, 'index.js')));
type Samples = { require: number[]; cpu: number[]; process: number[]; firstCall: number[]; knownCall: number[] };
const samples = new Map<string, Samples>();
const bare: number[] = [];
const replies = new Map<string, string>();
for (let k = 0; k < Number(rounds); k++) {
  bare.push(bareNode());
  for (const name of names)
    for (const dir of [before, after]) {
      const file = path.join(dir, name, 'index.js');
      const s = samples.get(file) ?? { require: [], cpu: [], process: [], firstCall: [], knownCall: [] };
      samples.set(file, s);
      const r = coldRequire(file);
      s.require.push(r.requireMs);
      s.cpu.push(r.requireCpuMs);
      s.process.push(r.processMs);
      s.firstCall.push(coldFirstCall(file, name === 'sweep').firstCallMs);
      const known = coldKnownCall(file, name);
      s.knownCall.push(known.firstCallMs);
      replies.set(file, known.reply);
    }
}
const b = median(bare);
const fmt = (n: number) => n.toFixed(1);
console.log(`bare node process ${fmt(b)} ms; ${rounds} rounds; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`);
console.log(
  '| function | KB | require, ms | require, CPU ms | process − bare node, ms | require + first call, ms | require + a known caller’s first call, ms |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const name of names) {
  const [x, y] = [before, after].map((d) => samples.get(path.join(d, name, 'index.js'))!) as [Samples, Samples];
  const kb = (d: string) => (fs.statSync(path.join(d, name, 'index.js')).size / 1000).toFixed(0);
  const pair = (f: (s: Samples) => number) => `${fmt(f(x))} → ${fmt(f(y))}`;
  console.log(
    `| ${name} | ${kb(before)} → ${kb(after)} | ${pair((s) => median(s.require))} | ${pair((s) => median(s.cpu))} | ${pair((s) => median(s.process) - b)} | ${pair((s) => median(s.firstCall))} | ${pair((s) => median(s.knownCall))} |`,
  );
}
for (const name of names) {
  const [x, y] = [before, after].map((d) => replies.get(path.join(d, name, 'index.js')));
  if (x !== y) console.log(`\n${name}: a known caller's first call answers ${x} before and ${y} after`);
}
