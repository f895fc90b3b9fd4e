// Set-up shared by `npm start` and `npm test`: install what a fresh machine lacks. Node built-ins only,
// because this runs before node_modules exists.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command in the project root, streaming its output; throws on failure. */
export function run(cmd, args, opts = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);

/** Newest modification time of any file below the given paths. */
export function newest(...paths) {
  let max = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const s = fs.statSync(p);
    if (s.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else max = Math.max(max, s.mtimeMs);
  };
  for (const p of paths) walk(path.join(ROOT, p));
  return max;
}

/**
 * Installs from the lock file when node_modules is missing or older than it. `npm install` rather
 * than `npm ci`: npm 11's ci refuses this lock over optional binaries of other platforms (Taro's
 * darwin/win32 bindings) that it never installs here anyway.
 */
export function ensureDependencies() {
  const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (mtime(installed) >= mtime(path.join(ROOT, 'package-lock.json'))) return;
  run('npm', ['install', '--no-audit', '--no-fund']);
}

/** Builds the H5 app when it is missing or older than its sources. */
export function ensureH5Build() {
  const built = mtime(path.join(ROOT, 'dist-h5', 'index.html'));
  if (built && built >= newest('src', 'core', 'config')) return;
  run('npx', ['taro', 'build', '--type', 'h5']);
}

/**
 * Debian's Chromium for the browser tests (Playwright's own download cannot work here), and a CJK
 * font so the screenshots the tests keep show Chinese rather than boxes.
 */
export function ensureChromium() {
  const font = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
  const missing = [!fs.existsSync('/usr/bin/chromium') && 'chromium', !fs.existsSync(font) && 'fonts-wqy-microhei'].filter(Boolean);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`需要先安装 ${missing.join(' ')}：请以 root 运行，或执行 apt-get install -y ${missing.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...missing], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
}

export const hasCommand = (name) => {
  try {
    execSync(`command -v ${name}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
