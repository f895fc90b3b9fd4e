/**
 * Order transitions through the function handlers in-process (no HTTP): one caller, one action at a
 * time, the way a cloud function runs them; and the store's commit alone with the same shape of
 * write, to tell the store's share from the handlers'.
 */
import { orderIndex, type Order } from '@core';
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';
import { freshDir, removeDir } from './lib/paths';
import { summarize, type Latency } from './lib/stats';
import { benchDeps, fillInbox, inProcess, runLoop, runReads, seedBench, step, WRITES, type LoopAction } from './lib/world';

export interface TransitionRate {
  readonly dir: string;
  readonly transitionsPerSecond: number;
  readonly loops: number;
  readonly seconds: number;
  readonly latency: Partial<Record<LoopAction, Latency>>;
  /**
   * Every write of the loops together. A cost that comes every so many writes (a leaf split of the
   * events table, a WAL checkpoint) falls on whichever action the lengths of a version's documents
   * put it on, so one action's p95 can move by where it falls; this one moves only by what it costs.
   */
  readonly writes: Latency;
  /** Orders in the store when list and get were measured (list counts them all; 25 of them wait in the inbox). */
  readonly ordersAtReads: number;
}

/**
 * Runs `loops` whole loops one after another (fewer if `maxMs` runs out first); the rate counts
 * writes over the time spent in them. A count rather than a time, so that two versions read list
 * and get over stores of the same size: list counts every order of the company, and a faster
 * version run for a fixed time would be measured over more of them.
 */
export async function inProcessTransitions(base: string, name: string, loops: number, maxMs: number, reads = 300): Promise<TransitionRate> {
  const dir = freshDir(base, name);
  const store = openSqliteStore(dir);
  try {
    await seedBench(store);
    const call = inProcess(benchDeps(store));
    for (let i = 0; i < 300; i++) await runLoop(call, i % 50); // warm up: JIT, statement cache
    const samples = new Map<LoopAction, number[]>();
    const record = (a: LoopAction, t: number) => samples.set(a, [...(samples.get(a) ?? []), t]);
    let done = 0;
    const t0 = performance.now();
    while (done < loops && performance.now() - t0 < maxMs) await runLoop(call, done++ % 50, record);
    const writeMs = WRITES.reduce((sum, a) => sum + (samples.get(a) ?? []).reduce((x, y) => x + y, 0), 0);
    const seconds = (performance.now() - t0) / 1000;
    const last = (await store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 1 })).items[0]!;
    // The reads: get on the last closed order (six events); list on a full page (20 of 25 orders
    // waiting to be dispatched, as in the HTTP run), not the empty inbox the loops leave behind.
    await fillInbox(call);
    const ordersAtReads = Object.values(await store.countByState({ kind: 'community', communityId: 'c-xingfuli' }, {})).reduce((a, b) => a + b, 0);
    // Twice, the first pass unmeasured: the reads, like the writes after the warm-up loops, are
    // measured once V8 has optimized their own code. Measured from their first call, a list's p95
    // over 300 was 0.64 ms against 0.49 ms over the next 300 (its first call alone took 2.5 ms).
    await runReads(call, last, reads);
    await runReads(call, last, reads, record);
    const latency = Object.fromEntries([...samples].map(([a, xs]) => [a, summarize(xs)]));
    const writes = summarize(WRITES.flatMap((a) => samples.get(a) ?? []));
    return { dir: base, transitionsPerSecond: (done * WRITES.length) / (writeMs / 1000), loops: done, seconds, latency, writes, ordersAtReads };
  } finally {
    await store.close();
    removeDir(dir);
  }
}

export interface CommitRate {
  readonly dir: string;
  readonly commitsPerSecond: number;
  readonly count: number;
}

/**
 * store.commit alone, shaped like a transition: the order document (inserted, then updated under
 * compare-and-set five times), one event, one notification, the request's reply.
 */
export async function storeCommitRate(base: string, name: string, ms: number): Promise<CommitRate> {
  const dir = freshDir(base, name);
  const store = openSqliteStore(dir);
  try {
    await seedBench(store);
    const call = inProcess(benchDeps(store));
    const s = step('create', 0, '', 0);
    const created = await call(s.fn, s.event, s.user);
    if (!created.ok) throw new Error(created.error.code);
    const template = (await store.getOrder(created.data.order.id))!;
    // The index is derived with the community's settings by the caller (the use case), as in a real write.
    const settings = (await store.getRef('communities', template.communityId))?.settings ?? null;
    let count = 0;
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms) {
      const id = `commit-bench-${n++}`;
      for (let v = 1; v <= WRITES.length; v++) {
        const at = Date.now();
        const order: Order = { ...template, id, version: v, updatedAt: at };
        const r = await store.commit({
          order,
          index: orderIndex(order, settings),
          expectedVersion: v === 1 ? null : v - 1,
          events: [
            { orderId: id, seq: v, action: WRITES[v - 1]!, actorId: 'bench-resident-0', actorRole: 'resident', at, from: null, to: order.state, payload: {} },
          ],
          notifications: [{ id: `${id}-n${v}`, to: { kind: 'user', userId: 'bench-resident-0' }, orderId: id, text: '服务队员已接单', at }],
          // What a real write stores under its request id: the order's id and the version it wrote.
          reply: { key: `bench-resident-0:${id}-${v}`, fingerprint: 'x'.repeat(43), reply: { orderId: id, version: v }, at },
        });
        if (!r.ok) throw new Error(`commit conflict ${r.conflict}`);
        count++;
      }
    }
    return { dir: base, commitsPerSecond: count / ((performance.now() - t0) / 1000), count };
  } finally {
    await store.close();
    removeDir(dir);
  }
}
