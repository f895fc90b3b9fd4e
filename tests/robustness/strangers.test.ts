import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/raw-http';
import { startTestServer, type TestServer } from '../support/test-server';

/*
 * Strangers at the local server's door: pages of other sites (cross-site forms and fetches) and
 * pages that reached it through DNS rebinding (a foreign Host), with whatever body, type and
 * identity they care to send. None of them moves the clock or writes anything, and none gets a 5xx.
 */

let t: TestServer;
let before: string;
beforeAll(async () => {
  t = await startTestServer();
  before = t.dump();
});
afterAll(() => t.close());

/** The requests a stranger would try: every write route, each with a body that would work from the app itself. */
const WRITES = [
  { path: '/api/dev/clock', body: '{"minutes":600}' },
  {
    path: '/api/functions/orders',
    body: JSON.stringify({
      action: 'create',
      requestId: 'stranger-0001',
      order: { serviceItemId: 's-repair', householdId: 'h-yg-a', description: '陌生人下的单', timeWindow: { from: 1, to: 2 } },
    }),
  },
  { path: '/api/functions/session', body: '{"action":"setOnDuty","onDuty":false}' },
  { path: '/api/functions/admin', body: '{"action":"updateSettings","role":"admin","escalationMinutes":5}' },
  { path: '/api/files', body: '\x89PNG\r\n\x1a\n0000' },
] as const;

const foreignName = fc.oneof(
  fc.domain(),
  fc.ipV4().filter((ip) => !ip.startsWith('127.')),
  fc.constantFrom('localhost.attacker.example', '127.0.0.1.nip.io', '0.0.0.0', '[::ffff:7f00:1]', 'LOCALHOST.'),
);
const crossSiteType = fc.constantFrom('text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '');
const anyType = fc.oneof(crossSiteType, fc.constantFrom('application/json', 'image/png', 'application/json; charset=utf-8'));
/** Another site's origin (any scheme a page can have, or the opaque `null`), never this server's own. */
const foreignOrigin = fc
  .oneof(
    fc.tuple(fc.constantFrom('http', 'https'), fc.webAuthority({ withIPv4: true, withPort: true })).map(([scheme, authority]) => `${scheme}://${authority}`),
    fc.constant('null'),
  )
  .filter((origin) => !origin.startsWith('http://127.0.0.1:') && !origin.startsWith('http://localhost:'));
const user = fc.constantFrom('demo-admin', 'demo-supervisor', 'demo-resident', undefined);

const send = (write: (typeof WRITES)[number], headers: Record<string, string | undefined>) =>
  rawRequest(t.url + write.path, {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => !!e[1])),
    body: write.body,
  });

describe('strangers change nothing', () => {
  it('refuses with 403 every request to a Host that is not its own name, whatever else it carries', async () => {
    const port = new URL(t.url).port;
    const at = t.clock.now();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES), foreignName, fc.boolean(), anyType, user, async (write, name, withPort, type, who) => {
        const reply = await send(write, {
          Host: withPort ? `${name}:${port}` : name,
          'Content-Type': type,
          'X-Dev-User': who,
          Origin: `http://${name}:${port}`,
        });
        expect(reply.status).toBe(403);
      }),
      { numRuns: 150 },
    );
    expect(t.clock.now()).toBe(at);
    expect(t.dump()).toBe(before);
  });

  it('refuses every write another site can send without a preflight, and every write from another origin', async () => {
    const at = t.clock.now();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...WRITES),
        fc.oneof(fc.record({ type: crossSiteType, origin: fc.option(foreignOrigin, { nil: undefined }) }), fc.record({ type: anyType, origin: foreignOrigin })),
        user,
        async (write, { type, origin }, who) => {
          const reply = await send(write, { 'Content-Type': type, Origin: origin, 'X-Dev-User': who });
          expect(reply.status).toBeGreaterThanOrEqual(400);
          expect(reply.status).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
    expect(t.clock.now()).toBe(at);
    expect(t.dump()).toBe(before);
    expect((await t.request('/api/health')).status).toBe(200);
  });
});
