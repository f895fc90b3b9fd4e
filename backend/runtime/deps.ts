import type { Messaging } from '../messaging/deliver';
import type { Store } from '../storage/port';
import type { PhotoStore } from './photos';
import { randomBase36 } from './random';
import type { Limits } from './rate-limit';

/** Everything a handler needs from the outside world, passed in so tests can fake the clock. */
export interface Deps {
  readonly store: Store;
  readonly now: () => number;
  /**
   * The real calendar, where `now` may have been moved forward (the local server's dev clock).
   * Absent, `now` is the real calendar. Publishing a month freezes it for good, so it checks both.
   */
  readonly realNow?: () => number;
  readonly newId: (prefix: string) => string;
  /** Per-user limits on floodable actions; absent in tests and benchmarks that need volume. */
  readonly limits?: Limits;
  /**
   * Which photos a user uploaded, to check the file ids put on an order. The local server fills in
   * its own file store, the CloudBase entry the fileID shape check; absent, no photo is known, so
   * only orders and completions without photos go through.
   */
  readonly photos?: PhotoStore;
  /**
   * Subscribe messages (WeChat, or the local server's simulated sender), sent after each commit;
   * absent, people read what happened in the inbox only.
   */
  readonly messaging?: Messaging;
}

/** Ids that sort by creation time and are unguessable enough for URLs: prefix + time + random. */
export function timeOrderedId(prefix: string, now = Date.now()): string {
  return `${prefix}${now.toString(36)}${randomBase36(6)}`;
}
