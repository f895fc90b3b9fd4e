/**
 * What ships: the weapp main package and subpackages (dist/, counted the way scripts/package-size.ts
 * counts them — that script runs on import and exports nothing, so its rule is repeated here), each
 * cloud function bundle (cloudfunctions/<name>/index.js, in KB of 1,000 bytes), and each bundle's
 * cold load (bench/cold-load.ts): require() in a fresh node process, and require() plus a first call.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bareNode, coldFirstCall, coldRequire } from './cold-load';
import { median, round } from './lib/stats';

/** Developer-tool settings, not part of the uploaded code package (as in scripts/package-size.ts). */
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);

export interface PackageSizes {
  readonly built: boolean;
  readonly note?: string;
  readonly packages: { readonly name: string; readonly kb: number }[];
  /** The main package's largest files: what its size is made of. */
  readonly mainLargest: { readonly file: string; readonly kb: number }[];
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export function weappSizes(dist: string): PackageSizes {
  const appJson = path.join(dist, 'app.json');
  if (!fs.existsSync(appJson)) return { built: false, note: 'not built (run npx taro build --type weapp)', packages: [], mainLargest: [] };
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''));
  const sizes = new Map<string, number>([['(main)', 0], ...roots.map((r) => [r, 0] as [string, number])]);
  const main: { file: string; kb: number }[] = [];
  for (const file of filesUnder(dist)) {
    const rel = path.relative(dist, file).split(path.sep).join('/');
    if (NOT_UPLOADED.has(rel)) continue;
    const owner = roots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? '(main)';
    const bytes = fs.statSync(file).size;
    sizes.set(owner, (sizes.get(owner) ?? 0) + bytes);
    if (owner === '(main)') main.push({ file: rel, kb: round(bytes / 1024, 1) });
  }
  const builtAt = fs.statSync(appJson).mtime.toISOString();
  // Every page needs its script: a missing one means a build is running (or failed) right now.
  const pages = [
    ...((app as { pages?: string[] }).pages ?? []),
    ...((app.subPackages ?? app.subpackages ?? []) as { root: string; pages?: string[] }[]).flatMap((s) =>
      (s.pages ?? []).map((p) => `${s.root.replace(/\/+$/, '')}/${p}`),
    ),
  ];
  const missing = pages.filter((p) => !fs.existsSync(path.join(dist, `${p}.js`)));
  return {
    built: true,
    note: `dist/ built ${builtAt}${missing.length ? `; INCOMPLETE, ${missing.length} pages missing (a build running?)` : ''}`,
    packages: [...sizes].map(([name, bytes]) => ({ name, kb: round(bytes / 1024, 1) })),
    mainLargest: main.sort((a, b) => b.kb - a.kb).slice(0, 6),
  };
}

export interface BundleLoad {
  readonly name: string;
  readonly kb: number;
  /** require() of the bundle in a fresh process, ms, median of the runs. */
  readonly requireMs: number;
  /** The CPU time of that require(), ms, median. */
  readonly requireCpuMs: number;
  /** The whole fresh process, start to exit, ms, median. */
  readonly processMs: number;
  /** That process's time above a bare node process's, ms (medians of the same interleaved rounds). */
  readonly overheadMs: number;
  /** require() and the first call through CloudBase's entry point with a fake context, ms, median. */
  readonly firstCallMs: number;
  /** What that first call answered (AUTH.UNKNOWN_USER; the sweep: ok). */
  readonly firstReply: string;
}

/**
 * Builds the bundles first if none are there; returns each one's size and cold load. Every sample is
 * a fresh node process; each round runs a bare node, then every bundle's require and first call, so
 * a busy moment of the shared machine weighs on all of them alike.
 */
export function functionBundles(root: string, runs = 15): { built: boolean; note?: string; runs: number; baselineProcessMs: number; bundles: BundleLoad[] } {
  const dir = path.join(root, 'cloudfunctions');
  const names = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'index.js'))) : []);
  let note: string | undefined;
  if (names().length === 0) {
    execFileSync('npx', ['tsx', 'scripts/build-functions.ts'], { cwd: root, stdio: 'ignore' });
    note = 'built by the bench (npx tsx scripts/build-functions.ts)';
  }
  const list = names();
  const baseline: number[] = [];
  const samples = new Map(
    list.map((n) => [n, { require: [] as number[], cpu: [] as number[], process: [] as number[], firstCall: [] as number[], reply: '' }]),
  );
  for (let k = 0; k < runs; k++) {
    baseline.push(bareNode());
    for (const name of list) {
      const file = path.join(dir, name, 'index.js');
      const s = samples.get(name)!;
      const r = coldRequire(file);
      s.require.push(r.requireMs);
      s.cpu.push(r.requireCpuMs);
      s.process.push(r.processMs);
      const c = coldFirstCall(file, name === 'sweep');
      s.firstCall.push(c.firstCallMs);
      s.reply = c.reply;
    }
  }
  const bare = median(baseline);
  const bundles = list.map((name) => {
    const s = samples.get(name)!;
    return {
      name,
      kb: round(fs.statSync(path.join(dir, name, 'index.js')).size / 1000, 1),
      requireMs: round(median(s.require), 1),
      requireCpuMs: round(median(s.cpu), 1),
      processMs: round(median(s.process), 1),
      overheadMs: round(median(s.process) - bare, 1),
      firstCallMs: round(median(s.firstCall), 1),
      firstReply: s.reply,
    };
  });
  const builtAt = bundles.length ? fs.statSync(path.join(dir, bundles[0]!.name, 'index.js')).mtime.toISOString() : '';
  return {
    built: bundles.length > 0,
    note: note ?? (builtAt ? `bundles built ${builtAt}` : undefined),
    runs,
    baselineProcessMs: round(bare, 1),
    bundles,
  };
}
