/**
 * Reading V8 CPU profiles (.cpuprofile, as `node --cpu-prof` writes them): frames mapped back to the
 * TypeScript source, self time per function, time per layer of the app, and who calls into SQLite.
 */
import { findSourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Rewrites frames of transpiled modules to their TypeScript lines; run it in the profiled process. */
export function mapToSource(profile: CpuProfile): CpuProfile {
  for (const n of profile.nodes) {
    const f = n.callFrame;
    if (!f.url || f.url.startsWith('node:')) continue;
    const file = f.url.startsWith('file:') ? fileURLToPath(f.url) : f.url;
    const map = findSourceMap(file) ?? findSourceMap(f.url);
    const entry = map?.findEntry(f.lineNumber, f.columnNumber) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
    if (entry?.originalSource) {
      f.url = entry.originalSource;
      f.lineNumber = entry.originalLine ?? f.lineNumber;
      f.columnNumber = entry.originalColumn ?? f.columnNumber;
    }
  }
  return profile;
}

/** Where a frame's time goes, by layer of the app. */
function layerOf(f: CallFrame): string {
  const url = f.url;
  const name = f.functionName;
  if (!url) {
    if (['run', 'get', 'all', 'iterate', 'exec', 'pragma'].includes(name)) return 'SQLite native (statements, COMMIT + fsync)';
    if (name === '(garbage collector)') return 'garbage collection';
    if (name === '(idle)') return 'idle (waiting for I/O)';
    if (name === '(program)') return 'V8 / native other';
    if (['parse', 'stringify'].includes(name)) return 'JSON parse/stringify';
    if (['Hash', 'digest', 'update', 'RandomBytesJob', 'randomFillSync'].includes(name)) return 'crypto (ids, fingerprints)';
    return 'V8 builtins / native other';
  }
  if (url.includes('node_modules/better-sqlite3')) return 'better-sqlite3 JS wrapper';
  if (url.includes('node_modules/autocannon')) return 'load tool';
  if (url.includes('node_modules/tsx') || url.includes('node_modules/esbuild')) return 'tsx loader';
  if (url.includes('/core/')) return 'core (pure domain)';
  if (url.includes('/backend/usecases/')) return 'use cases';
  if (url.includes('/backend/functions/') || url.includes('/backend/runtime/')) return 'functions & runtime';
  if (url.includes('/backend/storage/')) return 'store adapter (JS)';
  if (url.includes('/backend/server/')) return 'local HTTP server';
  if (url.includes('/bench/')) return 'bench driver';
  if (/node:internal\/crypto|node:crypto/.test(url)) return 'crypto (ids, fingerprints)';
  if (/node:(_http|http|net|stream|internal\/(http|stream|streams|net|url|timers|process\/task_queues|async_hooks))/.test(url))
    return 'Node HTTP, sockets, event loop';
  if (url.startsWith('node:')) return 'Node internals other';
  return 'other';
}

const shortUrl = (url: string, root: string) => {
  if (!url) return '';
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  const rel = file.startsWith(root) ? path.relative(root, file) : file;
  return rel.replace(/^.*node_modules\//, '');
};

export interface ProfileSummary {
  readonly sampledMs: number;
  /** Self time per layer, share of all samples. */
  readonly layers: { readonly layer: string; readonly ms: number; readonly share: number }[];
  /** The functions with the most self time. */
  readonly topSelf: { readonly frame: string; readonly layer: string; readonly ms: number; readonly share: number }[];
  /** Time spent in native SQLite calls, by the function that made them (COMMIT shows as sqliteTransaction). */
  readonly sqliteByCaller: { readonly caller: string; readonly ms: number; readonly share: number }[];
  /** Inclusive time of the app's own functions (time on the stack), share of all samples. */
  readonly topInclusive: { readonly frame: string; readonly ms: number; readonly share: number }[];
}

export function summarizeProfile(profile: CpuProfile, root: string, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const label = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${shortUrl(f.url, root)}${f.url ? `:${f.lineNumber + 1}` : ''}`.trim();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

  const layers = new Map<string, number>();
  const frames = new Map<string, number>();
  const frameLayer = new Map<string, string>();
  const sqlite = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const caller = byId.get(parent.get(id) ?? -1);
    // A native job named like a statement method (RandomBytesJob's `run`) belongs to its caller's layer.
    const layer = !n.callFrame.url && caller?.callFrame.url.startsWith('node:internal/crypto') ? 'crypto (ids, fingerprints)' : layerOf(n.callFrame);
    add(layers, layer, ms);
    const key = label(n.callFrame);
    add(frames, key, ms);
    frameLayer.set(key, layer);
    if (layer.startsWith('SQLite native')) add(sqlite, caller ? `${n.callFrame.functionName} ← ${label(caller.callFrame)}` : n.callFrame.functionName, ms);
    // Inclusive: every app function on this sample's stack, once per stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!/\/(core|backend)\//.test(f.url)) continue;
      const k = label(f);
      if (!seen.has(k)) add(inclusive, k, ms);
      seen.add(k);
    }
  }
  const rows = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const share = (ms: number) => Math.round((1000 * ms) / total) / 1000;
  return {
    sampledMs: r1(total),
    layers: rows(layers, 30).map(([layer, ms]) => ({ layer, ms: r1(ms), share: share(ms) })),
    topSelf: rows(frames, top).map(([frame, ms]) => ({ frame, layer: frameLayer.get(frame)!, ms: r1(ms), share: share(ms) })),
    sqliteByCaller: rows(sqlite, 10).map(([caller, ms]) => ({ caller, ms: r1(ms), share: share(ms) })),
    topInclusive: rows(inclusive, top).map(([frame, ms]) => ({ frame, ms: r1(ms), share: share(ms) })),
  };
}
