import { describe, expect, it } from 'vitest';
import { MINUTE } from '@core';
import { runSweep } from '@backend/usecases/sweep';
import { bothStores, demoOn } from '../support/demo-on-both-stores';

const STORES = bothStores('interval');

describe.each(STORES)('changing the escalation interval, on %s', (_name, open) => {
  it('re-indexes the open orders: an order overdue at +15 escalates at +45 and +75 once the interval is 30 minutes', async () => {
    const store = await open();
    const { clock, deps, call } = await demoOn(store, Date.UTC(2026, 9, 5, 1, 0));
    const placedAt = clock.now;
    const { order } = await call('orders', 'demo-resident', {
      action: 'create',
      requestId: 'request-place-1',
      order: { serviceItemId: 's-repair-urgent', householdId: 'h-yg-a', description: '厨房水管漏水', timeWindow: { from: placedAt, to: placedAt + 3_600_000 } },
    });
    const levels = async () => (await store.listEvents(order.id)).map((e) => e.payload.level ?? e.action);
    clock.now += 15 * MINUTE;
    await runSweep(deps);
    expect(await levels()).toEqual(['create', 1]);
    await call('admin', 'demo-admin', { action: 'updateSettings', role: 'admin', escalationMinutes: 30 });
    clock.now += 29 * MINUTE;
    await runSweep(deps);
    expect(await levels()).toEqual(['create', 1]);
    clock.now += MINUTE;
    await runSweep(deps);
    expect(await levels()).toEqual(['create', 1, 2]);
    clock.now += 30 * MINUTE;
    await runSweep(deps);
    expect(await levels()).toEqual(['create', 1, 2, 3]);
    await store.clear();
    await store.close();
  });
});
