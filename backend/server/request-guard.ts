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

/** Methods that only read; everything else changes state and passes the write checks. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a state-changing route accepts as its body. */
export type BodyKind = 'json' | 'image';

/** The body a route takes when written to: photos as images, functions and dev controls as JSON; null for the rest. */
export function bodyKindOf(pathname: string): BodyKind | null {
  if (pathname === '/api/files') return 'image';
  if (pathname.startsWith('/api/functions/') || pathname.startsWith('/api/dev/')) return 'json';
  return null;
}

const JSON_TYPE = 'application/json';

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
  // No image type is a CORS "simple" type: another site's page cannot send one without a preflight we never grant.
  // Which images exactly is the upload's own check.
  if (accepts === 'image' && !type.startsWith('image/')) return refusal('INPUT.INVALID', { file: '只能上传图片' });
  return null;
}
