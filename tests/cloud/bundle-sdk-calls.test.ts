import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FUNCTIONS } from '@backend/functions/registry';
import { functionBundle, UNUSED_FILES, UNUSED_PACKAGES } from '../../scripts/function-bundle';

/**
 * The bundles leave much of the CloudBase SDK out (scripts/function-bundle.ts). These specs prove
 * that what our functions do call still works from a bundle: they run inside a function's
 * environment (TENCENTCLOUD_RUNENV=SCF), and Node's http/https answer every request the SDK sends
 * as CloudBase would, so each call goes through the SDK's whole request path — parameters, signature,
 * request, reply — without a network. A left-out part reached on the way would throw.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bundleFile = (name: string) => path.join(ROOT, 'cloudfunctions', name, 'index.js');

interface Sent {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
}

/** Answers each request the way CloudBase's API answers one with nothing in it, and keeps what was sent. */
function fakeCloudBase(reply: (body: Record<string, unknown>) => unknown) {
  const sent: Sent[] = [];
  // The SDK always calls request(url, options, onResponse).
  const request = (url: string | URL, options: RequestOptions, onResponse: (res: IncomingMessage) => void) => {
    const req = new PassThrough() as unknown as ClientRequest & PassThrough;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    Object.assign(req, { setTimeout: () => req, reusedSocket: false, socket: { connecting: false } });
    req.on('finish', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
      sent.push({ url: String(url), headers: options.headers as Record<string, string>, body });
      const res = Object.assign(new PassThrough(), { statusCode: 200, headers: { 'content-type': 'application/json' } });
      onResponse(res as unknown as IncomingMessage);
      res.end(JSON.stringify(reply(body)));
    });
    return req;
  };
  vi.spyOn(http, 'request').mockImplementation(request as unknown as typeof http.request);
  vi.spyOn(https, 'request').mockImplementation(request as unknown as typeof https.request);
  return sent;
}

/** An empty answer for any action: no documents, no files, an empty 云调用 result. */
const nothing = () => ({ requestId: 'fake', data: { list: [], fileList: [], responseData: '{}' } });

const saved = { ...process.env };
beforeEach(() => {
  // What CloudBase puts in a function's environment (the secrets are the function role's temporary ones).
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: 'env-test',
    TENCENTCLOUD_SECRETID: 'fake-secret-id',
    TENCENTCLOUD_SECRETKEY: 'fake-secret-key',
    TENCENTCLOUD_SESSIONTOKEN: 'fake-session-token',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: 'openid-nobody',
    WX_APPID: 'wx-test',
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
});

