/**
 * After `taro build --type weapp`: prints the size of the main package and of each subpackage in
 * dist/, and the total; exits 1 if any package is over WeChat's 2 MB limit (or dist/ is missing).
 */
import fs from 'node:fs';
import path from 'node:path';

const DIST = path.resolve(process.argv[2] ?? 'dist');
export const PACKAGE_LIMIT = 2 * 1024 * 1024;
/** Developer-tool settings, not part of the uploaded code package. */
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);

interface AppJson {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Bytes per package of a built mini-program: '(main)' and each subpackage root. Needs dist/app.json. */
export function packageSizes(dist: string): Map<string, number> {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as AppJson;
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''));
  const sizes = new Map<string, number>([['(main)', 0], ...roots.map((r) => [r, 0] as [string, number])]);
  for (const file of filesUnder(dist)) {
    const rel = path.relative(dist, file).split(path.sep).join('/');
    if (NOT_UPLOADED.has(rel)) continue;
    const owner = roots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? '(main)';
    sizes.set(owner, (sizes.get(owner) ?? 0) + fs.statSync(file).size);
  }
  return sizes;
}

function main(): number {
  const appJsonPath = path.join(DIST, 'app.json');
  if (!fs.existsSync(appJsonPath)) {
    console.error(`没有找到 ${appJsonPath}：请先运行 npx taro build --type weapp`);
    return 1;
  }
  const sizes = packageSizes(DIST);

  let total = 0;
  let over = false;
  console.log(`package sizes in ${path.relative(process.cwd(), DIST) || DIST} (limit ${kb(PACKAGE_LIMIT)} each)`);
  for (const [name, size] of sizes) {
    total += size;
    const bad = size > PACKAGE_LIMIT;
    over ||= bad;
    console.log(`  ${name.padEnd(14)} ${kb(size).padStart(12)}${bad ? '  OVER LIMIT' : ''}`);
  }
  console.log(`  ${'total'.padEnd(14)} ${kb(total).padStart(12)}`);
  if (over) console.error('有分包超过 2 MB，微信无法上传');
  return over ? 1 : 0;
}

// Run as a script (the deploy check imports packageSizes).
if (path.resolve(process.argv[1] ?? '') === __filename) process.exit(main());
