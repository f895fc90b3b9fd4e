/**
 * Turns the raw results of a run into the table's figures (each beside its limit and target) and
 * the chart's panels. The limits come from the same run: the raw store rate, a bare node start, the
 * server's own first byte; the targets from issue 6.
 */
import type { BundleLoad, PackageSizes } from './sizes';
import type { Composition } from './bundle-composition';
import type { FirstScreen } from './h5';
import type { ActionLoad } from './http-actions';
import type { Latency } from './lib/stats';
import type { CommitRate, TransitionRate } from './in-process';
import type { ProfileResult } from './profile';
import type { RawRate } from './raw-store';
import type { ServerAtScale } from './server-at-scale';
import type { StatsRun } from './statistics';
import type { RoundTrips } from './round-trips';
import type { LoopRate } from './loops';
import type { WalPages } from './wal-pages';
import { judge, type Figure } from './lib/report';
import { WRITES } from './lib/world';

export interface Results {
  store?: { raw: RawRate; rawRam: RawRate | null; commit: CommitRate; commitRam: CommitRate | null; wal: WalPages };
  inProcess?: { disk: TransitionRate; ram: TransitionRate | null; profile: ProfileResult & { loops: number } };
  http?: { connections: number; perAction: number; actions: ActionLoad[]; writes: Latency; profile: ProfileResult & { loopsPerSecond: number } };
  loops?: { inProcess: LoopRate[]; http: LoopRate[] };
  statistics?: { runs: StatsRun[]; servers: ServerAtScale[] };
  roundTrips?: RoundTrips[];
  sizes?: {
    weapp: PackageSizes;
    functions: { built: boolean; note?: string; runs?: number; baselineProcessMs: number; bundles: BundleLoad[] };
    composition: Composition | null;
  };
  h5?: (FirstScreen & { builtAt?: string }) | { note: string };
}

export const TARGET_P95_MS = 50;
export const TARGET_STATS_MS = 500;
export const TARGET_MAIN_KB = 1024;
/** Issue 14: each function bundle under 400 KB, its cold load under 20 ms above a bare node start. */
export const TARGET_BUNDLE_KB = 400;
export const TARGET_COLD_MS = 20;
const WECHAT_PACKAGE_KB = 2048;

/** Transitions per second over HTTP: all write actions' requests over all their time. */
export const httpTransitionRate = (actions: readonly ActionLoad[]) => {
  const writes = actions.filter((a) => WRITES.includes(a.action));
  const seconds = writes.reduce((s, a) => s + a.seconds, 0);
  return seconds ? writes.reduce((s, a) => s + a.requests, 0) / seconds : null;
};

