import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orderCache } from '@backend/storage/embedded/order-cache';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import { createCommit, makeEvent, makeOrder, nextCommit } from './fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-order-cache-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const page = { beforeSeq: null, limit: 20 };

describe('orders kept parsed by the embedded store', () => {
  it('answer every read after this connection writes with what it wrote', async () => {
    const store = openSqliteStore(at('own-writes'));
    const placed = makeOrder({ id: 'o1', version: 1 });
    await store.commit(createCommit(placed));
    expect((await store.getOrder('o1'))?.version).toBe(1);
    expect((await store.listEvents('o1', page)).map((e) => e.seq)).toEqual([1]);
    await store.commit(nextCommit(placed, { description: '改成下午来' }));
    expect(await store.getOrder('o1')).toMatchObject({ version: 2, description: '改成下午来' });
    expect((await store.listEvents('o1', page)).map((e) => e.seq)).toEqual([1, 2]);
    await store.close();
  });

  // As for the reference documents, whether another connection wrote is asked once per turn of the
  // event loop: a script beside the running server is seen from the next turn on.
  it('see another connection’s commit from the next turn of the event loop on', async () => {
    const reader = openSqliteStore(at('two-connections'));
    const writer = openSqliteStore(at('two-connections'));
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    const placed = makeOrder({ id: 'o1', version: 1 });
    await writer.commit(createCommit(placed));
    await nextTurn();
    expect((await reader.getOrder('o1'))?.version).toBe(1);
    expect((await reader.listEvents('o1', page)).length).toBe(1);
    await writer.commit(nextCommit(placed, { description: '另一个连接写的' }));
    await nextTurn();
    expect((await reader.getOrder('o1'))?.description).toBe('另一个连接写的');
    expect((await reader.listEvents('o1', page)).map((e) => e.seq)).toEqual([1, 2]);
    await Promise.all([reader.close(), writer.close()]);
  });

  it('keep nothing stale from a commit that lost its version check', async () => {
    const store = openSqliteStore(at('conflict'));
    const placed = makeOrder({ id: 'o1', version: 1 });
    await store.commit(createCommit(placed));
    await store.getOrder('o1');
    expect(await store.commit(nextCommit({ ...placed, version: 5 }, { description: '过时的' }))).toEqual({ ok: false, conflict: 'version' });
    expect(await store.getOrder('o1')).toMatchObject({ version: 1, description: placed.description });
    await store.close();
  });

  // Parsing an order was most of a read's time; so every reader is handed the one the store keeps,
  // and no reader may change it. Under the tests the store freezes it: a change fails at once.
  it('hand every reader the order they keep, which fails any reader that would change it', async () => {
    const store = openSqliteStore(at('shared'));
    await store.commit(createCommit(makeOrder({ id: 'o1', version: 1, description: '原样' })));
    const read = (await store.getOrder('o1')) as unknown as { description: string; photos: string[] };
    expect(await store.getOrder('o1')).toBe(read);
    expect((await store.listOrders({ kind: 'community', communityId: 'c1' }, {}, { limit: 5, cursor: null })).items).toEqual([read]);
    expect(() => {
      read.description = '被改了';
    }).toThrow(TypeError);
    expect(() => read.photos.push('x')).toThrow(TypeError);
    expect(await store.getOrder('o1')).toMatchObject({ description: '原样', photos: [] });
    // Events are parsed for each reader: a page of the timeline is the reader's own.
    (await store.listEvents('o1', page)).pop();
    expect((await store.listEvents('o1', page)).length).toBe(1);
    await store.close();
  });

  it('page a long timeline as the file does, newest page first, whatever was kept', async () => {
    const store = openSqliteStore(at('long'));
    let order = makeOrder({ id: 'o1', version: 1 });
    await store.commit(createCommit(order));
    for (let v = 2; v <= 130; v++) {
      const c = nextCommit(order, {});
      await store.commit(c);
      order = c.order;
      if (v % 40 === 0) await store.listEvents('o1', { beforeSeq: null, limit: 30 });
    }
    const seqs = async (p: { beforeSeq: number | null; limit: number }) => (await store.listEvents('o1', p)).map((e) => e.seq);
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    expect(await seqs({ beforeSeq: null, limit: 30 })).toEqual(range(101, 130));
    expect(await seqs({ beforeSeq: null, limit: 100 })).toEqual(range(31, 130));
    expect(await seqs({ beforeSeq: 101, limit: 30 })).toEqual(range(71, 100));
    expect(await seqs({ beforeSeq: null, limit: 5 })).toEqual(range(126, 130));
    await store.close();
  });

  it('agree with the file when one commit of a batch writes an event of another order', async () => {
    const store = openSqliteStore(at('foreign-event'));
    const x = makeOrder({ id: 'X', version: 1 });
    const y = makeOrder({ id: 'Y', version: 1 });
    await store.commit(createCommit(x));
    await store.commit(createCommit(y));
    await store.listEvents('Y', page);
    // Submitted in one turn: one transaction. The second also writes Y's seq 3.
    const second = nextCommit(x, {}, { events: [makeEvent(x, 2), makeEvent(y, 3)] });
    await Promise.all([store.commit(nextCommit(y, {})), store.commit(second)]);
    expect((await store.listEvents('Y', page)).map((e) => e.seq)).toEqual([1, 2, 3]);
    await store.close();
  });

  it('list a page from kept orders and from the file alike, newest change first, each order at its last version', async () => {
    const store = openSqliteStore(at('list-mixed'));
    const other = openSqliteStore(at('list-mixed'));
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    const scope = { kind: 'community', communityId: 'c1' } as const;
    const placed = ['o1', 'o2', 'o3'].map((id, i) => makeOrder({ id, version: 1, communityId: 'c1', createdAt: 1000 + i, updatedAt: 1000 + i }));
    for (const o of placed) await store.commit(createCommit(o));
    // Another connection changes o1, so this one forgets every order it kept; then it reads o2 again.
    await other.commit(nextCommit(placed[0]!, { description: '别处改的', updatedAt: 2000 }));
    await nextTurn();
    await store.getOrder('o2');
    const listed = await store.listOrders(scope, {}, { limit: 2 });
    expect(listed.items.map((o) => [o.id, o.version, o.description])).toEqual([
      ['o1', 2, '别处改的'],
      ['o3', 1, placed[2]!.description],
    ]);
    // An order read from the file for this page is not kept, but no reader may change it either.
    expect(() => {
      (listed.items[1] as { description: string }).description = '被改了';
    }).toThrow(TypeError);
    const rest = await store.listOrders(scope, {}, { limit: 2, cursor: listed.nextCursor });
    expect(rest.items.map((o) => o.id)).toEqual(['o2']);
    expect((await store.listOrders(scope, {}, { limit: 3 })).items.map((o) => o.description)).toEqual([
      '别处改的',
      placed[2]!.description,
      placed[1]!.description,
    ]);
    await Promise.all([store.close(), other.close()]);
  });

  it('are forgotten by clear()', async () => {
    const store = openSqliteStore(at('clear'));
    await store.commit(createCommit(makeOrder({ id: 'o1', version: 1 })));
    await store.getOrder('o1');
    await store.clear();
    expect(await store.getOrder('o1')).toBeNull();
    expect(await store.listEvents('o1', page)).toEqual([]);
    await store.close();
  });
});

