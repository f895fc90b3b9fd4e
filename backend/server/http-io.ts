import type { IncomingMessage, ServerResponse } from 'node:http';
import { appError, type AppError } from '@core';
import { SECURITY_HEADERS } from './security-headers';

/** Thrown by readBody when the client sends more than allowed. */
export class BodyTooLarge extends Error {}

/** Reads a request body up to `limit` bytes; stops reading (and rejects) past it. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The headers of every JSON reply but its length, as the flat [name, value, …] list writeHead
 * takes: an object spread per reply gave each its own hidden class, whose property enumeration V8
 * set up afresh every time (callgrind: about 20k instructions per request of the HTTP layer).
 */
const JSON_HEADERS: readonly string[] = [
  ...Object.entries(SECURITY_HEADERS).flat(),
  'Content-Type',
  'application/json; charset=utf-8',
  'Cache-Control',
  'no-store',
];

/** Sends JSON with the given status, and the security headers of every response with it, in one writeHead. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, [...JSON_HEADERS, 'Content-Length', String(Buffer.byteLength(text))]);
  res.end(text);
}

/**
 * A refusal naming the request's parts at fault (`Host`, `Origin`, `Content-Type`, a body field),
 * for codes whose message takes no parameters.
 */
export const refusal = (code: 'AUTH.FORBIDDEN' | 'INPUT.INVALID', details: Readonly<Record<string, string>>): AppError => ({ ...appError(code), details });
