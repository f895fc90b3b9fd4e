import type { Store } from '../storage/port';
import type { Limits } from './rate-limit';

/** Everything a handler needs from the outside world, passed in so tests can fake the clock. */
export interface Deps {
  readonly store: Store;
  readonly now: () => number;
  readonly newId: (prefix: string) => string;
  /** Per-user limits on floodable actions; absent in tests and benchmarks that need volume. */
  readonly limits?: Limits;
}

/** Ids that sort by creation time and are unguessable enough for URLs: prefix + time + random. */
export function timeOrderedId(prefix: string, now = Date.now()): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(36).padStart(2, '0')).join('');
  return `${prefix}${now.toString(36)}${random}`;
}
