/**
 * The physical limit: how many single-row INSERT transactions better-sqlite3 commits per second
 * with the store's own pragmas (WAL, synchronous=FULL), on the disk the store lives on. Each
 * transaction is one fsync of the WAL, so this is the disk's durable-write rate as SQLite sees it.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { freshDir, removeDir } from './lib/paths';

export interface RawRate {
  readonly dir: string;
  readonly transactionsPerSecond: number;
  readonly count: number;
  readonly seconds: number;
  readonly rowBytes: number;
}

/** Commits one-row transactions for `ms` milliseconds (at most `maxCount`); the row is about an order's size. */
export function rawInsertRate(base: string, name: string, ms: number, rowBytes = 1800, maxCount = 200_000): RawRate {
  const dir = freshDir(base, name);
  const db = new Database(path.join(dir, 'raw.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, at INTEGER NOT NULL, doc TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (id, at, doc) VALUES (?, ?, ?)');
    const tx = db.transaction((id: string, doc: string) => insert.run(id, Date.now(), doc));
    const doc = JSON.stringify({ text: '卫'.repeat(Math.floor(rowBytes / 3) - 20) });
    for (let i = 0; i < 50; i++) tx.immediate(`warm${i}`, doc);
    let n = 0;
    const t0 = performance.now();
    while (n < maxCount && performance.now() - t0 < ms) tx.immediate(`row${n++}`, doc);
    const seconds = (performance.now() - t0) / 1000;
    return { dir: base, transactionsPerSecond: n / seconds, count: n, seconds, rowBytes: Buffer.byteLength(doc) };
  } finally {
    db.close();
    removeDir(dir);
  }
}
