import { describe, expect, it } from 'vitest';
import type { OrderEvent, OrderView } from '@core';
import { dataOf, desk, failure, resident, resident2, supervisor } from '../support/scenario';
import { useTestServer } from '../support/test-server';

/*
 * orders.get answers the newest 30 events of the timeline (or `limit`, up to 100) and in `older` the
 * seq to pass as `before` for the ones before them, null at the start: a busy order's reply stays
 * the same size however long its record grows.
 */

const t = useTestServer();
const d = desk(t);

type Detail = { order: OrderView; events: OrderEvent[]; older: number | null };
const get = async (who: typeof resident, orderId: string, page: Record<string, unknown> = {}) =>
  t.call('orders', { action: 'get', role: who.role, orderId, ...page }, who.user);
const seqs = (events: readonly OrderEvent[]) => events.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** An order with 41 events: placed, then 20 complaints each answered. */
async function busyOrder(): Promise<OrderView> {
  let order = await d.placeDue(resident);
  for (let i = 0; i < 20; i++) {
    order = await d.step(resident, order, 'complain', { text: `第${i + 1}次投诉` });
    order = await d.step(supervisor, order, 'answer', { seq: order.version, text: '已答复' });
  }
  return order;
}

describe('a page of the timeline in orders.get', () => {
  it('answers the newest 30 events, oldest first, and where the older ones start', async () => {
    const order = await busyOrder();
    const page = dataOf<Detail>(await get(resident, order.id));
    expect(page.order.version).toBe(41);
    expect(seqs(page.events)).toEqual(range(12, 41));
    expect(page.older).toBe(12);
  });

  it('answers the events before a seq, and null once it reaches the first', async () => {
    const order = await busyOrder();
    const earlier = dataOf<Detail>(await get(supervisor, order.id, { before: 12 }));
    expect(seqs(earlier.events)).toEqual(range(1, 11));
    expect(earlier.older).toBeNull();
    expect(earlier.events[0]?.action).toBe('create');
  });

  it('takes a page size up to 100, and answers a short timeline whole with no older', async () => {
    const order = await busyOrder();
    expect(seqs(dataOf<Detail>(await get(resident, order.id, { limit: 5 })).events)).toEqual(range(37, 41));
    expect(seqs(dataOf<Detail>(await get(resident, order.id, { limit: 100 })).events)).toEqual(range(1, 41));
    const fresh = await d.place(resident);
    expect(dataOf<Detail>(await get(resident, fresh.id))).toMatchObject({ older: null, events: [{ seq: 1, action: 'create' }] });
  });

  it('refuses a page it cannot give with 400, and an order outside the scope with 404 whatever the page', async () => {
    const order = await d.place(resident);
    for (const page of [{ before: 0 }, { before: 1 }, { before: 'x' }, { limit: 0 }, { limit: 101 }]) {
      expect(failure(await get(resident, order.id, page)), JSON.stringify(page)).toEqual({ status: 400, code: 'INPUT.INVALID' });
    }
    expect(failure(await get(resident2, order.id, { before: 5 }))).toEqual({ status: 404, code: 'ORDER.NOT_FOUND' });
  });
});
