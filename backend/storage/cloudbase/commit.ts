import { holderOf } from '@core';
import type { Commit, CommitResult, OrderSession, Reindex } from '../port';
import type { Names } from './names';
import { eventDocs } from './event-notes';
import { fromOrderDoc, toOrderDoc } from './order-doc';
import { rollupMarks } from './rollup-marks';
import { arrivalMark, type CountHeld } from './worker-arrivals';
import { isKept, keeping, keptReplies } from './order-replies';
import { isOrderIdFor } from '../../runtime/idempotency';

/** The part of the SDK's transaction object this adapter uses (its typings declare it as `any`). */
interface TxDoc {
  get(): Promise<{ data?: Record<string, unknown> | null }>;
  set(data: object): Promise<unknown>;
  update(data: object): Promise<unknown>;
}
/** The database's `_.inc`: an update that adds to a number field. */
export type Inc = (n: number) => unknown;
interface TxCollection {
  doc(id: string): TxDoc;
  add(data: object): Promise<unknown>;
}
export interface Tx {
  collection(name: string): TxCollection;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}
export interface TxDb {
  startTransaction(): Promise<Tx>;
  readonly command: { inc: Inc };
}

const ATTEMPTS = 6;

/**
 * A write conflict (two transactions wrote the same document) or a duplicate _id on insert: both
 * mean a concurrent commit touched this order or this request id, and a fresh attempt will see it.
 */
export function isRaceError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  const text = `${String(err?.code ?? '')} ${String(err?.message ?? '')}`;
  return /TRANSACTION_CONFLICT|TransactionConflict|DUPLICATE|duplicate key|E11000/i.test(text);
}

/**
 * The transaction is gone on the server: it ran past the service's time limit (or the server lost
 * it), and nothing it wrote was kept. Not a conflict with anyone: the commit is simply tried again.
 */
