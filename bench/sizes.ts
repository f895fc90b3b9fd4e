/**
 * What ships: the weapp main package and subpackages (dist/, counted the way scripts/package-size.ts
 * counts them — that script runs on import and exports nothing, so its rule is repeated here), each
 * cloud function bundle (cloudfunctions/<name>/index.js), and each bundle's cold load: require() in
 * a fresh node process, median of 5.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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
  /** The whole fresh process, start to exit, ms, median. */
  readonly processMs: number;
}

const timeRequire = (file: string) => {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const t = performance.now();
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { requireMs: Number(out), processMs: performance.now() - t };
};

/** Builds the bundles first if none are there; returns each one's size and cold load. */
export function functionBundles(root: string, runs = 5): { built: boolean; note?: string; baselineProcessMs: number; bundles: BundleLoad[] } {
  const dir = path.join(root, 'cloudfunctions');
  const names = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'index.js'))) : []);
  let note: string | undefined;
  if (names().length === 0) {
    execFileSync('npx', ['tsx', 'scripts/build-functions.ts'], { cwd: root, stdio: 'ignore' });
    note = 'built by the bench (npx tsx scripts/build-functions.ts)';
  }
  const baseline: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    execFileSync(process.execPath, ['-e', ''], { env: { ...process.env, NODE_OPTIONS: '' } });
    baseline.push(performance.now() - t);
  }
  const bundles = names().map((name) => {
    const file = path.join(dir, name, 'index.js');
    const samples = Array.from({ length: runs }, () => timeRequire(file));
    return {
      name,
      kb: round(fs.statSync(file).size / 1024, 1),
      requireMs: round(median(samples.map((s) => s.requireMs)), 1),
      processMs: round(median(samples.map((s) => s.processMs)), 1),
    };
  });
  const builtAt = bundles.length ? fs.statSync(path.join(dir, bundles[0]!.name, 'index.js')).mtime.toISOString() : '';
  return {
    built: bundles.length > 0,
    note: note ?? (builtAt ? `bundles built ${builtAt}` : undefined),
    baselineProcessMs: round(median(baseline), 1),
    bundles,
  };
}
