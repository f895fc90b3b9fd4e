import http from 'node:http';
import type { Call } from './world';

/** A keep-alive client for the local server: POST /api/functions/<fn> as X-Dev-User. Loopback only. */
export function httpCall(base: string, maxSockets = 64): Call & { close(): void } {
  const url = new URL(base);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error('the bench only talks to loopback');
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const call = ((fn, event, user) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(event);
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: `/api/functions/${fn}`,
          agent,
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'X-Dev-User': user },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (e) {
              reject(e);
            }
          });
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(body);
    })) as Call & { close(): void };
  call.close = () => agent.destroy();
  return call;
}
