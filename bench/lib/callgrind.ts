/**
 * What the valgrind-based benches share (bench/instructions.ts, bench/cold-calls.ts): the check that
 * valgrind is installed, the bundle they run under it, and the reading of callgrind's output.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './paths';

/** Exits with a message when valgrind's tools are missing. */
export function requireValgrind(): void {
  for (const tool of ['valgrind', 'callgrind_control', 'callgrind_annotate']) {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
    } catch {
      console.error(`${tool} 未找到：请先安装 valgrind（apt-get install -y valgrind）`);
      process.exit(1);
    }
  }
}

/** Bundles bench/<name>.ts as the cloud functions are bundled (esbuild, CommonJS, better-sqlite3 left out); answers its path. */
export async function bundled(name: string, work: string): Promise<string> {
  const outfile = path.join(work, `${name}.cjs`);
  await build({
    entryPoints: [path.join(__dirname, '..', `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile,
    logLevel: 'warning',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
  });
  return outfile;
}

/** Where an instruction ran, from the function callgrind names (JIT code has no name, only an address). */
export function groupOf(fn: string): string {
  if (/compiler::|maglev|Turbofan/i.test(fn)) return 'V8 optimizing compiler';
  if (/Scaveng|Heap::|MarkCompact|Marking|Sweep|Evacuat|ConcurrentMark/.test(fn)) return 'garbage collection';
  if (/better_sqlite3|sqlite3/.test(fn)) return 'SQLite';
  if (/Json/.test(fn)) return 'JSON parse and stringify';
  if (/Baseline|IC_Miss|LoadIC|StoreIC|KeyedLoad|KeyedStore|ComputeHandler/.test(fn)) return 'unoptimized JS (baseline code, inline-cache misses)';
  if (/^(\?\?\?:)?0x[0-9a-f]+ /.test(fn)) return 'optimized JS (JIT code)';
  if (/libc\.so|ld-linux/.test(fn)) return 'libc';
  return 'V8 runtime, builtins, Node and libuv';
}

/** Each function's exclusive counts of `events` (callgrind's names, say Ir or ILmr) from callgrind_annotate. */
export function perFunction(outFile: string, events: readonly string[] = ['Ir']): Map<string, number[]> {
  const text = execFileSync('callgrind_annotate', ['--threshold=100', `--show=${events.join(',')}`, outFile], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const count = String.raw`([\d,]+|\.)(?: \(\s*[\d.]+%\))?\s+`;
  const line = new RegExp(`^\\s*${count.repeat(events.length)}(.*)$`);
  const rows = new Map<string, number[]>();
  for (const l of text.split('\n')) {
    const m = line.exec(l);
    const fn = m?.[events.length + 1];
    if (!m || !fn || fn === 'PROGRAM TOTALS') continue;
    const counts = m.slice(1, events.length + 1).map((c) => (c === '.' ? 0 : Number(c!.replaceAll(',', ''))));
    const sum = rows.get(fn) ?? events.map(() => 0);
    rows.set(
      fn,
      sum.map((s, i) => s + counts[i]!),
    );
  }
  return rows;
}

/**
 * Runs `bundle` with `args` in `node --single-threaded` (V8 compiles and collects on the main thread,
 * when the work arises) under callgrind with counting off until the target switches it on; answers
 * once it exited, throwing with the end of its log if it failed. `started` is told of the process.
 */
export async function runUnderCallgrind(
  bundle: string,
  outFile: string,
  args: readonly string[],
  options: { readonly valgrind?: readonly string[]; readonly started?: (child: ChildProcess) => void } = {},
): Promise<void> {
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      '--instr-atstart=no',
      ...(options.valgrind ?? []),
      `--callgrind-out-file=${outFile}`,
      process.execPath,
      '--single-threaded',
      bundle,
      ...args,
    ],
    { env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  options.started?.(child);
  let log = '';
  child.stderr!.on('data', (d) => (log += String(d)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${path.basename(bundle)} under valgrind exited with ${code}:\n${log.slice(-2000)}`);
}
