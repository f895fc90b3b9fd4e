import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { NotADataFolder, moveDataAside, resetData } from '@backend/server/reset-data';
import { seedDemo } from '@backend/server/seed';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';

const run = promisify(execFile);
const repo = path.resolve(__dirname, '..', '..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-reset-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** 2026-11-28 12:00 China time. */
const UNTIL = Date.UTC(2026, 10, 28, 4, 0);
let n = 0;
/** A parent folder of its own, so whatever lands beside the data folder is this test's only. */
const freshParent = () => {
  const parent = path.join(root, `case-${++n}`);
  fs.mkdirSync(parent);
  return parent;
};

/** A data folder as the server leaves it: the demo community, one extra team member's worth of change, and an uploaded photo. */
async function usedDataFolder(parent: string): Promise<string> {
  const dir = path.join(parent, '.data');
  const store = openSqliteStore(dir);
  await seedDemo(store);
  await store.putRefs('companies', [{ id: 'co-kept', name: '只在旧数据里的公司' } as never]);
  await store.close();
  fs.mkdirSync(path.join(dir, 'files'));
  fs.writeFileSync(path.join(dir, 'files', 'fabc123def456.jpg'), 'a photo a resident uploaded');
  return dir;
}

/** A folder that looks like the repository or a home folder: things of a person's, and no data file. */
function foreignFolder(parent: string): { dir: string; listing: string[] } {
  const dir = path.join(parent, 'project');
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"someone-else"}');
  fs.writeFileSync(path.join(dir, 'src', 'index.ts'), 'export {};');
  return { dir, listing: fs.readdirSync(dir, { recursive: true }).map(String).sort() };
}

describe('npm run reset', () => {
  it('moves the data folder aside, photos included, to a dated folder beside it that it names, then seeds afresh', async () => {
    const parent = freshParent();
    const dir = await usedDataFolder(parent);

    const { movedTo, orders } = await resetData(dir, UNTIL);

    expect(movedTo).toMatch(new RegExp(`^${path.join(parent, '.data-backup-')}\\d{8}-\\d{6}$`));
    expect(fs.readFileSync(path.join(movedTo!, 'files', 'fabc123def456.jpg'), 'utf8')).toBe('a photo a resident uploaded');
    const old = openSqliteStore(movedTo!);
    expect(await old.getRef('companies', 'co-kept')).not.toBeNull();
    await old.close();

    expect(fs.existsSync(path.join(dir, 'files', 'fabc123def456.jpg'))).toBe(false);
    const fresh = openSqliteStore(dir);
    expect(await fresh.getRef('companies', 'co-kept')).toBeNull();
    expect((await fresh.listRefs('communities')).length).toBe(1);
    await fresh.close();
    expect(orders).toBeGreaterThan(0);
  });

  it('keeps every earlier backup when reset twice in the same second', () => {
    const parent = freshParent();
    const at = new Date(2026, 10, 30, 8, 0, 0);
    const make = () => {
      const dir = path.join(parent, '.data');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'red-property.sqlite'), '');
      return dir;
    };
    const first = moveDataAside(make(), at);
    const second = moveDataAside(make(), at);
    expect(first).toBe(path.join(parent, '.data-backup-20261130-080000'));
    expect(second).toBe(path.join(parent, '.data-backup-20261130-080000-2'));
    expect(fs.readdirSync(parent).sort()).toEqual(['.data-backup-20261130-080000', '.data-backup-20261130-080000-2']);
  });

  it('seeds a data folder that does not exist yet, with nothing to move', async () => {
    const dir = path.join(freshParent(), 'new-data');
    const { movedTo } = await resetData(dir, UNTIL);
    expect(movedTo).toBeNull();
    expect(fs.existsSync(path.join(dir, 'red-property.sqlite'))).toBe(true);
  });

  it('refuses a folder without the data file (DATA_DIR pointing at a project or a home folder), changing nothing', async () => {
    const parent = freshParent();
    const { dir, listing } = foreignFolder(parent);
    await expect(resetData(dir, UNTIL)).rejects.toThrow(NotADataFolder);
    await expect(resetData(dir, UNTIL)).rejects.toThrow(/拒绝重置：.*没有 red-property\.sqlite.*没有做任何改动/);
    expect(fs.readdirSync(dir, { recursive: true }).map(String).sort()).toEqual(listing);
    expect(fs.readdirSync(parent)).toEqual(['project']);
  });

  it('refuses a folder that holds the repository or the home folder, even with a data file in it', () => {
    const parent = freshParent();
    const { dir } = foreignFolder(parent);
    fs.writeFileSync(path.join(dir, 'red-property.sqlite'), '');
    expect(() => moveDataAside(dir, new Date(), [path.join(dir, 'src')])).toThrow(/拒绝重置：.*包含 .*src/);
    expect(() => moveDataAside(parent, new Date(), [path.join(dir, 'src')])).toThrow(NotADataFolder);
    expect(fs.readdirSync(parent)).toEqual(['project']);
  });

  it('as a command: refuses with exit code 1 and the reason, or prints where the old data went', async () => {
    const parent = freshParent();
    const { dir: foreign } = foreignFolder(parent);
    const tsx = path.join(repo, 'node_modules', '.bin', 'tsx');
    const reset = (dataDir: string) => run(tsx, ['backend/server/reset.ts'], { cwd: repo, env: { ...process.env, DATA_DIR: dataDir } });

    const refused = await reset(foreign).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/^拒绝重置：/);
    expect(refused?.stderr).not.toMatch(/\n\s+at /);

    const dir = await usedDataFolder(parent);
    const { stdout } = await reset(dir);
    const [moved] = fs.readdirSync(parent).filter((f) => f.startsWith('.data-backup-'));
    expect(stdout).toContain(`原数据（含照片）已移到 ${path.join(parent, moved!)}`);
    expect(stdout).toMatch(/已写入演示数据（近一个月的 \d+ 张工单）/);
  }, 60_000);
});
