/**
 * `npm run bench`: every benchmark of issue 6 on this machine, in one run — numbers, not
 * assertions. Prints a table (each figure beside the limit it is read against, measured in the same
 * run, and the issue's target) and writes bench/results/latest.json and bench/results/chart.svg.
 *
 *   npm run bench                      everything (about 3–4 minutes on 2 cores)
 *   npm run bench -- --only=store,http run some sections: store, in-process, http, loops, statistics, round-trips, sizes, h5
 *   npm run bench -- --quick           shorter runs and 10k/20k orders, for trying the bench itself
 *   npm run bench -- --render          redraw chart.svg and latest.md from latest.json (no measuring)
 *
 * All traffic is on loopback; every load is bounded in count and time. BENCH_ARTIFACTS names the
 * checkout whose dist/, dist-h5/ and cloudfunctions/ are measured (default: this one).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleComposition } from './bundle-composition';
import { figures, type Results } from './figures';
import { panels } from './panels';
import { h5FirstScreen } from './h5';
import { snapshotH5 } from './h5-snapshot';
import { httpActions } from './http-actions';
import { inProcessTransitions, storeCommitRate } from './in-process';
import { barChart } from './lib/chart';
import { httpCall } from './lib/http-client';
import { loadMeter, machineInfo, type Load } from './lib/machine';
import { freshDir, RAM, removeDir, RESULTS, ROOT, WORK } from './lib/paths';
import { markdownTable, table } from './lib/report';
import { startServer } from './lib/server-proc';
import { inProcessLoops, loopRate, warmUp } from './loops';
import { profileInProcess, profileServer } from './profile';
import { rawInsertRate } from './raw-store';
import { roundTripsPerAction } from './round-trips';
import { serverAtScale } from './server-at-scale';
import { functionBundles, weappSizes } from './sizes';
import { buildStatsStore, measureStatistics } from './statistics';
import { walPages } from './wal-pages';

const SECTIONS = ['store', 'in-process', 'http', 'loops', 'statistics', 'round-trips', 'sizes', 'h5'] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',') as Section[] | undefined;
const ARTIFACTS = path.resolve(process.env.BENCH_ARTIFACTS ?? ROOT);

/** How long and how much each part runs: bounded in count and in time. */
const PLAN = {
  rawMs: quick ? 1000 : 3000,
  commitMs: quick ? 1000 : 3000,
  inProcessLoops: quick ? 300 : 1000,
  inProcessMaxMs: quick ? 4000 : 15000,
  profileMs: quick ? 1500 : 4000,
  httpConnections: 50,
  httpPerAction: quick ? 300 : 1000,
  httpMaxSeconds: 20,
  loopLevels: [1, 10, 50],
  inProcessLoopMs: quick ? 1000 : 3000,
  httpLoopMs: quick ? 1500 : 5000,
  statsOrders: quick ? [10_000, 20_000] : [10_000, 100_000],
  h5Runs: 5,
};

const log = (...xs: unknown[]) => console.error('[bench]', ...xs);
const sectionLog: Record<string, { seconds: number; load: Load } | { error: string }> = {};

async function section<T>(name: Section, fn: () => Promise<T>): Promise<T | undefined> {
  if (only && !only.includes(name)) return undefined;
  log(`${name} …`);
  const meter = loadMeter();
  const t = performance.now();
  try {
    const result = await fn();
    const load = meter();
    sectionLog[name] = { seconds: Math.round((performance.now() - t) / 100) / 10, load };
    log(
      `${name} done in ${sectionLog[name] && 'seconds' in sectionLog[name]! ? (sectionLog[name] as { seconds: number }).seconds : '?'} s (machine busy ${Math.round(100 * (load.machineBusy ?? 0))} %, bench ${Math.round(100 * (load.benchBusy ?? 0))} %, CPU pressure ${Math.round(100 * (load.cpuPressure ?? 0))} %)`,
    );
    return result;
  } catch (e) {
    sectionLog[name] = { error: String(e instanceof Error ? e.stack : e) };
    log(`${name} FAILED`, e);
    return undefined;
  }
}

const h5Dir = path.join(ARTIFACTS, 'dist-h5');

