import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { rawRequest, type RawReply } from '../support/raw-http';
import { useTestServer } from '../support/test-server';
import { resident } from '../support/scenario';

/** A small H5 build: a page with one inline script, a hashed script and stylesheet, an image, a tiny file. */
const INLINE = 'document.documentElement.style.fontSize="20px"';
const INDEX = `<!doctype html><html><head><script>${INLINE}</script><script defer src="/js/app.0123abcd.js"></script><link href="/css/app.0123456789abcdef0123.css" rel="stylesheet"></head><body><div id="app"></div></body></html>`;
const SCRIPT = `/* the app */\n${Array.from({ length: 400 }, (_, i) => `export const label${i} = '第${i}项服务';`).join('\n')}`;
const STYLE = Array.from({ length: 200 }, (_, i) => `.item-${i} { padding: ${i}px; color: #c8161d; }`).join('\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000)]);

const h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-h5-'));
fs.mkdirSync(path.join(h5Dir, 'js'));
fs.mkdirSync(path.join(h5Dir, 'css'));
fs.writeFileSync(path.join(h5Dir, 'index.html'), INDEX);
fs.writeFileSync(path.join(h5Dir, 'js', 'app.0123abcd.js'), SCRIPT);
fs.writeFileSync(path.join(h5Dir, 'css', 'app.0123456789abcdef0123.css'), STYLE);
fs.writeFileSync(path.join(h5Dir, 'logo.png'), PNG);
fs.writeFileSync(path.join(h5Dir, 'robots.txt'), 'User-agent: *\n');
afterAll(() => fs.rmSync(h5Dir, { recursive: true, force: true }));

const t = useTestServer({ h5Dir });
const get = (pathname: string, headers: Record<string, string> = {}) => rawRequest(t.url + pathname, { headers });

function expectSecurityHeaders(reply: RawReply, what: string) {
  expect(reply.headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
  expect(reply.headers['x-content-type-options'], what).toBe('nosniff');
  expect(reply.headers['referrer-policy'], what).toBe('no-referrer');
}

describe('security headers on every response', () => {
  it.each([
    ['the health check', () => get('/api/health')],
    [
      'a function reply',
      () =>
        rawRequest(`${t.url}/api/functions/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Dev-User': resident.user },
          body: '{"action":"whoami"}',
        }),
    ],
    ['a refused call', () => rawRequest(`${t.url}/api/functions/session`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })],
    ['an unknown API path', () => get('/api/nothing')],
    ['the app page', () => get('/')],
    ['a client-side route', () => get('/resident/pages/orders/index')],
    ['a hashed script', () => get('/js/app.0123abcd.js', { 'Accept-Encoding': 'gzip' })],
    ['an image', () => get('/logo.png')],
    ['the board redirect', () => get('/board')],
    ['a request to a foreign Host', () => get('/', { Host: 'attacker.example' })],
    ['a not-modified answer', async () => get('/', { 'If-None-Match': String((await get('/')).headers.etag) })],
  ])('on %s', async (what, send) => {
    const reply = await send();
    expect(reply.status, what).toBeLessThan(500);
    expectSecurityHeaders(reply, what);
  });

  it("lets the page run its own inline script (by hash) and its own origin's scripts, and nothing else", async () => {
    const policy = String((await get('/')).headers['content-security-policy']);
    const hash = createHash('sha256').update(INLINE).digest('base64');
    const directives = Object.fromEntries(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['script-src']).toEqual(["'self'", `'sha256-${hash}'`]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });

  it('gives replies that are not pages a policy that loads nothing', async () => {
    expect((await get('/api/health')).headers['content-security-policy']).toMatch(/^default-src 'none'/);
  });
});

describe('static assets: compressed as the browser accepts, cached by name', () => {
  it('sends gzip to a client that accepts only gzip, with its length and Vary', async () => {
    const reply = await get('/js/app.0123abcd.js', { 'Accept-Encoding': 'gzip, deflate' });
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(reply.headers.vary).toBe('Accept-Encoding');
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    expect(zlib.gunzipSync(reply.body).toString('utf8')).toBe(SCRIPT);
    expect(reply.body.length).toBeLessThan(SCRIPT.length / 4);
  });

  it('prefers brotli when offered, and respects q=0', async () => {
    const br = await get('/css/app.0123456789abcdef0123.css', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString('utf8')).toBe(STYLE);
    expect((await get('/css/app.0123456789abcdef0123.css', { 'Accept-Encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
  });

  it('sends the file as it is to a client that accepts no coding, and images and tiny files always so', async () => {
    const plain = await get('/js/app.0123abcd.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(SCRIPT);
    for (const file of ['/logo.png', '/robots.txt']) {
      expect((await get(file, { 'Accept-Encoding': 'gzip, br' })).headers['content-encoding'], file).toBeUndefined();
    }
  });

  it('caches hashed files for a year as immutable, and makes the page and its routes revalidate', async () => {
    const year = 'public, max-age=31536000, immutable';
    expect((await get('/js/app.0123abcd.js')).headers['cache-control']).toBe(year);
    expect((await get('/css/app.0123456789abcdef0123.css')).headers['cache-control']).toBe(year);
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
    expect((await get('/index.html')).headers['cache-control']).toBe('no-cache');
    expect((await get('/worker/pages/orders/index')).headers['cache-control']).toBe('no-cache');
  });

  it('answers a revalidation of an unchanged page with 304 and no body, and a changed page in full', async () => {
    const first = await get('/', { 'Accept-Encoding': 'gzip' });
    const etag = String(first.headers.etag);
    const again = await get('/', { 'If-None-Match': etag, 'Accept-Encoding': 'gzip' });
    expect([again.status, again.body.length]).toEqual([304, 0]);

    const rebuilt = INDEX.replace('<div id="app"></div>', '<div id="app" data-build="2"></div>');
    fs.writeFileSync(path.join(h5Dir, 'index.html'), rebuilt);
    fs.utimesSync(path.join(h5Dir, 'index.html'), new Date(), new Date(Date.now() + 5_000));
    const changed = await get('/', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.toString('utf8')).toBe(rebuilt);
    fs.writeFileSync(path.join(h5Dir, 'index.html'), INDEX);
  });
});
