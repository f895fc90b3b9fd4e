import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '@core';
import { defaultLimits } from '@backend/runtime/rate-limit';
import { supervisionWorld } from '../supervision/harness';

let w: Awaited<ReturnType<typeof supervisionWorld>>;
beforeEach(async () => {
  w = await supervisionWorld(undefined, defaultLimits());
});
afterEach(() => w.close());

const order = (n: number) => ({
  action: 'create',
  requestId: `flood-request-${n}`,
  order: { serviceItemId: 's-meal', householdId: 'h-yg-a', description: '午餐', timeWindow: { from: w.now(), to: w.now() + 3_600_000 } },
});

describe('per-user rate limits', () => {
  it('refuses the 21st order placed by one person within a minute, and writes nothing for it', async () => {
    for (let i = 0; i < 20; i++) expect((await w.raw('orders', 'demo-resident', order(i))).ok).toBe(true);
    const refused = await w.raw('orders', 'demo-resident', order(20));
    expect(refused.ok ? null : refused.error.code).toBe('REQUEST.RATE_LIMITED');
    const scope = { kind: 'household', communityId: 'c-xingfuli', userId: 'demo-resident', householdIds: ['h-yg-a'] } as const;
    expect((await w.store.listOrders(scope, {}, { limit: 50 })).items).toHaveLength(20);
    // Someone else is not affected, and a minute later the resident may order again.
    expect((await w.raw('orders', 'demo-resident-2', { ...order(21), order: { ...order(21).order, householdId: 'h-hp-a' } })).ok).toBe(true);
    w.advance(MINUTE);
    expect((await w.raw('orders', 'demo-resident', order(22))).ok).toBe(true);
  });

  it('answers a retried request from its first reply without counting it again', async () => {
    for (let i = 0; i < 20; i++) await w.raw('orders', 'demo-resident', order(0));
    expect((await w.raw('orders', 'demo-resident', order(1))).ok).toBe(true);
  });
});
