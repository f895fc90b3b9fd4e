import { describe, expect, it } from 'vitest';
import { rawRequest } from '../support/raw-http';
import { useTestServer } from '../support/test-server';
import { dataOf, failure, requestId, resident, supervisor } from '../support/scenario';
import { PNG } from '../support/photos';

/** The 8-byte PNG signature and a little more: enough to be an image upload. */
const THIRTY_MINUTES = JSON.stringify({ minutes: 30 });
const ATTACKER = 'http://attacker.example';

describe('the server answers only to its own name (DNS rebinding)', () => {
  const t = useTestServer();
  const port = () => Number(new URL(t.url).port);
  const withHost = (host: string, path = '/api/health') => rawRequest(t.url + path, { headers: { Host: host } });

  it.each([
    ['another name on the same port, as a rebinding page sends', (p: number) => `attacker.example:${p}`],
    ['a name that merely starts like ours', (p: number) => `127.0.0.1.attacker.example:${p}`],
    ['our name on another port', (p: number) => `localhost:${p + 1}`],
    ['our name without the port', () => 'localhost'],
  ])('refuses %s with 403, on every route', async (_, host) => {
    for (const path of ['/api/health', '/', '/board', '/api/dev/users']) {
      const reply = await withHost(host(port()), path);
      expect([path, reply.status, reply.json?.error?.code]).toEqual([path, 403, 'AUTH.FORBIDDEN']);
    }
  });

  it('refuses a write through a foreign name before reading it: the clock stays and nothing is stored', async () => {
    const before = t.dump();
    const at = t.clock.now();
    const reply = await rawRequest(`${t.url}/api/dev/clock`, {
      method: 'POST',
      headers: { Host: `attacker.example:${port()}`, 'Content-Type': 'application/json' },
      body: THIRTY_MINUTES,
    });
    expect(reply.status).toBe(403);
    expect(t.clock.now()).toBe(at);
    expect(t.dump()).toBe(before);
  });

  it.each([(p: number) => `localhost:${p}`, (p: number) => `127.0.0.1:${p}`, (p: number) => `[::1]:${p}`, (p: number) => `LocalHost:${p}`])(
    'answers its own loopback names (%#)',
    async (host) => {
      expect((await withHost(host(port()))).status).toBe(200);
    },
  );
});

