import type { Db } from '@cloudbase/database';
import type { StoredReply } from '../port';
import { isExpiredTransaction, isRaceError, type TxDb } from './transactions';
import type { Names } from './names';
import { rowsOf } from './docs';

/**
 * The replies to the requests that changed an order, kept in the order's own document (`requests`)
 * instead of a document each: a transition reads and writes the order anyway, so its request id is
 * checked and recorded without a round trip of its own. A new order's reply is also a document of
 * the replies collection (the create reads nothing that could hold it, and its insert refuses an id
 * used for any other new order); its entry here, marked `created`, lets the order's later actions
 * tell its id from theirs. The list keeps the newest KEPT_REPLIES: an order seldom takes more
 * actions within a reply's lifetime (REPLY_TTL), and pruneReplies removes the expired ones.
 */
export interface KeptReply {
  readonly key: string;
  readonly fingerprint: string;
  readonly at: number;
  /** The answer as JSON text, as in a reply document: any shape round-trips. */
  readonly replyJson: string;
  /** Also stored as a document of the replies collection (a create's). */
  readonly created?: true;
}

export const KEPT_REPLIES = 20;

/** The replies an order's document keeps; none in one stored before they were kept there. */
export function keptReplies(doc: Record<string, unknown> | null | undefined): KeptReply[] {
  return Array.isArray(doc?.requests) ? (doc.requests as KeptReply[]) : [];
}

export const isKept = (doc: Record<string, unknown> | null | undefined, key: string) => keptReplies(doc).some((r) => r.key === key);

/** The list with `reply` added as the newest, and the oldest beyond KEPT_REPLIES left out. */
export function keeping(list: readonly KeptReply[], reply: StoredReply, created = false): KeptReply[] {
  const entry: KeptReply = {
    key: reply.key,
    fingerprint: reply.fingerprint,
    at: reply.at,
    replyJson: JSON.stringify(reply.reply ?? null),
    ...(created && { created: true as const }),
  };
  return [...list.filter((r) => r.key !== reply.key), entry].slice(-KEPT_REPLIES);
}

export const toStoredReply = (r: KeptReply): StoredReply => ({ key: r.key, fingerprint: r.fingerprint, at: r.at, reply: JSON.parse(r.replyJson) as unknown });

/**
 * The reply kept under `key` in some order's document (a query on the `requests.key` index), or
 * null; with `createdOnly`, only the reply of the request that created that order.
 */
export async function findKeptReply(db: Db, names: Names, key: string, createdOnly = false): Promise<StoredReply | null> {
  const res = await db.collection(names.orders).where({ 'requests.key': key }).limit(1).get();
  const doc = rowsOf(res)[0];
  const kept = keptReplies(doc).find((r) => r.key === key && (!createdOnly || r.created));
  return kept ? toStoredReply(kept) : null;
}

const ATTEMPTS = 6;
/** Orders trimmed per query: a day's worth of acted-on orders is read page by page. */
const PAGE = 100;

/**
 * Removes the replies kept in orders' documents before `before`, each order in a transaction of its
 * own (a commit adding a reply meanwhile conflicts, and the trim is tried again on the fresh list).
 * Answers how many went, not counting a create's entry (its reply document is counted where it is removed).
 */
export async function pruneKeptReplies(db: Db, names: Names, before: number): Promise<number> {
  const _ = db.command;
  let removed = 0;
  for (let round = 0; round < 10_000; round++) {
    const res = await db
      .collection(names.orders)
      .where({ 'requests.at': _.lt(before) })
      .limit(PAGE)
      .get();
    const ids = rowsOf(res).map((d) => String(d._id));
    if (ids.length === 0) break;
    let trimmed = 0;
    for (const id of ids) {
      const gone = await trimOne(db as unknown as TxDb, names, id, before);
      if (gone === null) continue;
      trimmed++;
      removed += gone;
    }
    // No order of a whole page trimmed (each moved on or went meanwhile): the next run looks again.
    if (trimmed === 0) break;
  }
  return removed;
}

/** How many of the order's replies it removed (a create's not counted); null when it had none to remove. */
async function trimOne(db: TxDb, names: Names, id: string, before: number): Promise<number | null> {
  for (let attempt = 1; ; attempt++) {
    const tx = await db.startTransaction();
    try {
      const doc = (await tx.collection(names.orders).doc(id).get()).data;
      const list = keptReplies(doc);
      const kept = list.filter((r) => r.at >= before);
      if (!doc || kept.length === list.length) {
        await tx.rollback();
        return null;
      }
      // The whole document rewritten: a list is replaced, never merged field by field; `rev` moved,
      // so a commit that read the order before writes it again on a fresh read (commit.ts).
      const { _id, ...rest } = doc;
      await tx
        .collection(names.orders)
        .doc(id)
        .set({ ...rest, requests: kept, rev: Number(rest.rev ?? 0) + 1 });
      await tx.commit();
      // A create's entry is counted where its reply document is removed.
      return list.filter((r) => r.at < before && !r.created).length;
    } catch (e) {
      await tx.rollback().catch(() => undefined);
      if (!(isRaceError(e) || isExpiredTransaction(e)) || attempt >= ATTEMPTS) throw e;
    }
  }
}
