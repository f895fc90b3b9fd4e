import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configRefusal, isLoopback, serverConfig } from '@backend/server/config';
import { createServer, DevModeOffLoopback } from '@backend/server/http-server';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';

const ROOT = path.resolve(__dirname, '..', '..');
const started: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-start-'));
  dirs.push(dir);
  return dir;
};

/** `npm run server` as a process (with `--dev`, as `npm start` runs it), its output collected. */
function startMain(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'backend/server/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, H5_DIR: path.join(ROOT, 'no-such-build'), SWEEP_EVERY_MS: '3600000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (c: Buffer) => (out.stdout += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out.stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  /** Resolves with the address the server says it is running at, once it has said all it says on starting. */
  const running = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const m = /running at (http:\/\/\S+?)\/?\s/.exec(out.stdout);
      if (m && /^data: /m.test(out.stdout)) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`exited with ${code}: ${out.stderr}`)));
  });
  // A server refused at start never runs: only the tests that wait for it hear about that.
  running.catch(() => undefined);
  return { child, out, exited, running };
}

const moveClock = async (url: string, minutes: number) => {
  const res = await fetch(`${url}/api/dev/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ minutes }) });
  return ((await res.json()) as { data: { now: number } }).data.now;
};

describe('dev mode is for this machine only', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20', 'example.org'])('refuses to start in dev mode bound to %s, with a clear message', (host) => {
    expect(configRefusal({ dev: true, host })).toMatch(new RegExp(`开发模式.*${host.replace(/\./g, '\\.')}`));
  });

  it.each(['127.0.0.1', 'localhost', '::1', '127.0.0.2'])('starts in dev mode on the loopback address %s', (host) => {
    expect(isLoopback(host)).toBe(true);
    expect(configRefusal({ dev: true, host })).toBeNull();
  });

  it('takes --dev from the command line only (npm start passes it), and binds to loopback unless told', () => {
    expect(serverConfig({}, ['--dev'])).toMatchObject({ dev: true, host: '127.0.0.1' });
    expect(serverConfig({ DEV: '1' }, [])).toMatchObject({ dev: false });
    expect(configRefusal({ dev: false, host: '0.0.0.0' })).toBeNull();
  });

  it('exits at once when asked for dev mode on 0.0.0.0, saying why, before opening any data', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const main = startMain({ HOST: '0.0.0.0', PORT: '0', DATA_DIR: dataDir }, ['--dev']);
    expect(await main.exited).toBe(1);
    expect(main.out.stderr).toContain('开发模式');
    expect(main.out.stderr).toContain('0.0.0.0');
    expect(main.out.stdout).not.toContain('running at');
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 30_000);

  it('closes a dev-mode server that was bound off loopback anyway, before it takes a connection', async () => {
    const dataDir = tempDir();
    const store = openSqliteStore(dataDir);
    const server = createServer({ deps: { store, now: Date.now, newId: (p) => p }, h5Dir: dataDir, filesDir: dataDir, dev: {} });
    const error = new Promise<Error>((resolve) => server.once('error', resolve));
    server.listen(0, '0.0.0.0');
    expect(await error).toBeInstanceOf(DevModeOffLoopback);
    expect(server.listening).toBe(false);
    await store.close();
  });
});

describe('npm start', () => {
  it('prints the address it actually bound (the real port for PORT=0), and answers there', async () => {
    const main = startMain({ PORT: '0', DATA_DIR: path.join(tempDir(), 'data') }, ['--dev']);
    const url = await main.running;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);
    expect(main.out.stdout).toContain('dev mode');
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  }, 60_000);

  it('keeps the dev clock offset in memory only: a restart is back on the real clock', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = startMain({ PORT: '0', DATA_DIR: dataDir }, ['--dev']);
    const tenHours = await moveClock(await first.running, 600);
    expect(tenHours - Date.now()).toBeGreaterThan(9.9 * 3_600_000);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = startMain({ PORT: '0', DATA_DIR: dataDir }, ['--dev']);
    const oneMinute = await moveClock(await second.running, 1);
    expect(Math.abs(oneMinute - Date.now() - 60_000)).toBeLessThan(60_000);
  }, 90_000);
});