export function isExpiredTransaction(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  return /DATABASE_TRANSACTION_FAIL|TransactionNotExist|Transaction does not exist/i.test(`${String(err?.code ?? '')} ${String(err?.message ?? '')}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The port's compare-and-set commit as one CloudBase transaction. Transactions only allow
 * single-document operations (doc get/set, add), which is all this needs: read the reply and the
 * order inside the snapshot, check them, then write everything. A concurrent commit on the same
 * order or request id makes one of the two fail with a write conflict; that one retries, now sees
 * the winner's write, and answers 'version' or 'request'.
 */
export async function commitInTransaction(db: TxDb, names: Names, c: Commit, count: CountHeld): Promise<CommitResult> {
  for (let attempt = 1; ; attempt++) {
    const tx = await db.startTransaction();
    try {
      const result = await attemptCommit(tx, names, c, count);
      if (result.ok) await tx.commit();
      // The server may already have aborted it (a refused insert): nothing was written either way.
      else await tx.rollback().catch(() => undefined);
      return result;
    } catch (e) {
      // The server aborts a conflicting transaction itself, so this rollback may fail: ignore it.
      await tx.rollback().catch(() => undefined);
      // An expired transaction wrote nothing: try again in a fresh one; if the first did land after
      // all, the retry finds its reply and answers 'request', which replays it. Past the attempts it
      // is an outage (thrown), never a version conflict the caller would wrongly re-read for.
      if (isExpiredTransaction(e) && !isRaceError(e)) {
        if (attempt >= ATTEMPTS) throw e;
        await sleep(5 * attempt);
        continue;
      }
      if (!isRaceError(e)) throw e;
      // Still losing after several tries means others keep changing this very order: the caller
      // re-reads it, which is what a version conflict asks for. Nothing was written.
      if (attempt >= ATTEMPTS) return { ok: false, conflict: 'version' };
      await sleep(15 * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}

/**
 * An order read inside a transaction that stays open for the write the caller then decides on: the
 * commit reuses the read for its version check (same snapshot), so a transition costs one round trip
 * less than a read followed by commitInTransaction. A write conflict means someone else committed
 * since the read; the commit then goes the ordinary way (fresh transactions that read again), which
 * answers 'version' if the order moved on, or writes if only a shared document (a worker's arrival
 * mark) was contended or a fold of the statistics wrote the order's marks (rollup-fold.ts). A
 * session not committed is rolled back by release.
 */
export async function openOrderSession(db: TxDb, names: Names, orderId: string, count: CountHeld): Promise<OrderSession> {
  const tx = await db.startTransaction();
  let read: Record<string, unknown> | null;
  try {
    read = (await tx.collection(names.orders).doc(orderId).get()).data ?? null;
  } catch (e) {
    await tx.rollback().catch(() => undefined);
    throw e;
  }
  let open = true;
  /** The workers' open orders counted after this transaction's read (openOrdersOf): the commit's cap check reuses them. */
  const held = new Map<string, number>();
  // Nothing was written in it, so the rollback only frees the server's transaction: no one waits on it.
  const release = async () => {
    if (!open) return;
    open = false;
    await tx.rollback().catch(() => undefined);
  };
  return {
    order: read ? fromOrderDoc(read) : null,
    release,
    // Counted after the transaction's first read, so the commit's cap check may go by this count
    // (an arrival committed since makes the commit's own arrival write conflict: worker-arrivals.ts).
    async openOrdersOf(workerIds) {
      const counts = await count(workerIds);
      if (open) for (const id of workerIds) held.set(id, counts[id] ?? 0);
      return counts;
    },
    async commit(c) {
      const reusable = open && read !== null && c.order.id === orderId && c.expectedVersion === Number(read.version);
      if (!reusable || !read) {
        await release();
        return commitInTransaction(db, names, c, count);
      }
      open = false;
      try {
        const result = await attemptCommit(tx, names, c, count, read, held);
        if (result.ok) await tx.commit();
        else await tx.rollback().catch(() => undefined);
        return result;
      } catch (e) {
        await tx.rollback().catch(() => undefined);
        // A conflict or an expired transaction wrote nothing: the ordinary commit tries afresh, and
        // answers 'request' if this one did land after all (its reply is found), as it does itself.
        if (isRaceError(e) || isExpiredTransaction(e)) return commitInTransaction(db, names, c, count);
        throw e;
      }
    },
  };
}

/** An insert refused because a document with its _id exists. */
const isDuplicateKey = (e: unknown) =>
  /DUPLICATE|duplicate key|E11000/i.test(`${String((e as { code?: unknown })?.code ?? '')} ${String((e as { message?: unknown })?.message ?? '')}`);

/**
 * `known` is the order as this same transaction already read it (an order session's read): the
 * snapshot is the same, so reading it again would only cost a round trip.
 */
async function attemptCommit(
  tx: Tx,
  names: Names,
  c: Commit,
  count: CountHeld,
  known?: Record<string, unknown>,
  knownHeld: ReadonlyMap<string, number> = new Map(),
): Promise<CommitResult> {
  // The request id is looked up only when the write cannot go ahead: on the way through, inserting
  // the reply under it refuses a used id (below), which saves a round trip on every commit. A retry
  // whose first attempt landed finds the version moved on, and must hear 'request' to replay it.
  // A transition's id is looked up in the order's kept replies (order-replies.ts), already read; a
  // create's, or one kept before replies moved into orders, in the replies collection.
  const refused = async (): Promise<CommitResult> =>
    c.reply && (isKept(current, c.reply.key) || (await tx.collection(names.replies).doc(c.reply.key).get()).data)
      ? { ok: false, conflict: 'request' }
      : { ok: false, conflict: 'version' };
  const orders = tx.collection(names.orders);
  // A new order is not read first: inserting it refuses an id that exists.
  const current = c.expectedVersion === null ? null : (known ?? (await orders.doc(c.order.id).get()).data);
  if (c.expectedVersion === null) {
    try {
      const doc = toOrderDoc(c.order, c.index, c.reply ? keeping([], c.reply, true) : []);
      await orders.add({ _id: c.order.id, ...doc, ...rollupMarks(null, doc) });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      // An order whose id its request gave (orderIdFor) is taken by that same request: a retry.
      const taken = c.reply && (await orders.doc(c.order.id).get()).data;
      return taken && isKept(taken, c.reply!.key) ? { ok: false, conflict: 'request' } : refused();
    }
  } else {
    // A request id this order's document keeps was used on it: refused before the version is looked at.
    if (c.reply && isKept(current, c.reply.key)) return { ok: false, conflict: 'request' };
    if (!current || Number(current.version) !== c.expectedVersion) return refused();
    const kept = keptReplies(current);
    const doc = toOrderDoc(c.order, c.index, c.reply ? keeping(kept, c.reply) : kept);
    // The statistics are not touched here: the order is marked for the fold (rollup-fold.ts) in this same write.
    await orders.doc(c.order.id).set({ ...doc, ...rollupMarks(current, doc) });
  }
  // The holder before is derived from the stored order itself, so an order that stays with its
  // worker is not taken for an arrival even when its document was indexed by an older version.
  const heldBy = async (id: string) => knownHeld.get(id) ?? (await count([id]))[id] ?? 0;
  if (!(await moveLoad(tx, names, c, heldBy, current ? holderOf(fromOrderDoc(current)) : null))) {
    return { ok: false, conflict: 'capacity' };
  }
  // The notifications ride in the first event's document (event-notes.ts): one insert, not two.
  for (const doc of eventDocs(c)) await tx.collection(names.events).add(doc);
  // A create's reply is also a document: its insert refuses an id another new order used. Not
  // needed when the order's id is its request's (orderIdFor): the order's insert refused that.
  if (c.reply && c.expectedVersion === null && !isOrderIdFor(c.order.id, c.reply.key)) {
    const { key, fingerprint, reply, at } = c.reply;
    try {
      await tx.collection(names.replies).add({ _id: key, key, fingerprint, at, replyJson: JSON.stringify(reply ?? null) });
    } catch (e) {
      // The request id was used by a commit before this transaction began: the caller replays it.
      if (isDuplicateKey(e)) return { ok: false, conflict: 'request' };
      throw e;
    }
  }
  return { ok: true };
}

/**
 * Holds the arriving worker's cap: the orders they hold, counted after this transaction's first
 * read (or by the session), plus this one; and writes the arrival's mark (worker-arrivals.ts) so
 * that a racing arrival at the same worker conflicts. False, writing nothing, past the cap. An
 * order leaving a worker writes nothing: the next count simply no longer finds it.
 */
async function moveLoad(tx: Tx, names: Names, c: Commit, heldBy: (workerId: string) => Promise<number>, before: string | null): Promise<boolean> {
  const after = c.index.holder;
  const cap = c.capacity && c.capacity.workerId === after ? c.capacity : null;
  // Written again for the same worker (started, say): this order is already in the count.
  if (before === after) return !(cap && (await heldBy(cap.workerId)) > cap.max);
  if (!after) return true;
  if (cap && (await heldBy(after)) + 1 > cap.max) return false;
  await tx.collection(names.workerLoad).doc(after).set(arrivalMark(c.order.id));
  return true;
}

/**
 * Rewrites one order's `idx` if the order is still at the entry's version, in a transaction of its
 * own (the order's fields stay as they are). A conflict means a commit wrote the order meanwhile,
 * with an index of its own: nothing to do.
 */
export async function reindexInTransaction(db: TxDb, names: Names, e: Reindex): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await reindexOnce(db, names, e);
    } catch (err) {
      // An expired transaction wrote nothing: try again, as a commit does.
      if (!isExpiredTransaction(err) || attempt >= ATTEMPTS) throw err;
    }
  }
}

async function reindexOnce(db: TxDb, names: Names, e: Reindex): Promise<boolean> {
  const tx = await db.startTransaction();
  try {
    const current = (await tx.collection(names.orders).doc(e.orderId).get()).data;
    if (!current || Number(current.version) !== e.version) {
      await tx.rollback();
      return false;
    }
    const doc = toOrderDoc(fromOrderDoc(current), e.index, keptReplies(current));
    // New facts in the index are folded into the statistics afterwards, as a commit's are.
    await tx
      .collection(names.orders)
      .doc(e.orderId)
      .set({ ...doc, ...rollupMarks(current, doc) });
    await tx.commit();
    return true;
  } catch (err) {
    await tx.rollback().catch(() => undefined);
    if (isRaceError(err)) return false;
    throw err;
  }
}
