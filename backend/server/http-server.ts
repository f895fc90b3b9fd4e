import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { MAX_SHEET_BYTES, appError, statusOf, type AppError, type Envelope } from '@core';
import { FUNCTIONS, isFunctionName } from '../functions/registry';
import { resolveUser, type Caller } from '../runtime/caller';
import type { Deps } from '../runtime/deps';
import { isLoopback } from './config';
import { serveDev, type DevMode } from './dev-routes';
import { BodyTooLarge, readBody, sendJson } from './http-io';
import { bodyKindOf, hostRefusal, ownHosts, writeRefusal } from './request-guard';
import { SECURITY_HEADERS } from './security-headers';
import { serveStatic } from './static-files';
import { uploadedPhotos } from './photo-files';
import { handleUpload, serveUpload } from './uploads';

export interface ServerOptions {
  readonly deps: Deps;
  /** The H5 build to serve at `/`. */
  readonly h5Dir: string;
  /** Where uploaded photos are kept. */
  readonly filesDir: string;
  /** Largest function event accepted, in bytes. */
  readonly maxBody?: number;
  /**
   * Dev mode: requests name their demo user in `X-Dev-User`, `/api/dev/*` answers. Only on loopback
   * (the server closes itself if bound elsewhere). Absent, no request carries an identity: only the
   * public board, its data and the health check answer.
   */
  readonly dev?: DevMode;
  /** Names besides loopback that clients use in `Host` (the configured host); any other is refused. */
  readonly names?: readonly string[];
}

/** Thrown (as the server's 'error') when dev mode is bound to an address other machines reach. */
export class DevModeOffLoopback extends Error {}

export const DEFAULT_MAX_BODY = 64 * 1024;
/** The admin's spreadsheet upload (manage.importSheet): a file of MAX_SHEET_BYTES as base64, and the request around it. */
const SHEET_MAX_BODY = Math.ceil(MAX_SHEET_BYTES / 3) * 4 + 4 * 1024;

const FUNCTION_PATH = /^\/api\/functions\/([A-Za-z0-9_-]{1,40})$/;

const failure = (res: http.ServerResponse, error: AppError) => sendJson(res, statusOf(error.code), { ok: false, error });

/** The HTTP status that goes with an envelope: 200 for data, the code's own status for an error. */
export const statusOfEnvelope = (e: Envelope<unknown>) => (e.ok ? 200 : statusOf(e.error.code));

/**
 * The local server: the very same function handlers as CloudBase runs, over HTTP, plus the H5 app.
 * It answers only to its own names (`Host`), takes writes only as its own JSON (or image) from its
 * own pages (`Origin`), and in dev mode knows the caller as the demo user named in `X-Dev-User`.
 */
export function createServer(opts: ServerOptions): http.Server {
  // Photos on orders must be ones uploaded here, by the same person, unless the caller knows better.
  const deps: Deps = opts.deps.photos ? opts.deps : { ...opts.deps, photos: uploadedPhotos(opts.filesDir) };
  const maxBody = opts.maxBody ?? DEFAULT_MAX_BODY;
  const dev = opts.dev ?? null;
  // Known once the port is: until then no Host is ours.
  let hosts: ReadonlySet<string> = new Set();

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // JSON replies carry the security headers themselves (sendJson); the rest get them here.
    const foreign = hostRefusal(req, hosts);
    if (foreign) return failure(res, foreign);
    // A target like "//%ZZ/a" parses as a bad host: answer it as the bad request it is.
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return failure(res, appError('INPUT.INVALID', undefined, { path: '请求地址格式不正确' }));
    }
    const devUserId = dev ? String(req.headers['x-dev-user'] ?? '') : '';
    const caller: Caller = devUserId ? { devUserId } : null;
    const kind = bodyKindOf(url.pathname);
    const refused = kind && writeRefusal(req, kind);
    if (refused) return failure(res, refused);

    if (url.pathname === '/api/health') return sendJson(res, 200, { ok: true });
    const fn = FUNCTION_PATH.exec(url.pathname);
    if (fn) {
      if (req.method !== 'POST') return failure(res, appError('INPUT.INVALID', undefined, { method: '请用 POST 调用' }));
      const name = fn[1]!;
      if (!isFunctionName(name)) return failure(res, appError('FUNCTION.NOT_FOUND'));
      let event: unknown;
      try {
        // Only a caller who says who they are may send a sheet's worth: a stranger is held to the usual limit.
        const body = await readBody(req, name === 'manage' && caller ? Math.max(maxBody, SHEET_MAX_BODY) : maxBody);
        event = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch (e) {
        if (e instanceof BodyTooLarge) return failure(res, appError('REQUEST.TOO_LARGE'));
        return failure(res, appError('INPUT.INVALID', undefined, { '(root)': '不是合法的 JSON' }));
      }
      const reply = await FUNCTIONS[name](event, caller, deps);
      return sendJson(res, statusOfEnvelope(reply), reply);
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (url.pathname.startsWith('/api/dev/') && dev && (await serveDev(req, res, url.pathname, deps, dev))) return;
    if (url.pathname === '/api/files' && req.method === 'POST') {
      const user = await resolveUser(deps.store, caller);
      if (!user.ok) return failure(res, user.error);
      return handleUpload(req, res, opts.filesDir, deps, user.value.id);
    }
    if (url.pathname.startsWith('/api/files/') && req.method === 'GET') {
      // Photos are private: without dev mode nobody is known, so nobody is shown one.
      if (!dev) return failure(res, appError('AUTH.NO_IDENTITY'));
      return serveUpload(req, res, opts.filesDir, path.basename(url.pathname), deps, devUserId);
    }
    if (url.pathname.startsWith('/api/')) return failure(res, appError('FUNCTION.NOT_FOUND'));
    if (url.pathname === '/board') {
      // The public 晾晒 board, without login: the first community's, unless one is named.
      const community = url.searchParams.get('community') ?? (await deps.store.listRefs('communities'))[0]?.id ?? '';
      res.writeHead(302, { Location: `/#/board/pages/index/index?community=${encodeURIComponent(community)}` });
      return void res.end();
    }
    return serveStatic(opts.h5Dir, url.pathname, req, res);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (e instanceof BodyTooLarge) return failure(res, appError('REQUEST.TOO_LARGE'));
      console.error('[server] unexpected failure', e);
      if (!res.headersSent) failure(res, appError('INTERNAL'));
      else res.end();
    });
  });
  // A client that sends its headers or body slowly is cut off after these (Node's defaults are 60 s
  // and 5 min): enough for a 1 MB sheet on a slow line, not for holding connections open at leisure.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.on('listening', () => {
    const address = server.address() as AddressInfo;
    if (dev && !isLoopback(address.address)) {
      // Emitted before the first connection can be accepted: nobody on the network ever reaches dev mode.
      server.close();
      server.emit('error', new DevModeOffLoopback(`dev mode refused on ${address.address}: it lets anyone act as any user`));
      return;
    }
    hosts = ownHosts(address.port, opts.names);
  });
  return server;
}