describe('the SDK calls our functions make, from a bundle built by the recipe', () => {
  type App = {
    auth(): { getUserInfo(): { openId: string } };
    database(): { collection(n: string): { where(q: object): { limit(n: number): { get(): Promise<{ data: unknown[] }> } } } };
    getTempFileURL(o: object): Promise<{ requestId: string }>;
    callWxOpenApi(o: object): Promise<{ requestId: string }>;
  };
  let tcb: { init(o: object): App; SYMBOL_CURRENT_ENV: symbol };
  beforeAll(async () => {
    // The recipe of the functions, with an entry that hands out the SDK instead of a handler.
    const recipe = functionBundle(ROOT, 'orders');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-bundle-')), 'index.js');
    await build({
      ...recipe,
      stdin: { ...recipe.stdin!, contents: `export { default as tcb } from '@cloudbase/node-sdk';` },
      outfile: file,
      logLevel: 'error',
    });
    tcb = (createRequire(file)(file) as { tcb: typeof tcb }).tcb;
  }, 60_000);

  it('reads who calls from the function context, without a request', () => {
    const sent = fakeCloudBase(nothing);
    expect(tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).auth().getUserInfo().openId).toBe('openid-nobody');
    expect(sent).toEqual([]);
  });

  it('queries the database with a signed request and reads the documents of the reply', async () => {
    const sent = fakeCloudBase(() => ({ requestId: 'r', data: { list: [JSON.stringify({ _id: 'u1', name: '张秀兰' })] } }));
    const res = await tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database().collection('rp_users').where({ openid: 'x' }).limit(1).get();
    expect(res.data).toEqual([{ _id: 'u1', name: '张秀兰' }]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ action: 'database.getDocument', collectionName: 'rp_users', envName: 'env-test', limit: 1 });
    expect(sent[0]!.headers.Authorization).toMatch(/^TC3-HMAC-SHA256 Credential=fake-secret-id\//);
    expect(sent[0]!.headers['User-Agent']).toMatch(/^tcb-node-sdk\/\d+\.\d+\.\d+$/);
  });

  it('asks for temporary photo addresses', async () => {
    const sent = fakeCloudBase(nothing);
    await tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).getTempFileURL({ fileList: [{ fileID: 'cloud://env-test/photos/a.jpg', maxAge: 600 }] });
    expect(sent.map((s) => s.body.action)).toEqual(['storage.batchGetDownloadUrl']);
  });

  it('sends a subscribe message through 云调用', async () => {
    const sent = fakeCloudBase(nothing);
    await tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).callWxOpenApi({ apiName: '/cgi-bin/message/subscribe/send', requestData: { touser: 'o1' } });
    expect(sent.map((s) => s.body.action)).toEqual(['wx.api']);
  });

  it('outside a function, sends over https through a keep-alive agent (agentkeepalive, carried as text until required)', async () => {
    delete process.env.TENCENTCLOUD_RUNENV;
    const sent = fakeCloudBase(nothing);
    const agents: unknown[] = [];
    vi.mocked(https.request).mockImplementationOnce(((_url: string, options: RequestOptions, onResponse: (res: IncomingMessage) => void) => {
      agents.push(options.agent);
      const res = Object.assign(new PassThrough(), { statusCode: 200, headers: { 'content-type': 'application/json' } });
      const req = Object.assign(new PassThrough(), { setTimeout: () => req, reusedSocket: false, socket: { connecting: false } });
      req.resume();
      req.on('finish', () => {
        onResponse(res as unknown as IncomingMessage);
        res.end(JSON.stringify(nothing()));
      });
      return req;
    }) as unknown as typeof https.request);
    const app = tcb.init({ env: 'env-test', secretId: 'id', secretKey: 'key' } as object);
    await app.database().collection('rp_users').where({ openid: 'x' }).limit(1).get();
    expect(agents).toHaveLength(1);
    expect((agents[0] as { constructor: { name: string } }).constructor.name).toBe('HttpsAgent');
    expect(agents[0]).not.toBe(https.globalAgent);
    expect((agents[0] as { keepAlive?: boolean }).keepAlive).toBe(true);
    expect(sent).toEqual([]);
  });

  it('fails loudly, naming the part, when something left out is called', async () => {
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }) as unknown as { callFunction(o: object): Promise<unknown> };
    await expect(app.callFunction({ name: 'orders' })).rejects.toThrow(/functions\/index\.js is left out of this cloud function bundle/);
    expect(UNUSED_PACKAGES).toContain('axios');
    expect(UNUSED_FILES.some((f) => f.endsWith('functions/index.js'))).toBe(true);
  });
});

