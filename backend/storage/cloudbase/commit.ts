import type { Db } from '@cloudbase/database';
import { holderOf } from '@core';
import { isOrderIdFor } from '../../runtime/idempotency';
import type { Commit, CommitResult, OrderSession, Reindex } from '../port';
import { eventDocs } from './event-notes';
import type { Names } from './names';
import { fromOrderDoc, heldSince, toOrderDoc } from './order-doc';
import { isKept, keeping, keptReplies } from './order-replies';
import { rollupMarks } from './rollup-marks';
import { isDuplicateKey } from './transactions';
import type { CountHeld, WorkerClaims } from './worker-arrivals';
import { rowsOf } from './docs';

/**
 * An order's commit on CloudBase, without a transaction (a transaction costs two round trips of its
 * own, start and commit). The commit point is its record: the commit's first event document, whose
 * _id (`<orderId>:<version before + 1>`) only one commit from that version can insert, carries the whole
 * order as the commit leaves it. Then the order's document is written from the record by a
 * compare-and-set on its version and `rev` (a counter every write of the order moves, the
 * statistics' fold and a reindex included). Of two racing commits the second insert is refused and
 * that commit answers 'version'. A function killed between the record and the order's write leaves
 * a record ahead of its order: whoever meets it finishes it (finish): the next commit of that
 * version, a retry of the same request, the housekeeping (finishRecent). The order's timeline may
 * show such an event a moment before the order does.
 *
 * A transition costs: the order read, the record inserted, the order written (3); an order
 * arriving at a worker adds the claim of the worker's place (worker-arrivals.ts), and the count of
 * their open orders the rule asks for; an order leaving a worker the drop of its claim.
 */
export interface CommitRecord {
  /** The order's version before; null when the commit created it. */
  readonly from: number | null;
  /** When it was recorded (real time): the housekeeping looks back from it for unfinished ones. */
  readonly at: number;
  /** The order's document as the commit leaves it (toOrderDoc), without the fold's marks and `rev`. */
  readonly doc: Raw;
  /** The worker the order left, whose claim is dropped once the order is written. */
  readonly left: string | null;
  /** The token of that worker's claim (the version the order arrived at them), null for an order stored before tokens. */
  readonly leftToken: number | null;
  /** The commit's further events, inserted after the record (a sweep's commit may make several). */
  readonly rest?: readonly Raw[];
  /** The request's id: a retry knows the record as its own by it. */
  readonly key: string | null;
}

/** What the commit needs of the store. */
export interface OrderLog {
  readonly db: Db;
  readonly names: Names;
  readonly claims: WorkerClaims;
  readonly count: CountHeld;
  /** Real time, for the records' moments. */
  readonly now: () => number;
}

type Raw = Record<string, unknown>;

/** Tries of the order's write when the fold or a reindex keeps writing it in between. */
const ATTEMPTS = 6;
/** How far back the housekeeping looks for records whose order was not written. */
export const FINISH_LOOKBACK_MS = 60 * 60_000;
/** Records one housekeeping run looks at at most: the newest (a function killed long ago is met by the order's next commit). */
const MAX_RECENT = 1000;

export const recordId = (orderId: string, version: number) => `${orderId}:${version}`;

/** The SDK answers some refusals as a value with a `code` instead of throwing: thrown here as the rest. */
function must<T>(res: T): T {
  const err = res as { code?: unknown; message?: unknown } | null;
  if (err && typeof err === 'object' && err.code) throw Object.assign(new Error(String(err.message ?? err.code)), { code: err.code });
  return res;
}

const readDoc = async (log: OrderLog, coll: string, id: string): Promise<Raw | null> => rowsOf(must(await log.db.collection(coll).doc(id).get()))[0] ?? null;

async function readRecord(log: OrderLog, id: string): Promise<CommitRecord | null> {
  const doc = await readDoc(log, log.names.events, id);
  return doc?.commit && typeof doc.commit === 'object' ? (doc.commit as CommitRecord) : null;
}

