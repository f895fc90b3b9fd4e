import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from node:crypto, never the `crypto` global: CloudBase runs the functions on
 * Node 18, where the Web Crypto global exists only behind a flag (unflagged from Node 19), so a
 * `crypto.getRandomValues` there throws on the first id. Taken from a pool filled 4 KB at a time:
 * one system call serves hundreds of ids instead of one each.
 */
const POOL_BYTES = 4096;
/** Made on the first id, not when a function loads: a call that only reads never needs one. */
let pool: Buffer | undefined;
let used = POOL_BYTES;

export function randomBytes(n: number): Uint8Array {
  if (n > POOL_BYTES) return randomFillSync(new Uint8Array(n));
  if (!pool || used + n > POOL_BYTES) {
    pool = randomFillSync(pool ?? Buffer.allocUnsafe(POOL_BYTES));
    used = 0;
  }
  const out = Uint8Array.from(pool.subarray(used, used + n));
  used += n;
  return out;
}

/** Each byte as two base-36 digits ('00'…'73'), as the ids have always been written (made on first use). */
let base36Pairs: readonly string[] | undefined;

/** n random bytes written as 2n base-36 characters. */
export function randomBase36(n: number): string {
  base36Pairs ??= Array.from({ length: 256 }, (_, b) => b.toString(36).padStart(2, '0'));
  const pairs = base36Pairs;
  const bytes = randomBytes(n);
  let s = '';
  for (const b of bytes) s += pairs[b];
  return s;
}
