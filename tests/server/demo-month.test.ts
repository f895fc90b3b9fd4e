import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, type Envelope, type Order, type OrderState, type PublicBoard, type SupervisorBoard } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import type { Deps } from '@backend/runtime/deps';
import { DEMO_DATA } from '@backend/server/demo-data';
import { playDemoMonth } from '@backend/server/demo-month';
import { seedDemo, seedIfEmpty } from '@backend/server/seed';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import type { Store } from '@backend/storage/port';
import { dumpStore } from '../support/store-file';

/** 2026-11-28 12:00 China time: the "real now" the month is played up to. */
const UNTIL = Date.UTC(2026, 10, 28, 4, 0);
const COMMUNITY = 'c-xingfuli';
const OPEN: readonly OrderState[] = ['pending_dispatch', 'pending_accept', 'accepted', 'in_service', 'pending_confirm'];
const WORKERS = DEMO_DATA.users.filter((u) => u.roles.includes('worker'));

/** A fresh demo community in a temp dir with its month played up to `until`; the handlers see the clock stopped there. */
async function playedStore(until = UNTIL) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-demo-month-'));
  const store = openSqliteStore(dir);
  await seedDemo(store);
  const report = await playDemoMonth(store, until);
  const deps: Deps = { store, now: () => until, newId: () => 'x' };
  async function call<T>(fn: keyof typeof FUNCTIONS, user: string | null, event: Record<string, unknown>): Promise<T> {
    const reply = (await FUNCTIONS[fn](event, user ? { devUserId: user } : null, deps)) as Envelope<T>;
    if (!reply.ok) throw new Error(`${fn}.${String(event.action)} by ${user}: ${reply.error.code} ${reply.error.message}`);
    return reply.data;
  }
  async function allOrders(): Promise<Order[]> {
    const all: Order[] = [];
    let cursor: string | null = null;
    do {
      const page = await store.listOrders({ kind: 'community', communityId: COMMUNITY }, {}, { limit: 50, cursor });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }
  const close = async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { dir, store, report, call, allOrders, close };
}

