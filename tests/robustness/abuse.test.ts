import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY } from '@backend/server/http-server';
import { MAX_UPLOAD } from '@backend/server/uploads';
import { startTestServer, type TestServer } from '../support/test-server';
import { refusalProblem } from './support/world';

/*
 * Abuse of the local server: bodies past the size limits are refused with 413 and write nothing,
 * however they are sent, and the server stays up. (Per-user rate limits are covered in tests/abuse.)
 */

let t: TestServer;
let before: string;
beforeAll(async () => {
  t = await startTestServer();
  before = t.dump();
});
afterAll(() => t.close());

/** A create event padded with a description of `size` bytes in all. */
function eventOfSize(bytes: number): string {
  const shell = JSON.stringify({
    action: 'create',
    requestId: 'abuse-big-0001',
    order: { serviceItemId: 's-repair', householdId: 'h-yg-a', description: '', timeWindow: { from: 1, to: 2 } },
  });
  return shell.replace('"description":""', `"description":"${'x'.repeat(bytes - shell.length)}"`);
}

const post = (body: BodyInit, headers: Record<string, string> = {}, pathname = '/api/functions/orders') =>
  t.request(pathname, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Dev-User': 'demo-resident', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

/** A body sent in chunks without a Content-Length, as a client streaming it would. */
function streamed(totalBytes: number, chunk = 16 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const n = Math.min(chunk, totalBytes - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
}

describe('request body size limits', () => {
  it('refuses a function call one byte over the 64 KiB limit with 413 REQUEST.TOO_LARGE and writes nothing', async () => {
    const body = eventOfSize(DEFAULT_MAX_BODY + 1);
    expect(Buffer.byteLength(body)).toBe(DEFAULT_MAX_BODY + 1);
    const r = await post(body);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('REQUEST.TOO_LARGE');
    expect(refusalProblem(r.body)).toBeNull();
    expect(t.dump()).toBe(before);
  });

  it('reads a body of exactly 64 KiB (then refuses its over-long description as 400, not 413)', async () => {
    const r = await post(eventOfSize(DEFAULT_MAX_BODY));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INPUT.INVALID');
    expect(t.dump()).toBe(before);
  });

  it('refuses an oversized body streamed without a Content-Length with 413', async () => {
    const r = await post(streamed(DEFAULT_MAX_BODY * 4));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('REQUEST.TOO_LARGE');
    expect(t.dump()).toBe(before);
  });

  it('refuses a body whose declared length is over the limit before reading it', async () => {
    const r = await post(streamed(DEFAULT_MAX_BODY * 2), { 'Content-Length': String(DEFAULT_MAX_BODY * 2) });
    expect(r.status).toBe(413);
    expect(t.dump()).toBe(before);
  });

  it("holds a caller who names nobody to the usual limit, even for the admin's spreadsheet import", async () => {
    const r = await t.request('/api/functions/manage', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'importSheet', role: 'admin', fileName: 'a.csv', base64: 'A'.repeat(DEFAULT_MAX_BODY * 2), dryRun: true }),
    });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('REQUEST.TOO_LARGE');
    expect(t.dump()).toBe(before);
  });

  it('refuses a photo over 5 MiB with 413 and stores no file', async () => {
    const r = await t.request('/api/files', {
      method: 'POST',
      headers: { 'Content-Type': 'image/png', 'X-Dev-User': 'demo-resident' },
      body: new Uint8Array(MAX_UPLOAD + 1),
    });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('REQUEST.TOO_LARGE');
    expect(t.dump()).toBe(before);
  });

  it('stays up and answers others while 20 clients send 1 MiB bodies at once', async () => {
    const floods = Array.from({ length: 20 }, () => post(streamed(1024 * 1024)));
    const health = await t.request('/api/health');
    const results = await Promise.all(floods);
    expect(health.status).toBe(200);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(413));
    const ok = await t.call('catalog', { action: 'list' }, 'demo-resident');
    expect(ok.status).toBe(200);
    expect(t.dump()).toBe(before);
  });
});
