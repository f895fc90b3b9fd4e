import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError, openDataFile, type SchemaPlan } from '@backend/storage/embedded/data-file';
import { SCHEMA_VERSION } from '@backend/storage/embedded/schema-sql';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import { seedDemo } from '@backend/server/seed';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-data-file-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A data folder of its own, inside a parent of its own (so the backups found beside it are this test's only). */
const freshFolder = () => {
  const parent = path.join(root, `case-${++n}`);
  fs.mkdirSync(parent);
  return path.join(parent, 'data');
};
const fileIn = (dir: string) => path.join(dir, 'red-property.sqlite');

/** A data folder holding the demo community, closed cleanly. */
async function seededFolder(): Promise<string> {
  const dir = freshFolder();
  const store = openSqliteStore(dir);
  await seedDemo(store);
  await store.close();
  return dir;
}

/** What opening the folder threw, for assertions on its kind and message. */
function refusal(dir: string): DataFileError {
  try {
    openSqliteStore(dir, { log: () => {} });
  } catch (e) {
    if (e instanceof DataFileError) return e;
    throw e;
  }
  throw new Error('the data file was opened');
}

describe('a data file written by a newer version of the program', () => {
  it('is refused with a message to upgrade the program, not to reset, and left as it was', async () => {
    const dir = await seededFolder();
    const db = new Database(fileIn(dir));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(fileIn(dir));

    const e = refusal(dir);
    expect(e.problem).toBe('newer');
    expect(e.message).toContain(fileIn(dir));
    expect(e.message).toContain(`数据版本 ${SCHEMA_VERSION + 1}`);
    expect(e.message).toMatch(/请升级程序/);
    expect(e.message).toMatch(/不要运行 npm run reset/);
    expect(fs.readFileSync(fileIn(dir))).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes('backup'))).toEqual([]);
  });
});

describe('a data file that is damaged', () => {
  it('that is not a database at all is explained, with no backups found and the way to start over', () => {
    const dir = freshFolder();
    fs.mkdirSync(dir);
    fs.writeFileSync(fileIn(dir), '这是一份会议纪要，被误存成了数据文件。'.repeat(200));

    const e = refusal(dir);
    expect(e.problem).toBe('not-a-database');
    expect(e.message).toContain(fileIn(dir));
    expect(e.message).toMatch(/不是 SQLite 数据库文件/);
    expect(e.message).toMatch(/没有找到备份/);
    expect(e.message).toMatch(/npm run reset/);
    expect(e.message).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('that fails the integrity check is explained, naming every backup there is: beside the file and beside the folder', async () => {
    const dir = await seededFolder();
    const size = fs.statSync(fileIn(dir)).size;
    // Overwrite the b-tree pages after the header page: the file still opens as SQLite, its tables do not read.
    const fd = fs.openSync(fileIn(dir), 'r+');
    fs.writeSync(fd, Buffer.alloc(Math.min(3 * 4096, size - 4096), 0x5a), 0, Math.min(3 * 4096, size - 4096), 4096);
    fs.closeSync(fd);
    const beside = path.join(dir, 'red-property.sqlite.backup-v1-20261101-080000');
    fs.writeFileSync(beside, 'a copy made before a migration');
    const movedAside = `${dir}-backup-20261120-093000`;
    fs.mkdirSync(movedAside);
    fs.writeFileSync(fileIn(movedAside), 'a folder a reset moved aside');
    fs.mkdirSync(`${dir}-backup-notes`); // no data file in it: not a backup

    const e = refusal(dir);
    expect(e.problem).toBe('corrupt');
    expect(e.message).toMatch(/已损坏（完整性检查未通过：.+）/);
    expect(e.message).toContain(beside);
    expect(e.message).toContain(fileIn(movedAside));
    expect(e.message).not.toContain('backup-notes');
  });
});

describe('a data file written by an older version of the program', () => {
  /** A toy schema at version 3: a v1 file gains a column at step 1 and an index at step 2. */
  const plan: SchemaPlan = {
    version: 3,
    schema: 'CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL, author TEXT);',
    migrations: {
      1: 'ALTER TABLE notes ADD COLUMN author TEXT;',
      2: 'CREATE INDEX notes_by_author ON notes (author);',
    },
  };
  const writeV1 = (dir: string) => {
    fs.mkdirSync(dir, { recursive: true });
    const db = new Database(fileIn(dir));
    db.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL); INSERT INTO notes (text) VALUES ('水管漏水'), ('门锁坏了'); PRAGMA user_version = 1;",
    );
    db.close();
  };
  const read = (file: string) => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return {
        version: db.pragma('user_version', { simple: true }),
        columns: (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('notes') as string[]).join(),
        texts: db.prepare('SELECT text FROM notes ORDER BY id').pluck().all(),
      };
    } finally {
      db.close();
    }
  };
  const backupsIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.startsWith('red-property.sqlite.backup-'));

  it('is copied beside itself before it is migrated in place, and the log names the copy', () => {
    const dir = freshFolder();
    writeV1(dir);
    const log: string[] = [];
    openDataFile(dir, { plan, log: (line) => log.push(line) }).close();

    expect(read(fileIn(dir))).toEqual({ version: 3, columns: 'id,text,author', texts: ['水管漏水', '门锁坏了'] });
    const [backup, ...more] = backupsIn(dir);
    expect(more).toEqual([]);
    expect(backup).toMatch(/^red-property\.sqlite\.backup-v1-\d{8}-\d{6}$/);
    expect(read(path.join(dir, backup!))).toEqual({ version: 1, columns: 'id,text', texts: ['水管漏水', '门锁坏了'] });
    expect(log).toHaveLength(1);
    expect(log[0]).toContain(path.join(dir, backup!));
  });

  it('is not copied again once migrated, nor is a fresh file', () => {
    const dir = freshFolder();
    writeV1(dir);
    openDataFile(dir, { plan, log: () => {} }).close();
    const log: string[] = [];
    openDataFile(dir, { plan, log: (line) => log.push(line) }).close();
    expect(backupsIn(dir)).toHaveLength(1);
    expect(log).toEqual([]);

    const fresh = freshFolder();
    openDataFile(fresh, { plan, log: (line) => log.push(line) }).close();
    expect(backupsIn(fresh)).toEqual([]);
    expect(log).toEqual([]);
  });

  it('that no migration leads from is refused before anything is copied or changed', () => {
    const dir = freshFolder();
    writeV1(dir);
    const before = fs.readFileSync(fileIn(dir));
    expect(() => openDataFile(dir, { plan: { ...plan, migrations: { 2: plan.migrations[2]! } }, log: () => {} })).toThrow(/版本 1 过旧.*npm run reset/);
    expect(fs.readFileSync(fileIn(dir))).toEqual(before);
    expect(backupsIn(dir)).toEqual([]);
  });
});
