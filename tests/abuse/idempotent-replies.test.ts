import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE, orderIndex, type Envelope, type OrderView } from '@core';
import { SCHEDULED } from '@backend/functions/registry';
import { REPLY_TTL, fingerprint } from '@backend/runtime/idempotency';
import { defaultLimits, slidingWindow } from '@backend/runtime/rate-limit';
import { supervisionWorld, type SupervisionWorld } from '../supervision/harness';

/*
 * A write stores only a reference to what it wrote (the order's id and version) under its request
 * id, and a retry rebuilds the answer from the order. Stored replies are kept REPLY_TTL (a day) and
 * removed by the sweep's housekeeping after that.
 */

let w: SupervisionWorld;
beforeEach(async () => {
  w = await supervisionWorld();
});
afterEach(() => w.close());

const dispatch = (o: { id: string; version: number }, requestId: string) => ({
  action: 'dispatch',
  role: 'dispatcher',
  orderId: o.id,
  version: o.version,
  requestId,
  input: { teamId: 't-general' },
});
const orderOf = (reply: Envelope<unknown>) => {
  if (!reply.ok) throw new Error(reply.error.code);
  return (reply.data as { order: OrderView }).order;
};

describe('small idempotency replies', () => {
  it('stores the order id and version, not the order view', async () => {
    const id = await w.place();
    const first = orderOf(await w.raw('orders', 'demo-dispatcher', dispatch({ id, version: 1 }, 'rid-small')));
    expect((await w.store.getReply('demo-dispatcher:rid-small'))?.reply).toEqual({ orderId: id, version: first.version });
  });

  it('answers a retry an hour later exactly as the first call, while nobody changed the order', async () => {
    const id = await w.place();
    const first = await w.raw('orders', 'demo-dispatcher', dispatch({ id, version: 1 }, 'rid-hour'));
    w.advance(HOUR);
    expect(await w.raw('orders', 'demo-dispatcher', dispatch({ id, version: 1 }, 'rid-hour'))).toEqual(first);
  });

  it('answers a retry after someone moved the order on with the order as it is now, writing nothing', async () => {
    const id = await w.place();
    orderOf(await w.raw('orders', 'demo-dispatcher', dispatch({ id, version: 1 }, 'rid-moved')));
    await w.act('demo-worker', 'worker', id, 'grab');
    const events = await w.store.listEvents(id);
    const again = orderOf(await w.raw('orders', 'demo-dispatcher', dispatch({ id, version: 1 }, 'rid-moved')));
    expect([again.state, again.version]).toEqual(['accepted', 3]);
    expect(await w.store.listEvents(id)).toEqual(events);
  });

  it('still tells a reused request id from a retry', async () => {
    const id = await w.place();
    await w.raw('orders', 'demo-dispatcher', dispatch({ id, version: 1 }, 'rid-reused'));
    const other = await w.raw('orders', 'demo-dispatcher', { ...dispatch({ id, version: 1 }, 'rid-reused'), input: { teamId: 't-elder' } });
    expect(other.ok ? null : other.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('keeps a reply for a day; the sweep removes it after, and the id then makes a new request', async () => {
    const id = await w.place();
    orderOf(await w.raw('orders', 'demo-dispatcher', dispatch({ id, version: 1 }, 'rid-a-day')));
    w.advance(REPLY_TTL - MINUTE);
    const early = await SCHEDULED.sweep!({}, null, w.deps);
    expect(early.ok && (early.data as { housekeeping: { replies: number } }).housekeeping.replies).toBe(0);
    expect(await w.store.getReply('demo-dispatcher:rid-a-day')).not.toBeNull();

    w.advance(2 * MINUTE);
    const late = await SCHEDULED.sweep!({}, null, w.deps);
    expect(late.ok && (late.data as { housekeeping: { replies: number } }).housekeeping.replies).toBeGreaterThan(0);
    expect(await w.store.getReply('demo-dispatcher:rid-a-day')).toBeNull();
    // The same request once more is a new request now, refused for the version it carries.
    const again = await w.raw('orders', 'demo-dispatcher', dispatch({ id, version: 1 }, 'rid-a-day'));
    expect(again.ok ? null : again.error.code).toBe('ORDER.VERSION_CONFLICT');
  });

  it('answers a reply stored whole by an older data file as it was stored', async () => {
    const id = await w.place();
    const order = await w.store.getOrder(id);
    const legacy = { order: { id, version: 1, state: 'pending_dispatch', actions: ['cancel'] } };
    const request = {
      fn: 'orders.act',
      role: 'dispatcher',
      orderId: id,
      version: 1,
      action: { type: 'dispatch', input: { teamId: 't-general', workerId: null } },
    };
    const moved = { ...order!, version: 2 };
    await w.store.commit({
      order: moved,
      index: orderIndex(moved, null),
      expectedVersion: 1,
      events: [{ ...(await w.store.listEvents(id))[0]!, seq: 2 }],
      notifications: [],
      reply: { key: 'demo-dispatcher:rid-legacy', fingerprint: fingerprint(request), reply: legacy, at: w.now() },
    });
    const again = await w.raw('orders', 'demo-dispatcher', dispatch({ id, version: 1 }, 'rid-legacy'));
    expect(again).toEqual({ ok: true, data: legacy });
  });
});

describe('a retry of a written action', () => {
  it('gets the first answer even when the caller has no writes left, while a new request is refused', async () => {
    const limited = await supervisionWorld(undefined, { ...defaultLimits(), attempts: slidingWindow(1, 60_000) });
    try {
      const id = await limited.place();
      const first = await limited.raw('orders', 'demo-dispatcher', dispatch({ id, version: 1 }, 'rid-limited'));
      expect(first.ok).toBe(true);
      expect(await limited.raw('orders', 'demo-dispatcher', dispatch({ id, version: 1 }, 'rid-limited'))).toEqual(first);
      const fresh = await limited.raw('orders', 'demo-dispatcher', dispatch({ id, version: 2 }, 'rid-another-one'));
      expect(fresh.ok ? null : fresh.error.code).toBe('REQUEST.RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
