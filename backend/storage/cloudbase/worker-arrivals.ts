import type { Db } from '@cloudbase/database';
import { recordId } from './commit';
import type { Names } from './names';
import { heldSince } from './order-doc';
import { isDuplicateKey } from './transactions';
import { rowsOf } from './docs';

/** How many open orders each of some workers holds, counted from the orders' stored holder (the `holder` index). */
export type CountHeld = (workerIds: readonly string[]) => Promise<Record<string, number>>;

/** One group per worker asked about; the service answers 20 rows without a $limit. */
const MAX_GROUPS = 1000;
/** More orders than any worker holds at once: one page of a worker's held orders. */
const MAX_HELD = 1000;

type Raw = Record<string, unknown>;

export function countHeld(db: Db, names: Names): CountHeld {
  const _ = db.command;
  return async (workerIds) => {
    const held: Record<string, number> = Object.fromEntries(workerIds.map((id) => [id, 0]));
    if (workerIds.length === 0) return held;
    const res = (await db
      .collection(names.orders)
      .aggregate()
      .match({ 'idx.holderId': _.in([...workerIds]) })
      .group({ _id: '$idx.holderId', n: _.aggregate.sum(1) })
      .limit(MAX_GROUPS)
      .end()) as { data?: unknown };
    for (const g of rowsOf(res)) if (typeof g._id === 'string') held[g._id] = Number(g.n);
    return held;
  };
}

/**
 * A claim younger than this may belong to a commit still under way (claimed, its record not yet
 * in), so it counts against the cap even though nothing shows it yet. Longer than any function
 * runs (cloudbaserc.json's timeouts).
 */
export const CLAIM_GRACE_MS = 90_000;

/**
 * The orders that arrived at each worker, one document per worker in `rp_worker_load`:
 * `{ _id: workerId, held: ['<orderId>@<token>'…], since: { '<orderId>@<token>': ms }, gen }`. What
 * makes a worker's cap hold when several orders reach them at once: a commit without a transaction
 * cannot count the orders and write atomically, so an arrival first claims its place here with one
 * conditional update (only while fewer than the cap are claimed: `held.<cap-1>` does not exist),
 * and a departure drops its claim after the order's write.
 *
 * A claim is an order with a token: the version at which it arrives (commit.ts keeps it in the
 * order's document as `holderClaim`; 0 for an order stored before tokens). Every commit touches only
 * its own claim: a departure drops the claim of the arrival it ends, a commit that lost its order
 * drops the one it made, and neither can touch a later arrival's. A commit killed between its claim
 * and its record leaves a claim that holds no order; it is dropped, once older than CLAIM_GRACE_MS
 * and unless its record is waiting to be finished, when it would refuse an arrival and by the
 * housekeeping's reconcile, which also adds orders held without a claim (data from before the
 * claims existed).
 */
export interface WorkerClaims {
  /** Claims the worker's place for the order's arrival at version `token`; with a cap, only while fewer than `max` are claimed. False: full. */
  claim(workerId: string, orderId: string, max: number | null, token: number): Promise<boolean>;
  /** Drops the claim of the order's arrival at version `token` (null: an order stored before tokens). */
  release(workerId: string, orderId: string, token: number | null): Promise<void>;
  /** Makes every worker's claims match the orders they hold (keeping claims within the grace); answers how many documents it changed. */
  reconcile(): Promise<number>;
}

/** A claim as stored: the order and the version it arrived at. Order ids are letters, digits and `-` (orderIdFor, the fixtures). */
const entry = (orderId: string, token: number | null) => {
  if (!/^[\w-]+$/.test(orderId)) throw new TypeError(`order id not usable as a field name: ${orderId}`);
  return `${orderId}@${token ?? 0}`;
};
const parse = (e: string) => ({ orderId: e.slice(0, e.lastIndexOf('@')), token: Number(e.slice(e.lastIndexOf('@') + 1)) });

const ATTEMPTS = 5;