describe('each built function, loaded in a fresh node', () => {
  /** Runs `script` as a file in a fresh node, as the runtime loads a function (`node -e` would load crypto first). */
  const fresh = (script: string) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fresh-')), 'run.js');
    fs.writeFileSync(file, script);
    return JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' })) as unknown;
  };
  const loaded = (pattern: string) => `process.moduleLoadList.filter((m) => /^NativeModule (${pattern})$/.test(m)).map((m) => m.slice(13))`;

  it.each(['orders', 'manage', 'sweep'])(
    '%s: loads no crypto, http, https (nor tls), nor stream (the storage module, carried as text) before a request needs them, nor zlib (axios is left out)',
    (name) => {
      if (!fs.existsSync(bundleFile(name))) execFileSync('npx', ['tsx', 'scripts/build-functions.ts'], { cwd: ROOT, stdio: 'ignore' });
      // Listed before process.stdout is touched: writing to a pipe loads stream itself.
      expect(
        fresh(
          `require(${JSON.stringify(bundleFile(name))}); const loaded = ${loaded('crypto|http|https|tls|zlib|stream')}; process.stdout.write(JSON.stringify(loaded))`,
        ),
      ).toEqual([]);
    },
  );

  it('orders: its first call loads crypto to sign its request, and answers', () => {
    // http is loaded by the fake CloudBase here (it replaces http.request); crypto only by the signer.
    const script = `Object.assign(process.env, ${JSON.stringify({ TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_REGION: 'ap-shanghai', SCF_NAMESPACE: 'env-test', TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key', TENCENTCLOUD_SESSIONTOKEN: 'token', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'openid-nobody', WX_APPID: 'wx-test' })});
const { PassThrough } = require('stream');
require('http').request = (url, options, onResponse) => {
  const req = new PassThrough();
  Object.assign(req, { setTimeout: () => req, reusedSocket: false, socket: { connecting: false } });
  req.resume();
  req.on('finish', () => {
    const res = Object.assign(new PassThrough(), { statusCode: 200, headers: { 'content-type': 'application/json' } });
    onResponse(res);
    res.end(JSON.stringify({ requestId: 'fake', data: { list: [] } }));
  });
  return req;
};
const { main } = require(${JSON.stringify(bundleFile('orders'))});
const atLoad = ${loaded('crypto')};
main({ action: 'list' }).then((reply) => process.stdout.write(JSON.stringify({ atLoad, afterCall: ${loaded('crypto')}, code: reply.error && reply.error.code })));`;
    expect(fresh(script)).toEqual({ atLoad: [], afterCall: ['crypto'], code: 'AUTH.UNKNOWN_USER' });
  });
});

describe('each built function, alone, asks the database who calls through the SDK', () => {
  const NAMES = Object.keys(FUNCTIONS);
  beforeAll(() => {
    if (NAMES.some((n) => !fs.existsSync(bundleFile(n)))) execFileSync('npx', ['tsx', 'scripts/build-functions.ts'], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);

  it.each(NAMES)('%s: an unknown caller is told so after a real (faked) database round trip', async (name) => {
    // Copied alone into an empty folder: nothing beside it to require.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`)), 'index.js');
    fs.copyFileSync(bundleFile(name), file);
    const sent = fakeCloudBase(nothing);
    const { main } = createRequire(file)(file) as { main: (event: unknown) => Promise<{ ok: boolean; error?: { code: string } }> };
    const reply = await main({ action: 'list' });
    expect(reply.error?.code).toBe('AUTH.UNKNOWN_USER');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((s) => s.body.action === 'database.getDocument' && s.headers.Authorization)).toBe(true);
  });
});

describe('the built sweep, alone, on a timer', () => {
  it('runs over an empty database through the SDK and reports what it did', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sweep-')), 'index.js');
    fs.copyFileSync(bundleFile('sweep'), file);
    delete process.env.WX_OPENID; // a timer trigger carries no caller
    const sent = fakeCloudBase(nothing);
    const { main } = createRequire(file)(file) as { main: (event: unknown) => Promise<{ ok: boolean; data?: unknown }> };
    const reply = await main({ Type: 'Timer', TriggerName: 'sweep' });
    expect(reply).toMatchObject({ ok: true, data: { examined: 0, changed: 0 } });
    // It looks for due orders, then keeps house: every request a database one, through the SDK.
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every((s) => String(s.body.action).startsWith('database.') && s.headers.Authorization)).toBe(true);
  });
});