/** Commits `c` (the port's compare-and-set); `known` is the order's document as a session read it. */
export async function commitLogged(log: OrderLog, c: Commit, known?: Raw | null): Promise<CommitResult> {
  const { db, names } = log;
  const create = c.expectedVersion === null;
  let current: Raw | null = null;
  if (!create) {
    current = known && Number(known.version) === c.expectedVersion ? known : await readDoc(log, names.orders, c.order.id);
    // A request id this order's document keeps was used on it: refused before the version is looked at.
    if (c.reply && isKept(current, c.reply.key)) return { ok: false, conflict: 'request' };
    if (!current || Number(current.version) !== c.expectedVersion) return refused(log, c, current);
  }
  // A create's reply is also a document when its order's id does not come from its request: its
  // insert refuses an id another new order used. (On CloudBase new orders take their ids from
  // their requests, orderIdFor: then the record's insert refuses a retry by itself.)
  const replyDoc = create && c.reply && !isOrderIdFor(c.order.id, c.reply.key) ? c.reply : null;
  if (replyDoc) {
    const { key, fingerprint, reply, at } = replyDoc;
    try {
      must(await db.collection(names.replies).add({ _id: key, key, fingerprint, at, replyJson: JSON.stringify(reply ?? null) }));
    } catch (e) {
      if (isDuplicateKey(e)) return { ok: false, conflict: 'request' };
      throw e;
    }
  }
  const undoReplyDoc = async () => {
    if (replyDoc) await db.collection(names.replies).doc(replyDoc.key).remove();
  };

  // The holder before is derived from the stored order itself, so an order that stays with its
  // worker is not taken for an arrival even when its document was indexed by an older version.
  const before = current ? holderOf(fromOrderDoc(current)) : null;
  const after = c.index.holder;
  const arriving = after !== null && after !== before ? after : null;
  const version = (c.expectedVersion ?? 0) + 1;
  // By the version it starts from, so that every commit of that version has the same: a sweep's
  // commit may move an order more than one version on (one event each).
  const id = recordId(c.order.id, version);
  if (arriving) {
    const max = c.capacity?.workerId === arriving ? c.capacity.max : null;
    if (!(await log.claims.claim(arriving, c.order.id, max, version))) {
      await undoReplyDoc();
      // A record of this version may be waiting (a killed function's, or this request's own try):
      // its commit went ahead, and the answer is 'request' or 'version', not the cap.
      const waiting = await readRecord(log, id);
      if (waiting) {
        await finish(log, c.order.id, waiting, undefined, true);
        return { ok: false, conflict: c.reply !== null && waiting.key === c.reply.key ? 'request' : 'version' };
      }
      return { ok: false, conflict: 'capacity' };
    }
  }

  const kept = create ? [] : keptReplies(current);
  // The notifications ride in the first event's document (event-notes.ts), and so does the record.
  const [first, ...others] = eventDocs(c);
  const [head, rest] = first?._id === id ? [first, others] : [{ _id: id }, first ? [first, ...others] : []];
  const record: CommitRecord = {
    from: c.expectedVersion,
    at: log.now(),
    doc: {
      ...toOrderDoc(c.order, c.index, c.reply ? keeping(kept, c.reply, create) : kept),
      // Which arrival the holder's claim belongs to (worker-arrivals.ts): this one, or the one before.
      holderClaim: arriving ? version : after === null ? null : heldSince(current),
    },
    left: before !== null && before !== after ? before : null,
    leftToken: heldSince(current),
    key: c.reply?.key ?? null,
    ...(rest.length > 0 && { rest }),
  };
  try {
    // The record alone: the insert of a batch may not stop at its first refusal.
    must(await db.collection(names.events).add({ ...head, commit: record }));
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    // This version is recorded already: by a racer, by a function killed before it wrote the
    // order, or by this same request's earlier try. Finished here either way.
    const theirs = await readRecord(log, id);
    const mine = theirs !== null && c.reply !== null && theirs.key === c.reply.key;
    if (!mine) await undoReplyDoc();
    if (theirs) await finish(log, c.order.id, theirs, undefined, true);
    // The claim made here stays only if the order is at this very arrival now (a racer of the same
    // version bringing it to the same worker, or this request's earlier try): else it holds nothing.
    if (arriving) {
      const now = await readDoc(log, names.orders, c.order.id);
      const at = now ? ((now.idx as Raw | undefined)?.holderId ?? null) : null;
      if (at !== arriving || heldSince(now) !== version) await log.claims.release(arriving, c.order.id, version);
    }
    return { ok: false, conflict: mine ? 'request' : 'version' };
  }
  // Another function finishing this record may have inserted them first.
  if (rest.length > 0) await insertRest(log, rest);
  await finish(log, c.order.id, record, current);
  return { ok: true };
}

