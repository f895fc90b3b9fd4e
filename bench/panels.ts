/** The chart's panels from a run's results: one per question, the target as a dashed line. */
import { httpTransitionRate, TARGET_MAIN_KB, TARGET_P95_MS, TARGET_STATS_MS, type Results } from './figures';
import type { Panel } from './lib/chart';
import { WRITES } from './lib/world';

export function panels(r: Results): Panel[] {
  const out: Panel[] = [];
  const raw = r.store?.raw.transactionsPerSecond ?? null;
  const writes: Panel['bars'][number][] = [];
  if (r.store) {
    writes.push({ label: 'raw INSERT tx (disk) — the limit', value: raw, reference: true });
    writes.push({ label: 'store.commit, transition-shaped', value: r.store.commit.commitsPerSecond });
  }
  if (r.inProcess) {
    writes.push({ label: 'transitions in-process, 1 caller (disk)', value: r.inProcess.disk.transitionsPerSecond });
    if (r.inProcess.ram) writes.push({ label: 'transitions in-process, 1 caller (tmpfs)', value: r.inProcess.ram.transitionsPerSecond, reference: true });
  }
  if (r.loops)
    for (const l of r.loops.inProcess.filter((x) => x.concurrency > 1))
      writes.push({ label: `in-process loops × 6, ${l.concurrency} pairs`, value: l.transitionsPerSecond });
  if (r.http) writes.push({ label: `transitions over HTTP, ${r.http.connections} clients`, value: httpTransitionRate(r.http.actions) });
  if (r.loops)
    for (const l of r.loops.http) writes.push({ label: `HTTP loops × 6, ${l.concurrency} pair${l.concurrency > 1 ? 's' : ''}`, value: l.transitionsPerSecond });
  if (writes.length)
    out.push({
      title: 'Durable order writes per second',
      unit: 'tx/s',
      bars: writes,
      ...(raw ? { line: { value: raw / 2, label: 'target: 50 % of raw' } } : {}),
    });
  if (r.http) {
    out.push({
      title: `p95 latency over HTTP, ${r.http.connections} concurrent clients`,
      unit: 'ms',
      bars: [{ label: 'one transition (all writes)', value: r.http.writes.p95 }, ...r.http.actions.map((a) => ({ label: a.action, value: a.latency.p95 }))],
      line: { value: TARGET_P95_MS, label: `target < ${TARGET_P95_MS} ms (transitions)` },
    });
  }
  if (r.loops) {
    const bars = [...r.loops.inProcess, ...r.loops.http].map((l) => ({
      label: `${l.transport}, ${l.concurrency} pair${l.concurrency > 1 ? 's' : ''}`,
      value: l.loopsPerSecond,
    }));
    out.push({
      title: 'Whole loops per second (create → 已办结)',
      unit: 'loops/s',
      bars: [...(raw ? [{ label: 'raw store writes ÷ 6 — the limit', value: raw / WRITES.length, reference: true }] : []), ...bars],
    });
  }
  if (r.statistics) {
    const bars = r.statistics.runs.flatMap((s) => [
      { label: `board, ${s.orders / 1000}k orders`, value: s.boardMedianMs },
      { label: `metricSums(all), ${s.orders / 1000}k`, value: s.metricSumsMs.all ?? null },
    ]);
    for (const v of r.statistics.servers) bars.push({ label: `board over HTTP, ${v.orders / 1000}k`, value: v.boardHttpMs });
    out.push({ title: "Supervisor's statistics", unit: 'ms', bars, line: { value: TARGET_STATS_MS, label: `target < ${TARGET_STATS_MS} ms` } });
  }
  if (r.sizes?.weapp.built) {
    out.push({
      title: 'Weapp packages',
      unit: 'KB',
      bars: r.sizes.weapp.packages.map((p) => ({ label: p.name === '(main)' ? 'main package' : p.name, value: p.kb })),
      line: { value: TARGET_MAIN_KB, label: 'target: main < 1 MB' },
    });
  }
  if (r.sizes?.functions.built) {
    out.push({
      title: 'Cloud function bundles: cold require in a fresh node',
      unit: 'ms',
      bars: [
        { label: 'bare node process start → exit', value: r.sizes.functions.baselineProcessMs, reference: true },
        ...r.sizes.functions.bundles.map((b) => ({ label: `${b.name} (${Math.round(b.kb)} KB)`, value: b.requireMs })),
      ],
    });
  }
  if (r.h5 && !('note' in r.h5)) {
    const h = r.h5;
    out.push({
      title: 'H5 first screen, headless Chromium on localhost',
      unit: 'ms',
      bars: [
        { label: 'server first byte (plain client)', value: h.serverTtfbMs, reference: true },
        { label: 'TTFB', value: h.ttfbMs },
        { label: 'DOMContentLoaded', value: h.domContentLoadedMs },
        { label: 'load', value: h.loadMs },
        { label: 'first contentful paint', value: h.firstContentfulPaintMs },
        { label: 'start page rendered', value: h.appRenderedMs },
      ],
    });
  }
  return out;
}