describe('state-changing requests: only JSON, only from its own pages (no cross-site text/plain POST)', () => {
  const t = useTestServer();
  const post = (path: string, headers: Record<string, string>, body: string | Buffer = THIRTY_MINUTES) =>
    rawRequest(t.url + path, { method: 'POST', headers, body });
  const own = () => t.url;

  it.each([
    ['text/plain from another site, as a plain form or fetch sends', { 'Content-Type': 'text/plain;charset=UTF-8', Origin: ATTACKER }],
    ['text/plain without an Origin', { 'Content-Type': 'text/plain' }],
    ['a urlencoded form', { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ATTACKER }],
    ['a multipart form', { 'Content-Type': 'multipart/form-data; boundary=x', Origin: ATTACKER }],
    ['no Content-Type at all', {}],
    ['JSON from another site', { 'Content-Type': 'application/json', Origin: ATTACKER }],
    ['JSON from an opaque origin (a sandboxed frame, a file)', { 'Content-Type': 'application/json', Origin: 'null' }],
    ['JSON from our port on another name', { 'Content-Type': 'application/json', Origin: 'http://attacker.example:PORT' }],
  ])('refuses %s to move the dev clock', async (_, headers: Record<string, string>) => {
    const at = t.clock.now();
    const fixed = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', new URL(t.url).port)]));
    const reply = await post('/api/dev/clock', fixed);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.json.ok).toBe(false);
    expect(t.clock.now()).toBe(at);
  });

  it('says why: 403 for a foreign Origin, 400 naming Content-Type for another body type', async () => {
    const foreign = await post('/api/dev/clock', { 'Content-Type': 'application/json', Origin: ATTACKER });
    expect([foreign.status, foreign.json.error.code, foreign.json.error.details]).toEqual([403, 'AUTH.FORBIDDEN', { Origin: '不接受其他网站发来的请求' }]);
    const plain = await post('/api/dev/clock', { 'Content-Type': 'text/plain' });
    expect([plain.status, plain.json.error.code, plain.json.error.details]).toEqual([400, 'INPUT.INVALID', { 'Content-Type': '应为 application/json' }]);
  });

  it('takes JSON from its own page (Origin of its own address) and from tools that send no Origin', async () => {
    const at = t.clock.now();
    expect((await post('/api/dev/clock', { 'Content-Type': 'application/json', Origin: own() })).status).toBe(200);
    expect((await post('/api/dev/clock', { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
    expect(t.clock.now()).toBe(at + 60 * 60_000);
  });

  it('refuses a function call sent as text/plain, even naming a demo user, and stores nothing', async () => {
    const before = t.dump();
    const event = JSON.stringify({ action: 'create', requestId: requestId(), order: {} });
    const reply = await post('/api/functions/orders', { 'Content-Type': 'text/plain', Origin: ATTACKER, 'X-Dev-User': resident.user }, event);
    expect(reply.status).toBe(403);
    const noOrigin = await post('/api/functions/orders', { 'Content-Type': 'text/plain', 'X-Dev-User': resident.user }, event);
    expect([noOrigin.status, noOrigin.json.error.code]).toEqual([400, 'INPUT.INVALID']);
    expect(t.dump()).toBe(before);
  });

  it('takes a photo upload from its own page as an image type, and refuses one from another site or of a type a form can send', async () => {
    const upload = (headers: Record<string, string>) => post('/api/files', { 'X-Dev-User': resident.user, ...headers }, PNG);
    expect((await upload({ 'Content-Type': 'image/png', Origin: ATTACKER })).status).toBe(403);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const reply = await upload(type ? { 'Content-Type': type } : {});
      expect([type, reply.status, Object.keys(reply.json.error.details ?? {})]).toEqual([type, 400, ['Content-Type']]);
    }
    const mine = await upload({ 'Content-Type': 'image/png', Origin: own() });
    expect(mine.status).toBe(200);
    expect(mine.json.data.fileId).toMatch(/^f[a-z0-9]+\.png$/);
  });
});

describe('without dev mode', () => {
  const t = useTestServer({ dev: false });
  const json = { 'Content-Type': 'application/json' };

  it('ignores X-Dev-User: no request carries an identity', async () => {
    expect(failure(await t.call('session', { action: 'whoami' }, supervisor.user))).toEqual({ status: 401, code: 'AUTH.NO_IDENTITY' });
    expect(failure(await t.call('orders', { action: 'list', role: 'supervisor' }, supervisor.user))).toEqual({ status: 401, code: 'AUTH.NO_IDENTITY' });
    expect(failure(await t.call('statistics', { action: 'board', role: 'supervisor', month: null }, supervisor.user))).toEqual({
      status: 401,
      code: 'AUTH.NO_IDENTITY',
    });
  });

  it('has no /api/dev routes: no demo users, no clock', async () => {
    expect((await t.request('/api/dev/users')).status).toBe(404);
    const at = t.clock.now();
    expect((await t.request('/api/dev/clock', { method: 'POST', headers: json, body: THIRTY_MINUTES })).status).toBe(404);
    expect(t.clock.now()).toBe(at);
  });

  it('takes no photo and shows none', async () => {
    const up = await t.request('/api/files', { method: 'POST', headers: { 'Content-Type': 'image/png', 'X-Dev-User': resident.user }, body: PNG });
    expect(failure(up)).toEqual({ status: 401, code: 'AUTH.NO_IDENTITY' });
    expect(failure(await t.request('/api/files/f0000000000000.png', { headers: { 'X-Dev-User': resident.user } }))).toEqual({
      status: 401,
      code: 'AUTH.NO_IDENTITY',
    });
  });

  it('answers the public board, its data and health', async () => {
    expect((await t.request('/api/health')).status).toBe(200);
    const board = dataOf(await t.call('statistics', { action: 'public', communityId: 'c-xingfuli', month: '2026-10' }));
    expect(board.community).toBe('幸福里社区');
    const redirect = await fetch(`${t.url}/board`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, '/#/board/pages/index/index?community=c-xingfuli']);
    expect((await fetch(`${t.url}/`)).status).toBe(200);
  });
});
