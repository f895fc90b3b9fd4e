/**
 * Instructions per request of the bench's server, counted by valgrind's callgrind: the same count
 * for the same code and load whatever else the machine is doing, where CPU time on this shared VM
 * moves by ±10 % between sets of runs of the same code. Separate from `npm run bench` (a count takes
 * a minute or two under valgrind); to compare two commits, run it in a worktree of each (copy this
 * file into the older one).
 *
 *   npx tsx bench/instructions.ts [--action=create|get|health] [--warm=6000] [--measured=1000]
 *   npx tsx bench/instructions.ts --in-process [--action=list|create|loop] [--history=1200] [--measured=300]
 *
 * `--in-process` counts the functions called in-process instead (bench/instructions-target.ts), as
 * the in-process section of `npm run bench` times them: the dispatcher's list after `history` whole
 * loops (list counts every order of the company), a create, or a whole loop of six writes.
 *
 * The server is bench/server-child.ts bundled by esbuild (as the cloud functions are), run by
 * `valgrind --tool=callgrind` with counting off; `warm` requests bring V8 to its steady state (after
 * 2,000 creates a fifth of a create's instructions were still V8's optimizing compiler), counting is
 * switched on for `measured` requests only. The instructions are grouped by where they ran, and the
 * total is also printed without the compiler's, the part that moves between runs.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { arg } from './lib/args';
import { bundled, groupOf, perFunction, requireValgrind, runUnderCallgrind } from './lib/callgrind';
import { ROOT } from './lib/paths';
import { PEOPLE, personOf, step } from './lib/world';

const inProcessMode = process.argv.includes('--in-process');
const action = arg('action', inProcessMode ? 'list' : 'create') as 'create' | 'get' | 'health' | 'list' | 'loop';
const warm = Number(arg('warm', '6000'));
const history = Number(arg('history', '1200'));
const measured = Number(arg('measured', inProcessMode ? '300' : '1000'));

async function main() {
  requireValgrind();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-instructions-'));
  let child: ChildProcess | undefined;
  let failed = 0;
  try {
    failed = await (inProcessMode ? countInProcess : count)(work, (c) => (child = c));
  } finally {
    // A run that failed halfway leaves no server under valgrind behind, and no bundle or data.
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

/** Counts in `work` and prints the figures; answers how many answers were not 200. `started` is told of the server's process. */
async function count(work: string, started: (child: ChildProcess) => void): Promise<number> {
  const bundle = await bundled('server-child', work);
  const outFile = path.join(work, 'callgrind.out');
  const dataDir = path.join(work, 'data');
  // An IPC channel, as bench/lib/server-proc.ts has with the server: valgrind hands node its fd and env.
  // --single-threaded: V8 compiles and collects garbage on the main thread, when the work arises,
  // rather than on helper threads that valgrind would run whenever it schedules them.
  const child = spawn(
    'valgrind',
    ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${outFile}`, process.execPath, '--single-threaded', bundle, dataDir, work, 'seed'],
    {
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  started(child);
  let log = '';
  child.stderr!.on('data', (d) => (log += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const port = await Promise.race([
    new Promise<number>((resolve) => child.on('message', (m: { type: string; port?: number }) => m.type === 'ready' && resolve(m.port!))),
    exited.then((code) => Promise.reject(new Error(`server under valgrind exited with ${code}:\n${log.slice(-2000)}`))),
  ]);

  // Creates by person k % PEOPLE; gets cycle over orders created first, each read by its resident.
  let k = 0;
  const created: { id: string; i: number }[] = [];
  const create = () => step('create', k++ % PEOPLE, '', 0);
  const get = () => {
    const o = created[k++ % created.length]!;
    return step('get', o.i, o.id, 0);
  };
  let failed = 0;
  const blast = (amount: number, next: (() => ReturnType<typeof step>) | null) =>
    new Promise<void>((resolve, reject) =>
      autocannon(
        {
          url: `http://127.0.0.1:${port}`,
          connections: 10,
          amount,
          timeout: 120,
          requests: [
            {
              setupRequest: ((req: object) => {
                if (!next) return { ...req, method: 'GET', path: '/api/health' };
                const s = next();
                return {
                  ...req,
                  method: 'POST',
                  path: `/api/functions/${s.fn}`,
                  headers: { 'content-type': 'application/json', 'x-dev-user': s.user },
                  body: JSON.stringify(s.event),
                };
              }) as never,
              onResponse: (status: number, body: string) => {
                if (status !== 200) failed++;
                else if (next === create) {
                  const order = (JSON.parse(body) as { data: { order: { id: string; createdBy: string } } }).data.order;
                  created.push({ id: order.id, i: personOf(order.createdBy) });
                }
              },
            },
          ],
        },
        (e) => (e ? reject(e) : resolve()),
      ),
    );
  const next = action === 'health' ? null : action === 'get' ? get : create;
  if (action === 'get') await blast(1000, create);
  await blast(warm, next);
  execFileSync('callgrind_control', ['-i', 'on', String(child.pid)], { stdio: 'ignore' });
  await blast(measured, next);
  execFileSync('callgrind_control', ['-i', 'off', String(child.pid)], { stdio: 'ignore' });
  child.send({ type: 'stop' });
  await exited;

  report(outFile, `${measured} counted after ${warm} unmeasured${failed ? `; ${failed} answers not 200` : ''}`, 'request');
  return failed;
}

/** Counts `measured` in-process calls of bench/instructions-target.ts, which switches counting on and off itself. */
async function countInProcess(work: string, started: (child: ChildProcess) => void): Promise<number> {
  if (!['list', 'create', 'loop'].includes(action)) throw new Error(`--in-process counts list, create or loop, not ${action}`);
  const bundle = await bundled('instructions-target', work);
  const outFile = path.join(work, 'callgrind.out');
  await runUnderCallgrind(bundle, outFile, [path.join(work, 'data'), action, String(history), String(measured)], { started });
  report(outFile, `${measured} counted after ${history} whole loops and ${measured} unmeasured`, action === 'loop' ? 'whole loop' : 'call');
  return 0;
}

/** Prints the instructions per counted unit, in all and by where they ran. */
function report(outFile: string, how: string, unit: string): void {
  const total = Number(/^totals: (\d+)/m.exec(fs.readFileSync(outFile, 'utf8'))?.[1]);
  const groups = new Map<string, number>();
  for (const [fn, [n = 0]] of perFunction(outFile)) groups.set(groupOf(fn), (groups.get(groupOf(fn)) ?? 0) + n);
  const kilo = (n: number) => `${Math.round(n / measured / 1000).toLocaleString('en')} k`;
  console.log(`${action}: ${kilo(total)} instructions per ${unit} (${how})`);
  // The compiler's share moves by a fifth between runs of the same code (whichever functions V8
  // happens to optimize again inside the counted requests); the rest repeats within a few percent.
  const compiling = groups.get('V8 optimizing compiler') ?? 0;
  console.log(`${action}: ${kilo(total - compiling)} without V8's optimizing compiler`);
  for (const [group, n] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`  ${kilo(n).padStart(8)}  ${group}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
