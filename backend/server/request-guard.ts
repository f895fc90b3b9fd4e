import type { IncomingMessage } from 'node:http';
import type { AppError } from '@core';
import { refusal } from './http-io';

/** The `Host` values this server answers to: its loopback names and any configured name, each with the bound port. */
export function ownHosts(port: number, extraNames: readonly string[] = []): Set<string> {
  const names = ['localhost', '127.0.0.1', '[::1]', ...extraNames.map(bracketed)];
  const hosts = new Set<string>();
  for (const name of names) {
    const n = name.toLowerCase();
    hosts.add(`${n}:${port}`);
    // A browser leaves out the scheme's default port.
    if (port === 80) hosts.add(n);
  }
  return hosts;
}

const bracketed = (name: string) => (name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);

/**
 * What a state-changing route accepts as its body: JSON, or (a photo upload) any type that a page of
 * another site cannot send without a CORS preflight, which this server never grants. The upload
 * itself decides what an image is, by its bytes.
 */
export type BodyKind = 'json' | 'upload';

/** The body a route takes when written to: photos as uploads, functions and dev controls as JSON; null for the rest. */
export function bodyKindOf(pathname: string): BodyKind | null {
  if (pathname === '/api/files') return 'upload';
  if (pathname.startsWith('/api/functions/') || pathname.startsWith('/api/dev/')) return 'json';
  return null;
}

/** Methods that only read; everything else changes state and passes the write checks. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const JSON_TYPE = 'application/json';
/** The types a cross-site form or fetch sends without asking first ("CORS simple"); no type at all is one of them. */
const CROSS_SITE_TYPES = new Set(['', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

const mediaType = (req: IncomingMessage) =>
  String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();

/**
 * Why a request is refused before any route looks at it, or null. A `Host` that is not ours means a
 * page on another name reached us through DNS rebinding: it would be same-origin to the browser.
 */
export function hostRefusal(req: IncomingMessage, hosts: ReadonlySet<string>): AppError | null {
  const host = String(req.headers.host ?? '').toLowerCase();
  return hosts.has(host) ? null : refusal('AUTH.FORBIDDEN', { Host: '不是本服务的地址，请通过本服务自己的地址访问' });
}

/**
 * Why a state-changing request is refused, or null: a body other than the route's own type (a
 * cross-site form or `text/plain` POST needs no preflight), or an `Origin` that is not this server's.
 */
export function writeRefusal(req: IncomingMessage, accepts: BodyKind): AppError | null {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return null;
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${String(req.headers.host ?? '').toLowerCase()}`) {
    return refusal('AUTH.FORBIDDEN', { Origin: '不接受其他网站发来的请求' });
  }
  const type = mediaType(req);
  if (accepts === 'json' && type !== JSON_TYPE) return refusal('INPUT.INVALID', { 'Content-Type': '应为 application/json' });
  if (accepts === 'upload' && CROSS_SITE_TYPES.has(type)) return refusal('INPUT.INVALID', { 'Content-Type': '应为图片的类型，如 image/jpeg' });
  return null;
}