/** Inserts what a record's commit inserts after it, unless it is there already. */
async function insertRest(log: OrderLog, rest: readonly Raw[]): Promise<void> {
  for (const doc of rest) {
    try {
      must(await log.db.collection(log.names.events).add(doc));
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
}

/** A refused compare-and-set: 'request' when the request id was used already, else 'version'. */
async function refused(log: OrderLog, c: Commit, current: Raw | null): Promise<CommitResult> {
  const used = c.reply && (isKept(current, c.reply.key) || (await readDoc(log, log.names.replies, c.reply.key)));
  return { ok: false, conflict: used ? 'request' : 'version' };
}

/**
 * Writes the order's document as its record says, unless it is written already; then drops the
 * claim of the worker it left (only the claim of the arrival it ended). Any caller may run it, any
 * number of times. `recovering`: the caller did not make this record (a killed function's, a
 * racer's), so what the commit did before its record is done again: the claim of the worker it
 * brings the order to (the housekeeping may have dropped it), and the events after the record.
 */
export async function finish(log: OrderLog, orderId: string, r: CommitRecord, known?: Raw | null, recovering = false): Promise<void> {
  const orders = log.db.collection(log.names.orders);
  const version = (r.from ?? 0) + 1;
  // The order as read here is also what the write below starts from.
  let current = known ?? null;
  if (recovering) {
    const to = ((r.doc.idx as Raw | undefined)?.holderId ?? null) as string | null;
    if (r.from !== null) current ??= await readDoc(log, log.names.orders, orderId);
    const unwritten = r.from === null ? !(await readDoc(log, log.names.orders, orderId)) : !!current && Number(current.version) === r.from;
    if (unwritten) {
      if (to !== null && to !== r.left && heldSince(r.doc) === version) await log.claims.claim(to, orderId, null, version);
      if (r.rest) await insertRest(log, r.rest);
    }
  }
  if (r.from === null) {
    try {
      must(await orders.add({ _id: orderId, ...r.doc, ...rollupMarks(null, r.doc), rev: 1 }));
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    return;
  }
  for (let attempt = 1; ; attempt++) {
    current ??= await readDoc(log, log.names.orders, orderId);
    // Written already, by whoever finished it first.
    if (!current || Number(current.version) !== r.from) break;
    if (await writeOver(log, orderId, current, r.doc)) break;
    // The fold or a reindex wrote the order since it was read (its `rev` moved): read it again.
    if (attempt >= ATTEMPTS) throw new Error(`order ${orderId}: its write kept losing to other writes`);
    current = null;
  }
  if (r.left) await log.claims.release(r.left, orderId, r.leftToken ?? null);
}

/**
 * Replaces the order's document by `doc` if it is still the one read (`current`: same version,
 * same `rev`). The statistics' marks are worked out against it (rollup-marks.ts), which the `rev`
 * check keeps exact: a fold between the read and this write makes it fail, and the caller reads again.
 */
async function writeOver(log: OrderLog, orderId: string, current: Raw, doc: Raw): Promise<boolean> {
  const _ = log.db.command;
  const rev = typeof current.rev === 'number' ? current.rev : null;
  const fields: Raw = { ...doc, ...rollupMarks(current, doc), rev: (rev ?? 0) + 1 };
  const update: Raw = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k === '_id' || v === undefined) continue;
    // An object is replaced whole (`_.set`): a plain object would be merged field by field.
    update[k] = v !== null && typeof v === 'object' && !Array.isArray(v) ? _.set(v) : v;
  }
  for (const k of Object.keys(current)) if (k !== '_id' && update[k] === undefined) update[k] = _.remove();
  const res = must(
    (await log.db
      .collection(log.names.orders)
      .where({ _id: orderId, version: Number(current.version), rev: rev ?? _.exists(false) })
      .update(update)) as { updated?: number },
  );
  return Number(res.updated) > 0;
}

/** An order read for a change; the commit reuses the read. Nothing is held open, so there is nothing to release. */
export async function openLoggedSession(log: OrderLog, orderId: string): Promise<OrderSession> {
  const read = await readDoc(log, log.names.orders, orderId);
  return {
    order: read ? fromOrderDoc(read) : null,
    release: async () => undefined,
    openOrdersOf: (workerIds) => log.count(workerIds),
    commit: (c) => commitLogged(log, c, c.order.id === orderId ? read : undefined),
  };
}

/** Rewrites one order's `idx` if the order is still at the entry's version (its other fields stay as they are). */
export async function reindexLogged(log: OrderLog, e: Reindex): Promise<boolean> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const current = await readDoc(log, log.names.orders, e.orderId);
    if (!current || Number(current.version) !== e.version) return false;
    // New facts in the index are folded into the statistics afterwards, as a commit's are.
    const doc = { ...toOrderDoc(fromOrderDoc(current), e.index, keptReplies(current)), holderClaim: heldSince(current) };
    if (await writeOver(log, e.orderId, current, doc)) return true;
  }
  return false;
}

