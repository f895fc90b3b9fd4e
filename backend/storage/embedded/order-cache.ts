import { TIMELINE_PAGE } from '@core';

/** An event as the file stores it: its place in the timeline and its document's text. */
export interface StoredEvent {
  readonly seq: number;
  readonly doc: string;
}

interface Entry<O> {
  /** The order, parsed from its row or as its last commit here wrote it. */
  order?: O;
  /** The newest events, oldest first; from seq 1 on, the whole timeline. */
  tail?: StoredEvent[];
}

/**
 * How many orders are kept: those written or read most recently — the ones being worked on and
 * looked at now (a household opens its order right after a worker's action), not the archive.
 * About 3.6 KB of heap each with their events (5.2 KB when they were kept as texts), so some 15 MB.
 */
export const ORDER_CACHE_SIZE = 4096;
/** The most events kept per order: the app's first page (a larger page is read from the file). */
export const TAIL_SIZE = TIMELINE_PAGE;

/**
 * Orders and the texts of their newest events, kept so that a read needs no statement and no
 * parse. An open order is read again and again (before every action on it, its page polled by the
 * household, the worker's and the dispatcher's views), and each read was a statement for the row,
 * one for the timeline, and a parse of some 1,300 characters: a cold parse took 18 µs of a 260 µs
 * dispatch, and a list parses twenty.
 *
 * Every reader is handed the same order object, so no reader may change one: the types are
 * read-only, the core makes a new order for every change, and a view is a copy (order-view.ts).
 * Under the tests the store freezes what it keeps (sqlite-store.ts), so a reader that changes an
 * order fails there at once; in use it does not, since V8 copies a frozen object some 13 times
 * slower and the core copies orders with spreads all the time.
 *
 * This connection's commits are the only writes it does not hear of by data_version: the store tells
 * the cache what a commit wrote once the commit is on disk (`wrote`), and forgets an order before
 * writing it (`changing`), so a write that rolls back leaves nothing stale. A write by another
 * connection to the file moves `writesElsewhere` (SQLite's data_version, asked once per turn of the
 * event loop, as for the reference documents), and then everything is forgotten.
 */
export function orderCache<O>(writesElsewhere: () => unknown, size = ORDER_CACHE_SIZE) {
  const entries = new Map<string, Entry<O>>();
  let seen = writesElsewhere();
  /** Drops everything once another connection has written; says whether it did. */
  const fresh = (): boolean => {
    const now = writesElsewhere();
    if (now === seen) return false;
    entries.clear();
    seen = now;
    return true;
  };
  /**
   * The entry of an order that exists, moved to the end of the line: made on first use, and the
   * order filled or written longest ago is dropped when full. A read that finds its text does not
   * move it (moving cost a get a few percent): an order only looked at falls out after `size` others
   * were filled or written, and is read from the file once then.
   */
  const slot = (id: string): Entry<O> => {
    let e = entries.get(id);
    if (e) entries.delete(id);
    else {
      if (entries.size >= size) entries.delete(entries.keys().next().value!);
      e = {};
    }
    entries.set(id, e);
    return e;
  };
  return {
    /** The order, from the cache or else from `read` (null: no such order). */
    order(id: string, read: () => O | null): O | null {
      fresh();
      const known = entries.get(id)?.order;
      if (known !== undefined) return known;
      const order = read();
      if (order !== null) slot(id).order = order;
      return order;
    },
    /**
     * The orders `ids`, in that order: the kept ones from the cache, the others from `readMissing`
     * (id → order), which is asked once for all of them. Those are not kept: a page of the archive
     * would push out the orders being worked on.
     */
    orders(ids: readonly string[], readMissing: (ids: string[]) => ReadonlyMap<string, O>): O[] {
      fresh();
      const kept = ids.map((id) => entries.get(id)?.order);
      const missing = ids.filter((_, i) => kept[i] === undefined);
      const found = missing.length ? readMissing(missing) : undefined;
      return ids.map((id, i) => {
        const order = kept[i] ?? found?.get(id);
        // The ids and the orders are read in one synchronous call: an order listed cannot be gone.
        if (order === undefined) throw new Error(`order ${id} listed but not read`);
        return order;
      });
    },
    /**
     * The events of the newest `limit` seqs (seq > the last seq − limit), oldest first, as `read`
     * reads them from the file: from the cache when the kept events reach that far back, or are the
     * whole timeline (they start at seq 1).
     */
    newestEvents(orderId: string, limit: number, read: () => StoredEvent[]): readonly StoredEvent[] {
      fresh();
      const tail = entries.get(orderId)?.tail;
      if (tail && tail.length > 0) {
        const after = tail[tail.length - 1]!.seq - limit;
        if (tail[0]!.seq === 1 || tail[0]!.seq <= after + 1) {
          const from = tail.findIndex((e) => e.seq > after);
          return from === 0 ? tail : tail.slice(from);
        }
      }
      const events = read();
      if (events.length > 0) slot(orderId).tail = events.length > TAIL_SIZE ? events.slice(-TAIL_SIZE) : events;
      return events;
    },
    /** Forgets an order and its timeline, before this connection writes either. */
    changing(orderId: string): void {
      entries.delete(orderId);
    },
    /**
     * What a commit of this connection wrote, once it is on disk: the order as written and its new
     * events. A new order's timeline (from seq 1) is kept whole; a changed order's, only where its
     * new events join the ones kept before the commit (`tailBefore`); else it is read when asked for.
     */
    wrote(orderId: string, order: O, events: readonly StoredEvent[], tailBefore: readonly StoredEvent[] | undefined): void {
      // Kept events read before another connection's write may be gone from the file since.
      const before = fresh() ? undefined : tailBefore;
      const e = slot(orderId);
      e.order = order;
      const start = events[0]?.seq;
      if (start === undefined) e.tail = before?.slice();
      else if (start === 1) e.tail = events.slice(-TAIL_SIZE);
      else if (before?.[before.length - 1]?.seq === start - 1) e.tail = [...before, ...events].slice(-TAIL_SIZE);
      else e.tail = undefined;
    },
    /** The events kept for an order (read before `changing` forgets them, to extend after the commit). */
    tailOf(orderId: string): readonly StoredEvent[] | undefined {
      fresh();
      return entries.get(orderId)?.tail;
    },
    clear(): void {
      entries.clear();
    },
  };
}