async function main() {
  const started = new Date();
  const t0 = performance.now();
  fs.mkdirSync(WORK, { recursive: true });
  const machine = machineInfo(WORK);
  log(
    `on ${machine.cpu}, load ${machine.loadavgAtStart.join(' ')}${machine.busyProcessesAtStart.length ? `; busy: ${machine.busyProcessesAtStart.join(' | ')}` : ''}`,
  );
  const results: Results = {};

  results.store = await section('store', async () => ({
    raw: rawInsertRate(WORK, 'raw', PLAN.rawMs),
    rawRam: RAM ? rawInsertRate(RAM, 'raw', PLAN.rawMs) : null,
    commit: await storeCommitRate(WORK, 'commit', PLAN.commitMs),
    commitRam: RAM ? await storeCommitRate(RAM, 'commit', PLAN.commitMs) : null,
    wal: await walPages(WORK),
  }));

  results.inProcess = await section('in-process', async () => ({
    disk: await inProcessTransitions(WORK, 'inproc', PLAN.inProcessLoops, PLAN.inProcessMaxMs),
    ram: RAM ? await inProcessTransitions(RAM, 'inproc', PLAN.inProcessLoops, PLAN.inProcessMaxMs) : null,
    profile: await profileInProcess(WORK, PLAN.profileMs),
  }));

  results.http = await section('http', async () => {
    const dir = freshDir(WORK, 'http');
    const server = await startServer(dir, h5Dir, true);
    try {
      const { actions, writes } = await httpActions(server, PLAN.httpConnections, PLAN.httpPerAction, PLAN.httpMaxSeconds);
      const profile = await profileServer(server, 50, PLAN.profileMs);
      return { connections: PLAN.httpConnections, perAction: PLAN.httpPerAction, actions, writes, profile };
    } finally {
      await server.stop();
      removeDir(dir);
    }
  });

  results.loops = await section('loops', async () => {
    const inProcess = await inProcessLoops(WORK, PLAN.loopLevels, PLAN.inProcessLoopMs);
    const dir = freshDir(WORK, 'loops-http');
    const server = await startServer(dir, h5Dir, true);
    const call = httpCall(server.url);
    try {
      const http = [];
      await warmUp(call);
      for (const c of PLAN.loopLevels) http.push(await loopRate(call, 'http', c, PLAN.httpLoopMs));
      return { inProcess, http };
    } finally {
      call.close();
      await server.stop();
      removeDir(dir);
    }
  });

  results.statistics = await section('statistics', async () => {
    const runs = [];
    const servers = [];
    for (const n of PLAN.statsOrders) {
      const built = await buildStatsStore(RAM ?? WORK, WORK, n);
      try {
        runs.push(await measureStatistics(built.dir, n, built.fillPerSecond));
        servers.push(await serverAtScale(built.dir, n, h5Dir));
      } finally {
        removeDir(built.dir);
      }
    }
    return { runs, servers };
  });

  results.roundTrips = await section('round-trips', roundTripsPerAction);

  results.sizes = await section('sizes', async () => ({
    weapp: weappSizes(path.join(ARTIFACTS, 'dist')),
    functions: functionBundles(ARTIFACTS),
    composition: await bundleComposition(ROOT, 'orders'),
  }));

  results.h5 = await section('h5', async () => {
    if (!fs.existsSync(path.join(h5Dir, 'index.html'))) {
      if (ARTIFACTS !== ROOT) return { note: `not built: no ${h5Dir}/index.html` };
      log('dist-h5/ missing: npx taro build --type h5');
      execFileSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'ignore' });
    }
    const snapshot = await snapshotH5(h5Dir, WORK);
    if (!snapshot) return { note: 'dist-h5/ stayed incomplete for a minute (a build running?): not measured' };
    const dir = freshDir(WORK, 'h5');
    const server = await startServer(dir, snapshot.dir, true);
    try {
      return { ...(await h5FirstScreen(`${server.url}/`, PLAN.h5Runs)), builtAt: snapshot.builtAt };
    } finally {
      await server.stop();
      removeDir(dir);
      removeDir(snapshot.dir);
    }
  });

  const figs = figures(results);
  const finished = new Date();
  const seconds = Math.round((performance.now() - t0) / 1000);
  const report = {
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    seconds,
    quick,
    only: only ?? null,
    machine,
    sections: sectionLog,
    plan: PLAN,
    figures: figs,
    results,
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  const load = render(report);
  console.log(table(figs));
  console.log(`\n${seconds} s on ${machine.cpu}; load average at start ${machine.loadavgAtStart.join(' ')}; sections: ${load}`);
  if (machine.busyProcessesAtStart.length) console.log(`other busy processes at start: ${machine.busyProcessesAtStart.join(' | ')}`);
  console.log(`written: ${path.relative(process.cwd(), path.join(RESULTS, 'latest.json'))}, latest.md, chart.svg, profiles in bench/results/profiles/`);
  const failed = Object.values(sectionLog).some((v) => 'error' in v);
  process.exitCode = failed ? 1 : 0;
}

type Report = { startedAt: string; seconds: number; machine: ReturnType<typeof machineInfo>; sections: typeof sectionLog; results: Results };

/** chart.svg and latest.md from a report (also `--render`: redraw them from latest.json without measuring). */
function render(report: Report): string {
  const pressures = Object.values(report.sections).flatMap((v) => ('load' in v && v.load.cpuPressure !== null ? [Math.round(100 * v.load.cpuPressure)] : []));
  const load = Object.entries(report.sections)
    .map(([k, v]) => ('load' in v ? `${k} ${v.seconds}s cpu-pressure ${Math.round(100 * (v.load.cpuPressure ?? 0))}%` : `${k} failed`))
    .join(', ');
  const m = report.machine;
  const subtitle =
    `${report.startedAt.slice(0, 16).replace('T', ' ')} UTC · ${m.cpu} · node ${m.node} · ${report.seconds}s run · load at start ${m.loadavgAtStart.join(' ')}` +
    (pressures.length ? ` · CPU pressure ${Math.min(...pressures)}–${Math.max(...pressures)} %` : '');
  fs.writeFileSync(path.join(RESULTS, 'chart.svg'), barChart('红色物业 · 社区服务 — npm run bench', subtitle, panels(report.results)));
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), `${markdownTable(figures(report.results))}\n\n${subtitle}; ${load}\n`);
  return load;
}

if (args.includes('--render')) {
  render(JSON.parse(fs.readFileSync(path.join(RESULTS, 'latest.json'), 'utf8')) as Report);
  console.log('redrawn from bench/results/latest.json: chart.svg, latest.md');
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