describe('the order cache itself', () => {
  const events = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ seq: from + i, doc: `e${from + i}` }));

  it('reads each order once while nothing changes, and again after it is changed here or elsewhere', () => {
    let elsewhere = 1;
    const cache = orderCache(() => elsewhere);
    let reads = 0;
    const read = () => (reads++, '{"id":"o1"}');
    cache.order('o1', read);
    cache.order('o1', read);
    expect(reads).toBe(1);
    cache.changing('o1');
    cache.order('o1', read);
    expect(reads).toBe(2);
    elsewhere = 2; // another connection committed
    cache.order('o1', read);
    expect(reads).toBe(3);
  });

  it('keeps at most its size, dropping the one filled or written longest ago, and never keeps an order that is not there', () => {
    const cache = orderCache(() => 1, 2);
    const reads: string[] = [];
    const read = (id: string) => () => (reads.push(id), id);
    for (const id of ['a', 'b', 'a']) cache.order(id, read(id));
    cache.changing('a');
    cache.wrote('a', 'a2', [], undefined); // a written after b was filled: b is the oldest now
    for (const id of ['c', 'a', 'b']) cache.order(id, read(id));
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
    let missing = 0;
    cache.order('nobody', () => (missing++, null));
    cache.order('nobody', () => (missing++, null));
    expect(missing).toBe(2);
  });

  it('answers a page of orders from those it keeps, asks once for all the others and keeps none of them', () => {
    const cache = orderCache(() => 1);
    cache.wrote('b', 'b-kept', [], undefined);
    const asked: string[][] = [];
    const file = (ids: string[]) => (asked.push(ids), new Map(ids.map((id) => [id, `${id}-file`])));
    expect(cache.orders(['a', 'b', 'c'], file)).toEqual(['a-file', 'b-kept', 'c-file']);
    expect(cache.orders(['a', 'b', 'c'], file)).toEqual(['a-file', 'b-kept', 'c-file']);
    expect(asked).toEqual([
      ['a', 'c'],
      ['a', 'c'],
    ]);
    expect(cache.orders(['b'], file)).toEqual(['b-kept']);
    expect(asked.length).toBe(2);
  });

  it('answers a first page from the events it keeps when they are enough or are the whole timeline', () => {
    const cache = orderCache(() => 1);
    let reads = 0;
    const read = (from: number, to: number) => () => (reads++, events(from, to));
    expect(cache.newestEvents('o1', 3, read(8, 10)).map((e) => e.seq)).toEqual([8, 9, 10]);
    expect(cache.newestEvents('o1', 2, read(9, 10)).map((e) => e.seq)).toEqual([9, 10]);
    expect(reads).toBe(1);
    expect(cache.newestEvents('o1', 5, read(6, 10)).map((e) => e.seq)).toEqual([6, 7, 8, 9, 10]);
    expect(reads).toBe(2);
    cache.newestEvents('o2', 30, read(1, 4));
    expect(cache.newestEvents('o2', 50, read(1, 4)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(reads).toBe(3);
  });

  it('keeps at most the app’s first page of events, reading a larger page from the file each time', () => {
    const cache = orderCache(() => 1);
    let reads = 0;
    const read = (from: number, to: number) => () => (reads++, events(from, to));
    expect(cache.newestEvents('o1', 100, read(51, 150)).length).toBe(100);
    expect(cache.newestEvents('o1', 30, read(121, 150)).map((e) => e.seq)).toEqual(events(121, 150).map((e) => e.seq));
    expect(reads).toBe(1);
    cache.newestEvents('o1', 31, read(120, 150));
    expect(reads).toBe(2);
  });

  it('answers a first page as the file does when seqs have gaps: the events after the last seq − limit', () => {
    const cache = orderCache(() => 1);
    const kept = [1, 2, 5, 9, 10].map((seq) => ({ seq, doc: `e${seq}` }));
    cache.newestEvents('o1', 100, () => kept);
    const never = () => {
      throw new Error('read from the file');
    };
    expect(cache.newestEvents('o1', 3, never).map((e) => e.seq)).toEqual([9, 10]);
    expect(cache.newestEvents('o1', 6, never).map((e) => e.seq)).toEqual([5, 9, 10]);
  });

  it('keeps what a commit wrote: a new order whole, a changed one extended only where it joins', () => {
    const cache = orderCache(() => 1);
    let reads = 0;
    const read = () => (reads++, events(1, 1));
    cache.wrote('o1', 'v1', events(1, 1), undefined);
    expect(cache.order('o1', () => 'never')).toBe('v1');
    expect(cache.newestEvents('o1', 30, read).map((e) => e.seq)).toEqual([1]);
    const before = cache.tailOf('o1');
    cache.changing('o1');
    cache.wrote('o1', 'v2', events(2, 3), before);
    expect(cache.order('o1', () => 'never')).toBe('v2');
    expect(cache.newestEvents('o1', 30, read).map((e) => e.seq)).toEqual([1, 2, 3]);
    // Events kept up to 3, but the commit starts at 5: they do not join, so the timeline is read.
    cache.wrote('o1', 'v4', events(5, 5), cache.tailOf('o1'));
    expect(reads).toBe(0);
    cache.newestEvents('o1', 30, read);
    expect(reads).toBe(1);
  });

  it('does not put back events kept before another connection wrote', () => {
    let elsewhere = 1;
    const cache = orderCache(() => elsewhere);
    cache.wrote('o1', 'v1', events(1, 1), undefined);
    const before = cache.tailOf('o1');
    cache.changing('o1');
    elsewhere = 2; // another connection rewrote the file meanwhile
    cache.wrote('o1', 'v2', events(2, 2), before);
    let reads = 0;
    cache.newestEvents('o1', 30, () => (reads++, events(1, 2)));
    expect(reads).toBe(1);
  });
});