export function figures(r: Results): Figure[] {
  const out: Figure[] = [];
  const raw = r.store?.raw.transactionsPerSecond ?? null;
  const rawLimit = { name: 'raw store writes (disk)', value: raw, unit: 'tx/s' };
  if (r.store) {
    const s = r.store;
    out.push({
      group: 'writes',
      name: 'raw better-sqlite3 INSERT transactions, WAL + synchronous=FULL, disk',
      value: raw,
      unit: 'tx/s',
      note: `the physical limit: one fsync per commit; ${s.wal.perRawInsert.toFixed(1)} WAL pages each`,
    });
    if (s.rawRam)
      out.push({
        group: 'writes',
        name: 'the same on tmpfs (no real fsync)',
        value: s.rawRam.transactionsPerSecond,
        unit: 'tx/s',
        limit: rawLimit,
        note: 'what SQLite costs in CPU alone',
      });
    out.push({
      group: 'writes',
      name: 'store.commit alone, shaped like a transition, disk',
      value: s.commit.commitsPerSecond,
      unit: 'tx/s',
      limit: rawLimit,
      note: `${s.wal.perTransition.toFixed(1)} WAL pages per commit`,
    });
  }
  if (r.inProcess) {
    const p = r.inProcess;
    out.push({
      group: 'writes',
      name: 'order transitions through the functions, in-process, one caller at a time, disk',
      value: p.disk.transitionsPerSecond,
      unit: 'tx/s',
      limit: rawLimit,
      target: { op: '>=', value: 50, unit: '%', ofLimit: true },
      note: 'each transition waits for its own fsync',
    });
    if (p.ram) out.push({ group: 'writes', name: 'the same on tmpfs (CPU-bound ceiling)', value: p.ram.transitionsPerSecond, unit: 'tx/s', limit: rawLimit });
  }
  const busiest = r.loops?.inProcess.reduce<LoopRate | null>((a, l) => (a && a.concurrency >= l.concurrency ? a : l), null);
  if (busiest) {
    out.push({
      group: 'writes',
      name: `order transitions through the functions, in-process, ${busiest.concurrency} callers at once, disk`,
      value: busiest.transitionsPerSecond,
      unit: 'tx/s',
      limit: rawLimit,
      target: { op: '>=', value: 50, unit: '%', ofLimit: true },
      note: 'whole loops; commits of one event-loop turn share an fsync (group commit)',
    });
  }
  if (r.http) {
    out.push({
      group: 'writes',
      name: `order transitions over HTTP, ${r.http.connections} clients (autocannon)`,
      value: httpTransitionRate(r.http.actions),
      unit: 'tx/s',
      limit: rawLimit,
    });
  }
  if (r.inProcess) {
    for (const [action, l] of Object.entries(r.inProcess.disk.latency)) {
      out.push({
        group: 'latency in-process (1 caller)',
        name: `${action} p95`,
        value: l!.p95,
        unit: 'ms',
        note: `p50 ${l!.p50.toFixed(2)}, p99 ${l!.p99.toFixed(2)} ms`,
      });
    }
    const w = r.inProcess.disk.writes;
    out.push({
      group: 'latency in-process (1 caller)',
      name: 'every write p95',
      value: w.p95,
      unit: 'ms',
      note: `the six writes together; p50 ${w.p50.toFixed(2)}, p99 ${w.p99.toFixed(2)} ms`,
    });
  }
  if (r.http) {
    const w = r.http.writes;
    out.push({
      group: `latency over HTTP (${r.http.connections} clients)`,
      name: `one transition p95 (${w.n} write requests, steady state)`,
      value: w.p95,
      unit: 'ms',
      target: { op: '<', value: TARGET_P95_MS, unit: 'ms' },
      note: `p50 ${w.p50.toFixed(1)}, p99 ${w.p99.toFixed(1)} ms`,
    });
    for (const a of r.http.actions) {
      const write = WRITES.includes(a.action);
      out.push({
        group: `latency over HTTP (${r.http.connections} clients)`,
        name: `${a.action} p95 (${a.requests} requests, ${a.perSecond.toFixed(0)}/s)`,
        value: a.latency.p95,
        unit: 'ms',
        ...(write ? { target: { op: '<' as const, value: TARGET_P95_MS, unit: 'ms' } } : {}),
        note: `p50 ${a.latency.p50.toFixed(1)}, p99 ${a.latency.p99.toFixed(1)} ms; first request on each new connection p50 ${a.firstOnConnection.p50.toFixed(0)}, max ${a.firstOnConnection.max.toFixed(0)} ms; server CPU ${a.serverCpu === null ? '?' : Math.round(100 * a.serverCpu)} %, client ${Math.round(100 * a.clientCpu)} %${a.errors ? `; ${a.errors} errors: ${a.firstError}` : ''}`,
      });
    }
    for (const a of r.http.actions) {
      if (a.serverCpuMsPerRequest == null) continue;
      out.push({
        group: `server CPU per request over HTTP (${r.http.connections} clients)`,
        name: a.action,
        value: a.serverCpuMsPerRequest,
        unit: 'ms',
        note: `all of the server process’s threads, over the whole phase${a.serverThreadsMsPerRequest ? `: main thread ${a.serverThreadsMsPerRequest.main.toFixed(2)}, others (V8 compiling, GC) ${a.serverThreadsMsPerRequest.other.toFixed(2)} ms` : ''}`,
      });
    }
  }
  if (r.loops) {
    const loopLimit = { name: 'raw store writes ÷ 6', value: raw === null ? null : raw / WRITES.length, unit: 'loops/s' };
    for (const l of [...r.loops.inProcess, ...r.loops.http]) {
      out.push({
        group: 'whole loops (create → 已办结)',
        name: `${l.transport}, ${l.concurrency} resident${l.concurrency > 1 ? 's' : ''} + worker${l.concurrency > 1 ? 's' : ''}`,
        value: l.loopsPerSecond,
        unit: 'loops/s',
        limit: loopLimit,
        note: `one loop p50 ${l.loopMs.p50.toFixed(1)} ms, p95 ${l.loopMs.p95.toFixed(1)} ms; action p95 ${l.actionMs.p95.toFixed(1)} ms${l.errors ? `; ${l.errors} failed: ${l.firstError}` : ''}`,
      });
    }
  }
  for (const t of r.roundTrips ?? []) {
    out.push({
      group: 'round trips',
      name: `CloudBase database requests for orders.${t.action} (warm instance)`,
      value: t.total,
      unit: 'requests',
      ...(t.action === 'get' || t.action === 'list' ? {} : { target: { op: '<', value: 6, unit: 'requests' } }),
      note: `${Object.entries(t.byRequest)
        .map(([api, n]) => `${api} ${n}`)
        .join(', ')}${t.cold === undefined ? '' : `; cold instance ${t.cold}`}`,
    });
  }
  if (r.statistics) {
    for (const s of r.statistics.runs) {
      const k = `${s.orders / 1000}k`;
      out.push({
        group: 'statistics',
        name: `statistics.board for a month, ${k} orders (median of 5)`,
        value: s.boardMedianMs,
        unit: 'ms',
        target: { op: '<', value: TARGET_STATS_MS, unit: 'ms' },
        note: `first call ${s.boardFirstMs} ms; slowest store call ${s.boardCalls[0]?.call} ${s.boardCalls[0]?.ms} ms; file ${s.fileMb} MB`,
      });
      out.push({
        group: 'statistics',
        name: `metricSums (all / team / day), ${k} orders`,
        value: s.metricSumsMs.all ?? null,
        unit: 'ms',
        target: { op: '<', value: TARGET_STATS_MS, unit: 'ms' },
        note: `team ${s.metricSumsMs.team} ms, day ${s.metricSumsMs.day} ms`,
      });
    }
    for (const v of r.statistics.servers) {
      const k = `${v.orders / 1000}k`;
      out.push({
        group: 'statistics',
        name: `local server RSS at ${k} orders, after the board`,
        value: v.rssAfterBoardMb,
        unit: 'MB',
        note: `idle ${v.rssIdleMb} MB, after 60 lists ${v.rssAfterListsMb} MB`,
      });
      out.push({
        group: 'statistics',
        name: `statistics.board over HTTP at ${k} orders (median of 5 after one warm-up)`,
        value: v.boardHttpMs,
        unit: 'ms',
        target: { op: '<', value: TARGET_STATS_MS, unit: 'ms' },
      });
      out.push({
        group: 'statistics',
        name: `dispatcher's inbox list over HTTP at ${k} orders`,
        value: v.dispatcherListMs,
        unit: 'ms',
        note: `a resident's own list ${v.residentListMs} ms, a worker's tasks ${v.workerListMs} ms`,
      });
    }
  }
  if (r.sizes) {
    const w = r.sizes.weapp;
    if (!w.built) out.push({ group: 'sizes', name: 'weapp packages', value: null, unit: 'KB', note: w.note });
    for (const p of w.packages) {
      const main = p.name === '(main)';
      out.push({
        group: 'sizes',
        name: main ? 'weapp main package' : `weapp subpackage ${p.name}`,
        value: p.kb,
        unit: 'KB',
        limit: { name: 'WeChat limit per package', value: WECHAT_PACKAGE_KB, unit: 'KB' },
        ...(main ? { target: { op: '<' as const, value: TARGET_MAIN_KB, unit: 'KB' }, note: w.note } : {}),
      });
    }
    const f = r.sizes.functions;
    if (!f.built) out.push({ group: 'function bundles', name: 'cloud function bundles', value: null, unit: 'KB', note: f.note });
    for (const b of f.bundles) {
      out.push({
        group: 'function bundles',
        name: `${b.name}/index.js size`,
        value: b.kb,
        unit: 'KB',
        target: { op: '<', value: TARGET_BUNDLE_KB, unit: 'KB' },
      });
      out.push({
        group: 'function bundles',
        name: `${b.name} cold require (fresh node, median of ${f.runs ?? 5})`,
        value: b.requireMs,
        unit: 'ms',
        target: { op: '<', value: TARGET_COLD_MS, unit: 'ms' },
        limit: { name: 'bare node process start to exit', value: f.baselineProcessMs, unit: 'ms' },
        note: `CPU ${b.requireCpuMs ?? '?'} ms; whole process ${b.processMs} ms, ${b.overheadMs ?? '?'} ms above a bare node's; require + first call ${b.firstCallMs ?? '?'} ms (${b.firstReply ?? '?'})`,
      });
    }
  }
  if (r.h5) {
    if ('note' in r.h5) out.push({ group: 'H5 first screen', name: 'H5 app', value: null, unit: 'ms', note: r.h5.note });
    else {
      const h = r.h5;
      const serverLimit = { name: 'server first byte (plain HTTP client)', value: h.serverTtfbMs, unit: 'ms' };
      out.push({ group: 'H5 first screen', name: 'TTFB (navigation timing)', value: h.ttfbMs, unit: 'ms', limit: serverLimit });
      out.push({ group: 'H5 first screen', name: 'DOMContentLoaded', value: h.domContentLoadedMs, unit: 'ms' });
      out.push({ group: 'H5 first screen', name: 'load', value: h.loadMs, unit: 'ms', note: `${h.requests} requests, ${h.transferKb} KB` });
      out.push({ group: 'H5 first screen', name: 'first contentful paint', value: h.firstContentfulPaintMs, unit: 'ms' });
      out.push({
        group: 'H5 first screen',
        name: 'start page rendered by the app',
        value: h.appRenderedMs,
        unit: 'ms',
        note: `median of ${h.runs} cold pages; dist-h5/ built ${h.builtAt ?? '?'}`,
      });
    }
  }
  return out.map(judge);
}