describe('the demo month: a fresh local server opens on a month of the community', () => {
  let w: Awaited<ReturnType<typeof playedStore>>;
  let orders: Order[];
  beforeAll(async () => {
    w = await playedStore();
    orders = await w.allOrders();
  });
  afterAll(() => w.close());

  it('holds 40–70 orders placed over the last 30 days, across every service, both compounds, both teams and the three workers', () => {
    expect(orders.length).toBe(w.report.orders);
    expect(orders.length).toBeGreaterThanOrEqual(40);
    expect(orders.length).toBeLessThanOrEqual(70);
    for (const o of orders) {
      expect(o.createdAt).toBeGreaterThanOrEqual(UNTIL - 30 * DAY);
      expect(o.createdAt).toBeLessThanOrEqual(UNTIL);
    }
    expect(new Set(orders.map((o) => o.serviceItemId))).toEqual(new Set(DEMO_DATA.serviceItems.map((s) => s.id)));
    expect(new Set(orders.map((o) => o.compoundId))).toEqual(new Set(DEMO_DATA.compounds.map((c) => c.id)));
    expect(new Set(orders.flatMap((o) => (o.assignment ? [o.assignment.teamId] : [])))).toEqual(new Set(DEMO_DATA.teams.map((t) => t.id)));
    const closedBy = new Set(orders.flatMap((o) => (o.state === 'closed' && o.assignment?.mode === 'member' ? [o.assignment.workerId] : [])));
    expect(closedBy).toEqual(new Set(WORKERS.map((u) => u.id)));
  });

  it('ends with at least one order in every open state, and mostly closed ones, some cancelled and refused', async () => {
    const counts = await w.store.countByState({ kind: 'community', communityId: COMMUNITY }, {});
    for (const s of OPEN) expect(counts[s], s).toBeGreaterThanOrEqual(1);
    expect(counts.closed).toBeGreaterThan(orders.length / 2);
    expect(counts.cancelled).toBeGreaterThanOrEqual(1);
    expect(counts.refused).toBeGreaterThanOrEqual(1);
    expect(w.report.states).toEqual(counts);
    // Waiting in a pool, and offered to one worker by name.
    const waiting = orders.filter((o) => o.state === 'pending_accept');
    expect(waiting.some((o) => o.assignment?.mode === 'pool')).toBe(true);
  });

  it('gives every order a genuine timeline: one event per version, seq 1…n, placed by a resident, the sweep as system', async () => {
    const actors = new Set(DEMO_DATA.users.map((u) => u.id));
    for (const o of orders) {
      const events = await w.store.listEvents(o.id);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: o.version }, (_, i) => i + 1));
      expect(events[0]).toMatchObject({ action: 'create', actorRole: 'resident', at: o.createdAt });
      for (const e of events) expect(e.actorId === 'system' || actors.has(e.actorId), e.actorId).toBe(true);
      for (let i = 1; i < events.length; i++) expect(events[i]!.at).toBeGreaterThanOrEqual(events[i - 1]!.at);
      expect(events.at(-1)!.at).toBeLessThanOrEqual(UNTIL);
    }
  });

  it('has the detours a month brings: poor ratings among good ones, a 返工, a reopen, an automatic close, 回访, 催单, a complaint', () => {
    const rated = orders.filter((o) => o.rating);
    const poor = rated.filter((o) => (o.rating!.attitude + o.rating!.timeliness + o.rating!.quality) / 3 < 4);
    expect(poor.length).toBeGreaterThanOrEqual(2);
    expect(poor.length).toBeLessThan(rated.length / 4);
    expect(orders.some((o) => o.state === 'closed' && o.reworkCount > 0)).toBe(true);
    expect(orders.some((o) => o.state === 'closed' && o.reopenCount > 0)).toBe(true);
    expect(orders.some((o) => o.autoClosed)).toBe(true);
    expect(orders.some((o) => o.returnVisits.length > 0)).toBe(true);
    expect(orders.some((o) => o.urgeCount > 0)).toBe(true);
    expect(orders.some((o) => o.complaints.some((c) => c.answer))).toBe(true);
  });

  it('has 督办: one awaiting its reply on an open order, others answered', () => {
    const instructions = orders.flatMap((o) => o.instructions.map((i) => ({ state: o.state, i })));
    expect(instructions.some(({ state, i }) => OPEN.includes(state) && !i.answer)).toBe(true);
    expect(instructions.some(({ i }) => i.answer)).toBe(true);
  });

  it('has overdue and escalated orders, marked by the real sweep on the walked clock', async () => {
    const open = orders.filter((o) => OPEN.includes(o.state));
    expect(open.some((o) => o.clock && o.clock.level >= 2)).toBe(true);
    const marks = (await Promise.all(orders.map((o) => w.store.listEvents(o.id)))).flat().filter((e) => e.actorRole === 'system');
    expect([...new Set(marks.map((e) => e.action))]).toEqual(expect.arrayContaining(['overdue', 'escalate', 'auto_close']));
    expect(w.report.sweeps).toBeGreaterThan(0);
  });

  it('keeps every worker within their cap', async () => {
    const open = await w.store.openOrdersOf(WORKERS.map((u) => u.id));
    for (const u of WORKERS) expect(open[u.id] ?? 0, u.id).toBeLessThanOrEqual(u.maxOpenOrders);
    for (const u of WORKERS) expect(open[u.id] ?? 0, `${u.id} has a task`).toBeGreaterThanOrEqual(1);
  });

  it('fills the supervisor board: 响应率, 解决率, 满意率 measured, both teams ranked, the queues non-empty', async () => {
    for (const month of [null, '2026-11']) {
      const board = await w.call<SupervisorBoard>('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month });
      expect(board.overall.responseRate, `${month}`).not.toBeNull();
      expect(board.overall.resolutionRate, `${month}`).not.toBeNull();
      expect(board.overall.satisfactionRate, `${month}`).not.toBeNull();
      expect(board.overall.satisfactionRate!).toBeLessThan(1);
      expect(board.teams.map((t) => t.id).sort()).toEqual(['t-elder', 't-general']);
      for (const t of board.teams) expect(t.rank, t.id).not.toBeNull();
      expect(board.trend.length).toBeGreaterThan(10);
    }
    const { queues } = await w.call<SupervisorBoard>('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month: null });
    for (const q of ['waiting', 'overdue', 'escalated', 'complaints', 'instructions'] as const) expect(queues[q].length, q).toBeGreaterThanOrEqual(1);
  });

  it('fills the public 晾晒 board and the 考核 of the month', async () => {
    const board = await w.call<PublicBoard>('statistics', null, { action: 'public', communityId: COMMUNITY, month: '2026-11' });
    expect(board.teams.filter((t) => t.rank !== null)).toHaveLength(2);
    expect(board.compounds.filter((c) => c.rank !== null)).toHaveLength(2);
    const report = await w.call<{ rows: { kind: string; rank: number | null }[] }>('statistics', 'demo-supervisor', {
      action: 'assessment',
      role: 'supervisor',
      month: '2026-11',
    });
    expect(report.rows.filter((r) => r.kind === 'team' && r.rank !== null)).toHaveLength(2);
  });

  it("fills the dispatcher's inbox and each worker's lists", async () => {
    type List = { items: Order[] };
    const inbox = await w.call<List>('orders', 'demo-dispatcher', { action: 'list', role: 'dispatcher', filter: { states: ['pending_dispatch'] } });
    expect(inbox.items.length).toBeGreaterThanOrEqual(1);
    for (const u of WORKERS) {
      const mine = await w.call<List>('orders', u.id, {
        action: 'list',
        role: 'worker',
        filter: { states: ['pending_accept', 'accepted', 'in_service'], holder: 'mine' },
      });
      expect(mine.items.length, u.id).toBeGreaterThanOrEqual(1);
      const pool = await w.call<List>('orders', u.id, { action: 'list', role: 'worker', filter: { states: ['pending_accept'], holder: 'pool' } });
      expect(pool.items.length, u.id).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('the demo month is deterministic and fits any moment it ends at', () => {
  it('plays the same store, row for row, twice', async () => {
    const a = await playedStore();
    const b = await playedStore();
    try {
      expect(dumpStore(b.dir)).toEqual(dumpStore(a.dir));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it.each([
    ['03:30 China time, the first of a month', Date.UTC(2026, 10, 30, 19, 30)],
    ['23:50 China time', Date.UTC(2027, 2, 14, 15, 50)],
  ])('ends with every open state filled at %s', async (_, until) => {
    const w = await playedStore(until);
    try {
      for (const s of OPEN) expect(w.report.states[s], s).toBeGreaterThanOrEqual(1);
      const open = await w.store.openOrdersOf(WORKERS.map((u) => u.id));
      for (const u of WORKERS) expect(open[u.id] ?? 0, u.id).toBeLessThanOrEqual(u.maxOpenOrders);
      const board = await w.call<SupervisorBoard>('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month: null });
      expect(board.period.from).toBe(until - 30 * DAY);
      expect(board.overall.orders).toBe(w.report.orders - 1); // less the one withdrawn before anyone took it
    } finally {
      await w.close();
    }
  });
});

describe('the seeds the tests, the bench and the crash-safety writer use still write no orders', () => {
  it('seedIfEmpty seeds the community only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-demo-month-'));
    const store: Store = openSqliteStore(dir);
    try {
      expect(await seedIfEmpty(store)).toBe(true);
      const counts = await store.countByState({ kind: 'community', communityId: COMMUNITY }, {});
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