export function workerClaims(db: Db, names: Names, now: () => number = Date.now): WorkerClaims {
  const _ = db.command;
  const docs = () => db.collection(names.workerLoad);

  /** The claims the orders the worker holds make, by the orders' own index. */
  const heldBy = async (workerId: string) =>
    new Set(
      rowsOf(await db.collection(names.orders).where({ 'idx.holderId': workerId }).field({ _id: true, holderClaim: true }).limit(MAX_HELD).get()).map((d) =>
        entry(String(d._id), heldSince(d)),
      ),
    );

  /**
   * Of some claims at a worker, those whose commit is recorded but not finished: the record of that
   * version (commit.ts) brings the order to this worker, and the order is still before it.
   */
  const waiting = async (workerId: string, claims: readonly string[]): Promise<Set<string>> => {
    if (claims.length === 0) return new Set();
    const parsed = claims.map(parse);
    const versions = new Map<string, number>();
    const stored = rowsOf(
      await db
        .collection(names.orders)
        .where({ _id: _.in([...new Set(parsed.map((c) => c.orderId))]) })
        .field({ _id: true, version: true })
        .limit(MAX_HELD)
        .get(),
    );
    for (const d of stored) versions.set(String(d._id), Number(d.version));
    const records = rowsOf(
      await db
        .collection(names.events)
        .where({ _id: _.in(parsed.map((c) => recordId(c.orderId, c.token))) })
        .field({ _id: true, 'commit.doc.idx.holderId': true })
        .limit(MAX_HELD)
        .get(),
    );
    const to = (r: Raw) => ((((r.commit as Raw | undefined)?.doc as Raw | undefined)?.idx as Raw | undefined)?.holderId ?? null) as string | null;
    const pending = new Set(records.filter((r) => to(r) === workerId).map((r) => String(r._id)));
    return new Set(
      parsed.filter((c) => pending.has(recordId(c.orderId, c.token)) && (versions.get(c.orderId) ?? 0) < c.token).map((c) => entry(c.orderId, c.token)),
    );
  };

  /**
   * Rewrites one worker's claims to what the orders justify, unless someone changed them since `doc`
   * was read: the claims of the orders they hold, young claims, and claims whose record still waits.
   * 'same': nothing to change; 'written'; 'moved': someone changed the document since it was read.
   */
  const rewrite = async (doc: Raw, held: ReadonlySet<string>): Promise<'same' | 'written' | 'moved'> => {
    const at = now();
    const since = (doc.since ?? {}) as Record<string, number>;
    const claimed = Array.isArray(doc.held) ? (doc.held as string[]) : [];
    const stale = claimed.filter((e) => !held.has(e) && (since[e] ?? 0) <= at - CLAIM_GRACE_MS);
    const kept = new Set(await waiting(String(doc._id), stale));
    const list = [...claimed.filter((e) => !stale.includes(e) || kept.has(e)), ...[...held].filter((e) => !claimed.includes(e))];
    if (list.length === claimed.length && list.every((e) => claimed.includes(e))) return 'same';
    const gen = typeof doc.gen === 'number' ? doc.gen : _.exists(false);
    const res = (await docs()
      .where({ _id: String(doc._id), gen })
      .update({ held: list, since: _.set(Object.fromEntries(list.map((e) => [e, since[e] ?? at]))), gen: _.inc(1) })) as { updated?: number };
    return Number(res.updated) > 0 ? 'written' : 'moved';
  };

  /** The worker's first claim since claims exist (or over what a version before left): the document starts from the orders they hold. */
  const start = async (workerId: string, claim: string | null, max: number | null, existing: Raw | undefined): Promise<boolean | null> => {
    const list = [...new Set([...(await heldBy(workerId)), ...(claim ? [claim] : [])])];
    if (max !== null && list.length > max) return false;
    const at = now();
    const since = Object.fromEntries(list.map((e) => [e, at]));
    if (existing) {
      // Made over from what a version before left, unless another arrival did so first.
      const res = (await docs()
        .where({ _id: workerId, gen: _.exists(false) })
        .update({ held: list, since: _.set(since), gen: 1 })) as { updated?: number };
      return Number(res.updated) > 0 ? true : null;
    }
    try {
      await docs().add({ _id: workerId, held: list, since, gen: 1 });
      return true;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return null; // another arrival made the document first: claim in it
    }
  };

  return {
    async claim(workerId, orderId, max, token) {
      if (max !== null && max <= 0) return false;
      const mine = entry(orderId, token);
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        // `gen` exists only in documents made by claims (a version before kept other fields there).
        const where = max === null ? { _id: workerId, gen: _.exists(true) } : { _id: workerId, gen: _.exists(true), [`held.${max - 1}`]: _.exists(false) };
        const res = (await docs()
          .where(where)
          .update({ held: _.addToSet(mine), [`since.${mine}`]: now(), gen: _.inc(1) })) as { updated?: number };
        if (Number(res.updated) > 0) return true;
        const doc = rowsOf(await docs().doc(workerId).get())[0];
        if (!doc || typeof doc.gen !== 'number') {
          const started = await start(workerId, mine, max, doc);
          if (started !== null) return started;
          continue;
        }
        // Claimed by an earlier try of this same arrival, or by a racing commit of the same version
        // bringing the order here: made young again, so that no rewrite takes it for stale meanwhile.
        if (Array.isArray(doc.held) && doc.held.includes(mine)) {
          const renewed = (await docs()
            .where({ _id: workerId, gen: _.exists(true), held: mine })
            .update({ [`since.${mine}`]: now(), gen: _.inc(1) })) as { updated?: number };
          if (Number(renewed.updated) > 0) return true;
          continue; // dropped in between: claim afresh
        }
        // Full: unless some claims hold no order (a killed commit's, a departure not dropped), refuse;
        // if someone changed the claims meanwhile (a racer's rewrite, a departure), look again.
        if (max !== null && (await rewrite(doc, await heldBy(workerId))) === 'same') return false;
      }
      return false;
    },
    async release(workerId, orderId, token) {
      const mine = entry(orderId, token);
      await docs()
        .where({ _id: workerId, gen: _.exists(true) })
        .update({ held: _.pull(mine), [`since.${mine}`]: _.remove(), gen: _.inc(1) });
    },
    async reconcile() {
      // The claims first, then the orders: a departure between the two reads is then seen as gone
      // (its claim stale), never as held; an arrival between them moves `gen`, and its rewrite is refused.
      const claimed = new Map<string, Raw>();
      for (let after = ''; ; ) {
        const page = rowsOf(
          await docs()
            .where({ _id: _.gt(after) })
            .orderBy('_id', 'asc')
            .limit(MAX_HELD)
            .get(),
        );
        for (const d of page) claimed.set(String(d._id), d);
        if (page.length < MAX_HELD) break;
        after = String(page[page.length - 1]!._id);
      }
      // Every held order, by (holder, id): a page of them at a time, after the last one seen.
      const holders = new Map<string, Set<string>>();
      for (let after: [string, string] | null = null; ; ) {
        const held = { 'idx.holderId': _.gt('') };
        const page = rowsOf(
          await db
            .collection(names.orders)
            .where(after ? _.and([held, _.or([{ 'idx.holderId': _.gt(after[0]) }, { 'idx.holderId': after[0], _id: _.gt(after[1]) }])]) : held)
            .field({ _id: true, 'idx.holderId': true, holderClaim: true })
            .orderBy('idx.holderId', 'asc')
            .orderBy('_id', 'asc')
            .limit(MAX_HELD)
            .get(),
        );
        for (const d of page) {
          const w = String((d.idx as Raw).holderId);
          holders.set(w, (holders.get(w) ?? new Set()).add(entry(String(d._id), heldSince(d))));
        }
        const last = page[page.length - 1];
        if (page.length < MAX_HELD || !last) break;
        after = [String((last.idx as Raw).holderId), String(last._id)];
      }
      let changed = 0;
      for (const [workerId, doc] of claimed)
        if (typeof doc.gen === 'number' && (await rewrite(doc, holders.get(workerId) ?? new Set())) === 'written') changed++;
      for (const workerId of holders.keys()) {
        const doc = claimed.get(workerId);
        if (doc && typeof doc.gen === 'number') continue;
        // A document made from the orders they hold.
        if (await start(workerId, null, null, doc)) changed++;
      }
      return changed;
    },
  };
}
