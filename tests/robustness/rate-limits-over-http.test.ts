import { describe, expect, it } from 'vitest';
import { MINUTE } from '@core';
import { defaultLimits } from '@backend/runtime/rate-limit';
import { dataOf, desk, failure, requestId, resident, resident2 } from '../support/scenario';
import { useTestServer } from '../support/test-server';

/*
 * Abuse over HTTP: the per-user limits of backend/runtime/rate-limit.ts (defaultLimits: 20 orders and
 * 10 urges per person per minute) hold on the real server, the refused request writes nothing, and
 * the limit is per person. (tests/abuse covers the create limit in-process; the 64 KiB body limit is
 * in tests/http/bad-input.test.ts.)
 */

const t = useTestServer({ limits: defaultLimits });
const d = desk(t);

describe('per-user rate limits over HTTP', () => {
  it('answers the 21st order placed by one person within a minute with 429 REQUEST.RATE_LIMITED and writes nothing for it', async () => {
    for (let i = 0; i < 20; i++) dataOf(await d.create(resident));
    const before = t.dump();
    const refused = await d.create(resident);
    expect(failure(refused)).toEqual({ status: 429, code: 'REQUEST.RATE_LIMITED' });
    expect(t.dump()).toBe(before);

    // The limit is the person's: someone else may still order, and the first person a minute later.
    dataOf(await d.create(resident2, { householdId: 'h-hp-a' }));
    t.clock.advance(MINUTE);
    dataOf(await d.create(resident));
  });

  it('answers the 11th urge by one person within a minute, across eleven different orders, with 429 and writes nothing for it', async () => {
    const orders = [];
    for (let i = 0; i < 11; i++) orders.push(await d.placeDue(resident));
    for (const o of orders.slice(0, 10)) dataOf(await d.act(resident, o, 'urge'));
    const before = t.dump();
    const refused = await d.act(resident, orders[10]!, 'urge');
    expect(failure(refused)).toEqual({ status: 429, code: 'REQUEST.RATE_LIMITED' });
    expect(t.dump()).toBe(before);
    expect((await d.events(orders[10]!.id)).map((e) => e.action)).toEqual(['create']);

    t.clock.advance(MINUTE);
    dataOf(await d.act(resident, orders[10]!, 'urge'));
  });

  it('answers a retried create (the same request id) from its first reply without spending the limit', async () => {
    const rid = requestId('create');
    const first = dataOf(await d.create(resident, {}, rid));
    for (let i = 0; i < 25; i++) expect(dataOf(await d.create(resident, {}, rid))).toEqual(first);
    for (let i = 0; i < 19; i++) dataOf(await d.create(resident));
    expect(failure(await d.create(resident))).toEqual({ status: 429, code: 'REQUEST.RATE_LIMITED' });
  });
});
