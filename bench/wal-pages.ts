/**
 * How many pages one commit writes to the WAL (each a 4 KB frame, all fsynced together at COMMIT):
 * a raw one-row INSERT against a transition of the real loop. Read through a second connection.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';
import { freshDir, removeDir } from './lib/paths';
import { benchDeps, inProcess, runLoop, seedBench, WRITES } from './lib/world';

export interface WalPages {
  readonly perTransition: number;
  /** Pages per transition by table or index (from the WAL's frame headers and SQLite's dbstat). */
  readonly byTree: { readonly tree: string; readonly pages: number }[];
  readonly perRawInsert: number;
  readonly pageSize: number;
}

/** Page numbers of every frame in the WAL file (frame header: page number, big-endian, first 4 bytes). */
function walFramePages(walFile: string, pageSize: number): number[] {
  const buf = fs.readFileSync(walFile);
  const pages: number[] = [];
  for (let off = 32; off + 24 + pageSize <= buf.length; off += 24 + pageSize) pages.push(buf.readUInt32BE(off));
  return pages;
}

const framesNow = (db: Database.Database) => (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;

export async function walPages(base: string): Promise<WalPages> {
  const dir = freshDir(base, 'wal');
  const store = openSqliteStore(dir);
  const probe = new Database(path.join(dir, 'red-property.sqlite'));
  try {
    await seedBench(store);
    const call = inProcess(benchDeps(store));
    for (let i = 0; i < 20; i++) await runLoop(call, i); // some orders, so the b-trees are not trivially small
    const loops = 4; // 24 commits: stays under the 1000-page autocheckpoint
    probe.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < loops; i++) await runLoop(call, 20 + i);
    const frames = framesNow(probe);
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    const owner = probe.prepare('SELECT name FROM dbstat WHERE pageno = ?').pluck();
    const byTree = new Map<string, number>();
    for (const page of walFramePages(path.join(dir, 'red-property.sqlite-wal'), pageSize).slice(0, frames)) {
      const tree = page === 1 ? '(header page)' : ((owner.get(page) as string | undefined) ?? '(freelist/new)');
      byTree.set(tree, (byTree.get(tree) ?? 0) + 1);
    }
    const commits = loops * WRITES.length;
    const perTransition = frames / commits;
    probe.exec('CREATE TABLE raw (id TEXT PRIMARY KEY, at INTEGER NOT NULL, doc TEXT NOT NULL)');
    probe.pragma('wal_checkpoint(TRUNCATE)');
    const insert = probe.prepare('INSERT INTO raw (id, at, doc) VALUES (?, ?, ?)');
    for (let i = 0; i < 24; i++) probe.transaction(() => insert.run(`r${i}`, Date.now(), '卫'.repeat(580))).immediate();
    const perRawInsert = framesNow(probe) / 24;
    return {
      perTransition,
      byTree: [...byTree].sort((a, b) => b[1] - a[1]).map(([tree, n]) => ({ tree, pages: Math.round((100 * n) / commits) / 100 })),
      perRawInsert,
      pageSize,
    };
  } finally {
    probe.close();
    await store.close();
    removeDir(dir);
  }
}
