import { describe, expect, it } from 'vitest';
import { MINUTE, ORDER_STATES, type OrderState, type OrderView } from '@core';
import { useTestServer } from '../support/test-server';
import { dataOf, desk, dispatcher, requestId, resident, resident2, supervisor, worker, worker2, type As } from '../support/scenario';

const t = useTestServer();
const d = desk(t);

const zero = () => Object.fromEntries(ORDER_STATES.map((s) => [s, 0])) as Record<OrderState, number>;

describe('重启: the data survives a restart of the server', () => {
  it('keeps orders, timelines and earlier replies on the same data dir', async () => {
    const placed = await d.place(resident);
    const pooled = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' });
    const rid = requestId('grab');
    const grabbed = await d.act(worker, pooled, 'grab', {}, rid);
    expect(grabbed.status).toBe(200);
    const other = await d.place(resident2, { householdId: 'h-hp-a', serviceItemId: 's-cleaning' });

    const before = await d.read(supervisor, placed.id);
    const dump = t.dump();
    const oldUrl = t.url;
    await t.restart();
    expect(t.url).not.toBe(oldUrl);

    expect(t.dump()).toBe(dump);
    expect(await d.read(supervisor, placed.id)).toEqual(before);
    expect((await d.read(supervisor, other.id)).order.state).toBe('pending_dispatch');
    expect((await d.events(placed.id)).map((e) => e.action)).toEqual(['create', 'dispatch', 'grab']);
    // A retry that arrives after the restart still gets its first reply.
    expect(await d.act(worker, pooled, 'grab', {}, rid)).toEqual(grabbed);
    // And the work goes on.
    const started = await d.step(worker, grabbed.body.data.order, 'start');
    expect(started).toMatchObject({ state: 'in_service', version: 4 });
  });
});

describe('分页: listing orders page by page', () => {
  /** Seven orders: two in the pool, one cancelled, one refused, three waiting; placed a minute apart. */
  async function sevenOrders() {
    const placed: OrderView[] = [];
    for (let i = 0; i < 7; i++) {
      const who = i < 5 ? resident : resident2;
      placed.push(await d.place(who, { householdId: i < 5 ? 'h-yg-a' : 'h-hp-a', description: `第${i + 1}单` }));
      t.clock.advance(MINUTE);
    }
    await d.step(dispatcher, placed[0]!, 'dispatch', { teamId: 't-general' });
    await d.step(dispatcher, placed[1]!, 'dispatch', { teamId: 't-general' });
    await d.step(resident, placed[2]!, 'cancel');
    await d.step(dispatcher, placed[3]!, 'refuse', { reason: '不在服务范围' });
    return placed;
  }

  /** Follows nextCursor from the first page to the last. */
  async function walk(who: As, limit: number, filter?: Record<string, unknown>) {
    const pages: OrderView[][] = [];
    let cursor: string | null = null;
    let counts: Record<OrderState, number> | null = null;
    do {
      const page: { items: OrderView[]; nextCursor: string | null; counts: Record<OrderState, number> } = dataOf(
        await d.list(who, { limit, cursor, ...(filter && { filter }) }),
      );
      expect(page.items.length).toBeLessThanOrEqual(limit);
      pages.push(page.items);
      counts ??= page.counts;
      expect(page.counts).toEqual(counts); // the tab counts do not move while paging
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 20);
    return { pages, items: pages.flat(), counts: counts! };
  }

  it('walks every order exactly once with limit 2, newest change first, with the counts per state', async () => {
    const placed = await sevenOrders();
    const { pages, items, counts } = await walk(supervisor, 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
    expect(items.map((o) => o.id).sort()).toEqual(placed.map((o) => o.id).sort());
    expect(new Set(items.map((o) => o.id)).size).toBe(7);
    const updated = items.map((o) => o.updatedAt);
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect(counts).toEqual({ ...zero(), pending_dispatch: 3, pending_accept: 2, cancelled: 1, refused: 1 });
  });

  it('walks orders that changed at the same moment without losing or repeating any', async () => {
    const placed = [];
    for (let i = 0; i < 5; i++) placed.push(await d.place(resident, { description: `同一时刻第${i + 1}单` })); // the clock stands still
    const { items } = await walk(supervisor, 2);
    expect(items.map((o) => o.id).sort()).toEqual(placed.map((o) => o.id).sort());
  });

  it('pages within a state filter, while the counts still label every tab', async () => {
    await sevenOrders();
    const { items, counts } = await walk(supervisor, 2, { states: ['pending_dispatch'] });
    expect(items.map((o) => o.state)).toEqual(['pending_dispatch', 'pending_dispatch', 'pending_dispatch']);
    expect(counts).toEqual({ ...zero(), pending_dispatch: 3, pending_accept: 2, cancelled: 1, refused: 1 });
  });

  it('counts only what each caller may see', async () => {
    await sevenOrders();
    const mine = await walk(resident, 2);
    expect(mine.items).toHaveLength(5);
    expect(mine.counts).toEqual({ ...zero(), pending_dispatch: 1, pending_accept: 2, cancelled: 1, refused: 1 });
    const hers = await walk(resident2, 2);
    expect(hers.items).toHaveLength(2);
    expect(hers.counts).toEqual({ ...zero(), pending_dispatch: 2 });
    // The general team's pool holds the two dispatched orders; the elder-care team sees none.
    const pool = await walk(worker, 2);
    expect(pool.items.map((o) => o.state)).toEqual(['pending_accept', 'pending_accept']);
    expect(pool.counts).toEqual({ ...zero(), pending_accept: 2 });
    expect((await walk(worker2, 2)).counts).toEqual(zero());
    expect((await walk(dispatcher, 50)).items).toHaveLength(7);
  });
});
