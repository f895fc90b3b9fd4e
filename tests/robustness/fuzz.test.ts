import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '@core';
import { startTestServer, type TestServer } from '../support/test-server';
import { ROUTES, breakEvent, defectsFor, noiseFor, withNoise, type RouteCase } from './support/events';
import { dataOf, openWorld, refusalProblem, writeProbe, type World } from './support/world';

/** Malformed events per function and action, in-process; a smaller sample goes over HTTP. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const HTTP_RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 30);

const routeNames = (fn: string) => ROUTES.filter((r) => r.fn === fn).map((r) => r.action);

/** Own properties of the prototypes a pollution would land on. */
const prototypeKeys = () => [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(','));
const polluted = () => {
  const probe = {} as Record<string, unknown>;
  return ['polluted', 'isAdmin', 'role', 'x', ''].some((k) => k in probe && !Object.hasOwn(probe, k)) || Object.keys(Object.prototype).length > 0;
};

/** 张秀兰's repair order, placed `now`: the order the malformed lifecycle events aim at. */
const placeRepair = (requestId: string, now: number) => ({
  action: 'create',
  requestId,
  order: { serviceItemId: 's-repair', householdId: 'h-yg-a', description: '门锁坏了', timeWindow: { from: now, to: now + 3_600_000 } },
});

function malformed(route: RouteCase, inProcess: boolean) {
  return fc.record({
    noise: noiseFor(route),
    defects: fc.array(defectsFor(route, routeNames(route.fn), inProcess), { minLength: 1, maxLength: 3 }),
  });
}

describe('fuzzing: thousands of malformed events per function and action, in-process', () => {
  let w: World;
  let target: { orderId: string; version: number };
  let before: string;
  let prototypesBefore: string[];
  let probe: ReturnType<typeof writeProbe>;

  beforeAll(async () => {
    w = await openWorld();
    const placed = dataOf(await w.call('orders', placeRepair('fuzz-setup-0001', w.now()), 'demo-resident'));
    target = { orderId: placed.order.id, version: placed.order.version };
    before = w.dump();
    prototypesBefore = prototypeKeys();
    probe = writeProbe(w.dir);
  });
  afterAll(async () => {
    probe.close();
    await w.close();
  });

  it.each(ROUTES.map((r) => [`${r.fn}.${r.action}`, r] as const))(
    '%s: every malformed event is refused with a 4xx code of the table, nothing is written, no prototype is polluted',
    async (_name, route) => {
      const version = probe.version();
      await fc.assert(
        fc.asyncProperty(malformed(route, true), async ({ noise, defects }) => {
          const { event, caller } = breakEvent(withNoise(route.valid(target), noise), route.action, route.user, defects);
          const reply = await w.call(route.fn, event, caller);
          const problem = refusalProblem(reply);
          if (problem) throw new Error(problem);
          if (probe.version() !== version) throw new Error('the store was written');
          if (polluted()) throw new Error('Object.prototype polluted');
        }),
        { numRuns: RUNS },
      );
      expect(prototypeKeys()).toEqual(prototypesBefore);
    },
  );

  it('leaves the store byte-for-byte as it was after all of them', () => {
    expect(w.dump()).toBe(before);
    expect(prototypeKeys()).toEqual(prototypesBefore);
  });
});

