import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';

/**
 * The embedded store takes order numbers from its file a block at a time, as a database sequence
 * caches values: one process counts 1, 2, 3…; a restart, or a second process on the same file, goes
 * on from past every number given out, so no number is ever given twice.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-numbers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const take = async (store: ReturnType<typeof openSqliteStore>, n: number) => {
  const got: number[] = [];
  for (let i = 0; i < n; i++) got.push(await store.nextOrderNumber('c1', '2026-11-30'));
  return got;
};

describe('order numbers of the embedded store', () => {
  it('go on past every number given before a restart', async () => {
    const first = openSqliteStore(dir);
    expect(await take(first, 3)).toEqual([1, 2, 3]);
    await first.close();
    const again = openSqliteStore(dir);
    const later = await take(again, 20);
    expect(later[0]).toBeGreaterThan(3);
    expect(later).toEqual([...later].sort((a, b) => a - b));
    expect(new Set(later).size).toBe(20);
    await again.close();
  });

  it('are reserved 8, 16, 32 and then 64 at a time: a restart skips few of a quiet day, and a busy day writes once per 64', async () => {
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-numbers-blocks-'));
    try {
      const quiet = openSqliteStore(own);
      expect(await take(quiet, 3)).toEqual([1, 2, 3]);
      await quiet.close();
      const busy = openSqliteStore(own);
      // The rest of the first block of 8 is skipped: 4…8.
      const day = await take(busy, 300);
      expect(day[0]).toBe(9);
      expect(day).toEqual(Array.from({ length: 300 }, (_, i) => 9 + i));
      await busy.close();
      // After the quiet process's 8, the busy one reserved 8, 16, 32, 64, 64, 64 and 64: up to 320.
      const next = openSqliteStore(own);
      expect(await take(next, 1)).toEqual([321]);
      await next.close();
    } finally {
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  it('are never the same in two processes on one file', async () => {
    const a = openSqliteStore(dir);
    const b = openSqliteStore(dir);
    const got = [...(await take(a, 13)), ...(await take(b, 13)), ...(await take(a, 13))];
    expect(new Set(got).size).toBe(got.length);
    await a.close();
    await b.close();
  });
});
