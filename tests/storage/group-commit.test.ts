import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { groupCommitter, type Settled } from '@backend/storage/embedded/group-commit';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import { SCHEMA_VERSION } from '@backend/storage/embedded/schema-sql';
import type { Store } from '@backend/storage/port';
import { createCommit, makeEvent, makeOrder, makeReply, nextCommit } from './fixtures';
import { writeV2StoreFile } from './old-store-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-group-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the group committer', () => {
  const recording = () => {
    const batches: number[][] = [];
    const committer = groupCommitter((items: readonly number[]): Settled<number>[] => {
      batches.push([...items]);
      return items.map((n) => (n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: n * 10 }));
    });
    return { batches, committer };
  };

  it('hands everything submitted in one turn of the event loop to one batch, in order', async () => {
    const { batches, committer } = recording();
    const results = await Promise.all([1, 2, 3].map((n) => committer.submit(n)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('starts a new batch for what is submitted after a batch ran', async () => {
    const { batches, committer } = recording();
    await committer.submit(1);
    await committer.submit(2);
    expect(batches).toEqual([[1], [2]]);
  });

  it('rejects only the item whose own part failed', async () => {
    const { committer } = recording();
    const results = await Promise.allSettled([1, -2, 3].map((n) => committer.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('rejects every item when the batch itself fails, since none of them is on disk', async () => {
    const committer = groupCommitter<number, number>(() => {
      throw new Error('disk I/O error');
    });
    const results = await Promise.allSettled([1, 2].map((n) => committer.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('settles nothing before the batch has run', async () => {
    let ran = false;
    const committer = groupCommitter((items: readonly number[]) => {
      ran = true;
      return items.map((n) => ({ ok: true as const, value: n }));
    });
    const seen = committer.submit(1).then(() => ran);
    await Promise.resolve();
    expect(ran).toBe(false);
    expect(await seen).toBe(true);
  });

  it('runs what is queued at once when flushed (before the database closes)', () => {
    const { batches, committer } = recording();
    void committer.submit(7);
    committer.flush();
    expect(batches).toEqual([[7]]);
  });
});

describe('commits that share one transaction in the embedded store', () => {
  let store: Store;
  beforeEach(async () => {
    store?.close();
    store = openSqliteStore(path.join(dir, `batch-${Math.random().toString(36).slice(2)}`));
  });

  it('each succeed or fail alone: a version conflict, a used request id or a broken write undoes only its own part', async () => {
    const a = makeOrder({ id: 'a' });
    const b = makeOrder({ id: 'b' });
    await store.commit(createCommit(a));
    await store.commit(createCommit(b, { reply: makeReply('k1') }));
    const staleB = { ...nextCommit(b, { state: 'cancelled' }), expectedVersion: 7 };
    const c = makeOrder({ id: 'c' });
    const reusedKey = createCommit(c, { reply: makeReply('k1') });
    const d = makeOrder({ id: 'd' });
    // Two events with the same seq: the database refuses the second insert.
    const broken = createCommit(d, { events: [makeEvent(d, 1), makeEvent(d, 1)] });
    const e = makeOrder({ id: 'e' });

    const results = await Promise.allSettled([
      store.commit(nextCommit(a, { state: 'cancelled' })),
      store.commit(staleB),
      store.commit(reusedKey),
      store.commit(broken),
      store.commit(createCommit(e)),
    ]);

    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'threw'))).toEqual([
      { ok: true },
      { ok: false, conflict: 'version' },
      { ok: false, conflict: 'request' },
      'threw',
      { ok: true },
    ]);
    expect((await store.getOrder('a'))?.state).toBe('cancelled');
    expect(await store.getOrder('b')).toEqual(b);
    expect(await store.getOrder('c')).toBeNull();
    expect(await store.getOrder('d')).toBeNull();
    expect(await store.listEvents('d')).toEqual([]);
    expect(await store.getOrder('e')).toEqual(e);
  });

  it('apply in the order they were asked for: the second of two moves from one version is the stale one', async () => {
    const o = makeOrder({ id: 'o' });
    await store.commit(createCommit(o));
    const [first, second] = await Promise.all([store.commit(nextCommit(o, { state: 'cancelled' })), store.commit(nextCommit(o, { state: 'refused' }))]);
    expect([first, second]).toEqual([{ ok: true }, { ok: false, conflict: 'version' }]);
    expect((await store.getOrder('o'))?.state).toBe('cancelled');
    expect((await store.listEvents('o')).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('are all on disk once acknowledged: another connection sees them', async () => {
    const at = path.join(dir, 'durable');
    const s = openSqliteStore(at);
    const orders = Array.from({ length: 20 }, (_, i) => makeOrder({ id: `p${i}` }));
    await Promise.all(orders.map((o) => s.commit(createCommit(o))));
    const other = new Database(path.join(at, 'red-property.sqlite'), { readonly: true });
    expect((other.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n).toBe(20);
    other.close();
    await s.close();
  });
});

describe('opening a store written by an older version', () => {
  /** Rebuilds the replies table the way schema version 1 kept it, keyed by the request key. */
  const downgradeToV1 = (file: string) => {
    const db = new Database(file);
    db.exec(`
      CREATE TABLE replies_v1 (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, at INTEGER NOT NULL, reply TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO replies_v1 SELECT key, fingerprint, at, reply FROM replies;
      DROP TABLE replies;
      ALTER TABLE replies_v1 RENAME TO replies;
      PRAGMA user_version = 1;`);
    db.close();
  };
  const inspect = (file: string) => {
    const db = new Database(file, { readonly: true });
    const version = db.pragma('user_version', { simple: true });
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'replies'").get() as { sql: string }).sql;
    db.close();
    return { version, sql };
  };

  it('migrates it in place after copying it beside itself, keeping every stored reply', async () => {
    const at = path.join(dir, 'v1');
    const file = path.join(at, 'red-property.sqlite');
    const o = makeOrder({ id: 'm1' });
    writeV2StoreFile(at, { orders: [o], replies: [makeReply('old-key')] });
    downgradeToV1(file);
    expect(inspect(file).version).toBe(1);

    const s2 = openSqliteStore(at, { log: () => {} });
    expect(inspect(file)).toEqual({ version: SCHEMA_VERSION, sql: expect.not.stringContaining('WITHOUT ROWID') });
    const [backup, ...more] = fs.readdirSync(at).filter((f) => f.startsWith('red-property.sqlite.backup-v1-'));
    expect(more).toEqual([]);
    expect(inspect(path.join(at, backup!))).toEqual({ version: 1, sql: expect.stringContaining('WITHOUT ROWID') });
    expect(await s2.getReply('old-key')).toEqual(makeReply('old-key'));
    expect(await s2.getOrder('m1')).toEqual(o);
    // The migrated key still guards against a second use.
    expect(await s2.commit(createCommit(makeOrder({ id: 'm2' }), { reply: makeReply('old-key') }))).toEqual({ ok: false, conflict: 'request' });
    await s2.close();
  });

  it('refuses one written by a newer version, saying to upgrade the program', async () => {
    const at = path.join(dir, 'future');
    await openSqliteStore(at).close();
    const db = new Database(path.join(at, 'red-property.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStore(at)).toThrow(/数据版本 99.*请升级程序/);
  });
});

describe('reference documents kept parsed by the embedded store', () => {
  const team = (memberIds: string[]) => ({ id: 't1', communityId: 'c1', companyId: 'co1', name: '维修一队', category: 'repair', memberIds }) as never;

  // Whether another connection wrote is asked once per turn of the event loop (a request reads
  // several references in one turn): a script beside the running server is seen from the next turn.
  it('see what another connection to the same file wrote, from the next turn of the event loop on', async () => {
    const at = path.join(dir, 'two-connections');
    const reader = openSqliteStore(at);
    const writer = openSqliteStore(at);
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    await writer.putRefs('teams', [team(['w1'])]);
    expect((await reader.listRefs('teams', 'c1')).map((t) => t.memberIds)).toEqual([['w1']]);
    await writer.putRefs('teams', [team(['w1', 'w2'])]);
    await nextTurn();
    expect((await reader.getRef('teams', 't1'))?.memberIds).toEqual(['w1', 'w2']);
    expect((await reader.listRefs('teams', 'c1')).map((t) => t.memberIds)).toEqual([['w1', 'w2']]);
    await Promise.all([reader.close(), writer.close()]);
  });

  it('are not changed by what the caller does with the documents it wrote or read', async () => {
    const s = openSqliteStore(path.join(dir, 'own-copies'));
    const written = team(['w1']) as { memberIds: string[] };
    await s.putRefs('teams', [written as never]);
    written.memberIds.push('intruder');
    const read = await s.getRef('teams', 't1');
    expect(read?.memberIds).toEqual(['w1']);
    expect(() => (read!.memberIds as string[]).push('w9')).toThrow(TypeError);
    await s.close();
  });
});