/**
 * Finishes the commits recorded since `now - FINISH_LOOKBACK_MS` whose order was not written (a
 * function killed between the two): the housekeeping runs it every minute. Answers how many.
 */
export async function finishRecent(log: OrderLog, now: number): Promise<number> {
  const _ = log.db.command;
  const recent = rowsOf(
    must(
      await log.db
        .collection(log.names.events)
        .where({ 'commit.at': _.gte(now - FINISH_LOOKBACK_MS) })
        .field({ _id: true })
        .orderBy('commit.at', 'desc')
        .limit(MAX_RECENT)
        .get(),
    ),
  );
  const byOrder = new Map<string, number>();
  for (const d of recent) {
    const id = String(d._id);
    const orderId = id.slice(0, id.lastIndexOf(':'));
    const version = Number(id.slice(id.lastIndexOf(':') + 1));
    byOrder.set(orderId, Math.max(byOrder.get(orderId) ?? 0, version));
  }
  const ids = [...byOrder.keys()];
  const versions = new Map<string, number>();
  for (let i = 0; i < ids.length; i += MAX_RECENT) {
    const page = rowsOf(
      must(
        await log.db
          .collection(log.names.orders)
          .where({ _id: _.in(ids.slice(i, i + MAX_RECENT)) })
          .field({ _id: true, version: true })
          .limit(MAX_RECENT)
          .get(),
      ),
    );
    for (const d of page) versions.set(String(d._id), Number(d.version));
  }
  let finished = 0;
  let failure: unknown = null;
  for (const [orderId, newest] of byOrder) {
    try {
      // Records are finished in order: the one after the order's version first.
      for (let v = (versions.get(orderId) ?? 0) + 1; v <= newest; v++) {
        const r = await readRecord(log, recordId(orderId, v));
        if (!r) break;
        await finish(log, orderId, r, undefined, true);
        finished++;
      }
    } catch (e) {
      // One order's trouble (an outage of a moment) must not keep the others unfinished: the next run retries it.
      failure ??= e;
    }
  }
  // Told once the others are done, so the housekeeping's log shows it.
  if (failure !== null) throw failure;
  return finished;
}
