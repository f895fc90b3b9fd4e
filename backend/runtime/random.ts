import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from node:crypto, never the `crypto` global: CloudBase runs the functions on
 * Node 18, where the Web Crypto global exists only behind a flag (unflagged from Node 19), so a
 * `crypto.getRandomValues` there throws on the first id. Taken from a pool filled 4 KB at a time:
 * one system call serves hundreds of ids instead of one each.
 */
const POOL = Buffer.allocUnsafe(4096);
let used = POOL.length;

export function randomBytes(n: number): Uint8Array {
  if (n > POOL.length) return randomFillSync(new Uint8Array(n));
  if (used + n > POOL.length) {
    randomFillSync(POOL);
    used = 0;
  }
  const out = Uint8Array.from(POOL.subarray(used, used + n));
  used += n;
  return out;
}

/** Each byte as two base-36 digits ('00'…'73'), as the ids have always been written. */
const BASE36_PAIRS = Array.from({ length: 256 }, (_, b) => b.toString(36).padStart(2, '0'));

/** n random bytes written as 2n base-36 characters. */
export function randomBase36(n: number): string {
  const bytes = randomBytes(n);
  let s = '';
  for (const b of bytes) s += BASE36_PAIRS[b];
  return s;
}
