import http from 'node:http';
import path from 'node:path';
import { appError, statusOf, type AppError, type Envelope } from '@core';
import { FUNCTIONS, isFunctionName } from '../functions/registry';
import { resolveUser } from '../runtime/caller';
import type { Deps } from '../runtime/deps';
import { BodyTooLarge, readBody, sendJson } from './http-io';
import { serveStatic } from './static-files';
import { handleUpload, serveUpload, uploadedPhotos } from './uploads';

export interface ServerOptions {
  readonly deps: Deps;
  /** The H5 build to serve at `/`. */
  readonly h5Dir: string;
  /** Where uploaded photos are kept. */
  readonly filesDir: string;
  /** Largest function event accepted, in bytes. */
  readonly maxBody?: number;
  /** Local-only controls: move the clock forward and sweep at once (demos and browser tests). */
  readonly dev?: { readonly advanceClock: (ms: number) => void; readonly sweepNow: () => Promise<unknown> };
}

export const DEFAULT_MAX_BODY = 64 * 1024;
const FUNCTION_PATH = /^\/api\/functions\/([A-Za-z0-9_-]{1,40})$/;

const failure = (res: http.ServerResponse, error: AppError) => sendJson(res, statusOf(error.code), { ok: false, error });

/** The HTTP status that goes with an envelope: 200 for data, the code's own status for an error. */
export const statusOfEnvelope = (e: Envelope<unknown>) => (e.ok ? 200 : statusOf(e.error.code));

/**
 * The local server: the very same function handlers as CloudBase runs, over HTTP, plus the H5 app.
 * The caller is the demo user named in `X-Dev-User`; this header exists only here.
 */
export function createServer(opts: ServerOptions): http.Server {
  // Photos on orders must be ones uploaded here, by the same person, unless the caller knows better.
  const deps: Deps = opts.deps.photos ? opts.deps : { ...opts.deps, photos: uploadedPhotos(opts.filesDir) };
  const maxBody = opts.maxBody ?? DEFAULT_MAX_BODY;

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A target like "//%ZZ/a" parses as a bad host: answer it as the bad request it is.
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return failure(res, appError('INPUT.INVALID', undefined, { path: '请求地址格式不正确' }));
    }
    const devUserId = String(req.headers['x-dev-user'] ?? '');
    const caller = devUserId ? { devUserId } : null;

    if (url.pathname === '/api/health') return sendJson(res, 200, { ok: true });
    const fn = FUNCTION_PATH.exec(url.pathname);
    if (fn) {
      if (req.method !== 'POST') return failure(res, appError('INPUT.INVALID', undefined, { method: '请用 POST 调用' }));
      const name = fn[1]!;
      if (!isFunctionName(name)) return failure(res, appError('FUNCTION.NOT_FOUND'));
      let event: unknown;
      try {
        const body = await readBody(req, maxBody);
        event = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch (e) {
        if (e instanceof BodyTooLarge) return failure(res, appError('REQUEST.TOO_LARGE'));
        return failure(res, appError('INPUT.INVALID', undefined, { '(root)': '不是合法的 JSON' }));
      }
      const reply = await FUNCTIONS[name](event, caller, deps);
      return sendJson(res, statusOfEnvelope(reply), reply);
    }
    if (url.pathname === '/api/dev/users' && req.method === 'GET') {
      const users = await deps.store.listRefs('users');
      return sendJson(res, 200, { ok: true, data: { users: users.map(({ id, name, roles }) => ({ id, name, roles })) } });
    }
    if (url.pathname === '/api/dev/clock' && req.method === 'POST' && opts.dev) {
      let minutes = NaN;
      try {
        minutes = Number(JSON.parse((await readBody(req, 1024)).toString('utf8') || '{}').minutes);
      } catch (e) {
        if (e instanceof BodyTooLarge) throw e;
      }
      if (!Number.isInteger(minutes) || minutes < 0 || minutes > 60 * 24 * 60) {
        return failure(res, appError('INPUT.INVALID', undefined, { minutes: '应为0到86400之间的整数' }));
      }
      opts.dev.advanceClock(minutes * 60_000);
      const sweep = await opts.dev.sweepNow();
      return sendJson(res, 200, { ok: true, data: { now: deps.now(), sweep } });
    }
    if (url.pathname === '/api/files' && req.method === 'POST') {
      const user = await resolveUser(deps.store, caller);
      if (!user.ok) return failure(res, user.error);
      return handleUpload(req, res, opts.filesDir, () => deps.newId('f'), user.value.id);
    }
    if (url.pathname.startsWith('/api/files/') && req.method === 'GET') {
      return serveUpload(res, opts.filesDir, path.basename(url.pathname));
    }
    if (url.pathname.startsWith('/api/')) return failure(res, appError('FUNCTION.NOT_FOUND'));
    if (url.pathname === '/board') {
      // The public 晾晒 board, without login: the first community's, unless one is named.
      const community = url.searchParams.get('community') ?? (await deps.store.listRefs('communities'))[0]?.id ?? '';
      res.writeHead(302, { Location: `/#/board/pages/index/index?community=${encodeURIComponent(community)}` });
      return void res.end();
    }
    return serveStatic(opts.h5Dir, url.pathname, res);
  }

  return http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (e instanceof BodyTooLarge) return failure(res, appError('REQUEST.TOO_LARGE'));
      console.error('[server] unexpected failure', e);
      if (!res.headersSent) failure(res, appError('INTERNAL'));
      else res.end();
    });
  });
}