describe('fuzzing over HTTP: a sample of malformed events per function and action', () => {
  let t: TestServer;
  let target: { orderId: string; version: number };
  let before: string;

  beforeAll(async () => {
    t = await startTestServer();
    const reply = await t.call('orders', placeRepair('fuzz-http-setup-1', t.clock.now()), 'demo-resident');
    target = { orderId: reply.body.data.order.id, version: 1 };
    before = t.dump();
  });
  afterAll(() => t.close());

  it('answers every malformed event with the status of its code (never 500 or 503) and writes nothing', async () => {
    const prototypesBefore = prototypeKeys();
    const statuses = new Map<number, number>();
    for (const route of ROUTES) {
      await fc.assert(
        fc.asyncProperty(malformed(route, false), async ({ noise, defects }) => {
          const { event, caller } = breakEvent(withNoise(route.valid(target), noise), route.action, route.user, defects);
          // The local server knows callers only by X-Dev-User; an OPENID caller there is nobody.
          const user = caller && 'devUserId' in caller ? caller.devUserId : null;
          const reply = await t.call(route.fn, event, user);
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          const problem = refusalProblem(reply.body);
          if (problem) throw new Error(`${route.fn}.${route.action}: ${problem}`);
          const code = reply.body.error.code as ErrorCode;
          if (reply.status !== ERRORS[code].status) throw new Error(`${code} answered with HTTP ${reply.status}`);
        }),
        { numRuns: HTTP_RUNS },
      );
    }
    expect(t.dump()).toBe(before);
    expect(prototypeKeys()).toEqual(prototypesBefore);
    expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
  });

  it('answers every request path, however badly percent-encoded, below 500, and keeps serving', async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        'api',
        'functions',
        'orders',
        'files',
        'dev',
        'clock',
        '..',
        '.',
        '%2e%2e',
        '%2F',
        '%00',
        '%',
        '%E0%A4%A',
        '%ZZ',
        '%C0%AF',
        'index.html',
        '',
      ),
      fc.string({ maxLength: 8 }).map(encodeURIComponent),
      fc.tuple(fc.constantFrom('%', '%E', '%F0%9F'), fc.string({ unit: 'binary-ascii', maxLength: 2 })).map(([a, b]) => a + encodeURIComponent(b).slice(0, 2)),
    );
    const seen: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom('GET', 'POST', 'HEAD'), async (segments, method) => {
        const pathname = `/${segments.join('/')}`;
        const reply = await t.request(pathname, { method, headers: { 'X-Dev-User': 'demo-resident' }, ...(method === 'POST' ? { body: '{}' } : {}) });
        if (reply.status >= 500) seen.push(`${method} ${pathname} → ${reply.status}`);
      }),
      { numRuns: 300 },
    );
    expect((await t.request('/api/health')).status).toBe(200);
    expect(t.dump()).toBe(before);
    expect(seen.slice(0, 5)).toEqual([]);
  });

  it('answers a GET of a malformed percent-encoded path (/%E0%A4%A) with 4xx, not 500', async () => {
    for (const pathname of ['/%E0%A4%A', '/%', '/a%ZZb']) {
      const reply = await t.request(pathname);
      expect(reply.status, pathname).toBeGreaterThanOrEqual(400);
      expect(reply.status, pathname).toBeLessThan(500);
    }
  });

  it('answers a path that begins with two slashes and no valid host (//%ZZ/a) with 4xx, not 500', async () => {
    for (const pathname of ['//%ZZ/a', '//a b/api/health', '//[/api/functions/orders']) {
      const reply = await t.request(pathname);
      expect(reply.status, pathname).toBeGreaterThanOrEqual(400);
      expect(reply.status, pathname).toBeLessThan(500);
    }
  });

  it('refuses bodies that are not JSON, not UTF-8, or JSON of the wrong shape, with 400 and no write', async () => {
    const post = (body: BodyInit, contentType = 'application/json') =>
      t.request('/api/functions/orders', { method: 'POST', headers: { 'Content-Type': contentType, 'X-Dev-User': 'demo-resident' }, body });
    const bodies: BodyInit[] = [
      '{',
      '{"action":"create",}',
      'null',
      '[]',
      '"create"',
      '42',
      'true',
      `{"action":"create","requestId":"abcdefgh","order":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
      '{"__proto__":{"polluted":true},"action":"list","role":"resident"}',
      '{"constructor":{"prototype":{"polluted":true}},"action":"list","role":"resident"}',
      '{"action":"list","role":"resident","role":"supervisor","x":1}',
      new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x22, 0xc3, 0x28]),
      '\ufeff{"action":"list","role":"resident"}',
    ];
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...bodies), fc.string({ unit: 'binary', maxLength: 200 })), async (body) => {
        const reply = await post(body);
        expect(reply.status).toBeGreaterThanOrEqual(400);
        expect(reply.status).toBeLessThan(500);
        expect(refusalProblem(reply.body)).toBeNull();
      }),
      { numRuns: 120 },
    );
    expect(t.dump()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the fuzzer itself', () => {
  it('starts from events that pass validation, so every refusal above comes from a defect', async () => {
    const w = await openWorld();
    try {
      const placed = dataOf(await w.call('orders', placeRepair('fuzz-control-01', w.now()), 'demo-resident'));
      const shapeErrors = [
        'INPUT.INVALID',
        'INPUT.UNKNOWN_ACTION',
        'AUTH.NO_IDENTITY',
        'AUTH.UNKNOWN_USER',
        'AUTH.ROLE_NOT_HELD',
        'STORE.UNAVAILABLE',
        'INTERNAL',
      ];
      for (const route of ROUTES) {
        const reply = await w.call(route.fn, { action: route.action, ...route.valid({ orderId: placed.order.id, version: placed.order.version }) }, route.user);
        expect(reply.ok ? 'ok' : reply.error.code, `${route.fn}.${route.action}`).not.toBeOneOf(shapeErrors);
      }
    } finally {
      await w.close();
    }
  });
});
