import type { Db } from '@cloudbase/database';
import type { Names } from './names';
import { isDuplicateKey } from './transactions';

/** How many open orders each of some workers holds, counted from the orders' stored holder (the `holder` index). */
export type CountHeld = (workerIds: readonly string[]) => Promise<Record<string, number>>;

/** One group per worker asked about; the service answers 20 rows without a $limit. */
const MAX_GROUPS = 1000;
/** More orders than any worker holds at once: one page of a worker's held orders. */
const MAX_HELD = 1000;

type Raw = Record<string, unknown>;
const rowsOf = (res: { data?: unknown }) => (Array.isArray(res.data) ? (res.data as Raw[]) : []);

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
 * `{ _id: workerId, held: [orderId…], since: { orderId: ms }, by: { orderId: token }, gen }`. What
 * makes a worker's cap hold when several orders reach them at once: a commit without a transaction
 * cannot count the orders and write atomically, so an arrival first claims its place here with one
 * conditional update (only while fewer than the cap are claimed: `held.<cap-1>` does not exist),
 * and a departure drops its claim after the order's write.
 *
 * A claim's token is the version at which its order arrived (commit.ts keeps it in the order's
 * document as `holderClaim`): a departure drops only the claim of the arrival it ends, never that
 * of a later one that brought the order back. A commit killed between its claim and its record
 * leaves a claim that holds no order; it is dropped, once older than CLAIM_GRACE_MS and unless a
 * record still bringing the order there is waiting to be finished, when it would refuse an arrival
 * and by the housekeeping's reconcile, which also adds orders held without a claim (data from
 * before the claims existed).
 */
export interface WorkerClaims {
  /** Claims the worker's place for the order; with a cap, only while fewer than `max` are claimed. False: full. */
  claim(workerId: string, orderId: string, max: number | null, token: number): Promise<boolean>;
  /** Drops the order's claim made with `token` (any, for an order stored before tokens: null). */
  release(workerId: string, orderId: string, token: number | null): Promise<void>;
  /** Makes every worker's claims match the orders they hold (keeping claims within the grace); answers how many documents it changed. */
  reconcile(): Promise<number>;
}

/** Order ids are letters, digits and `-` (orderIdFor, the fixtures): safe as a field name. */
const field = (map: 'since' | 'by', orderId: string) => {
  if (!/^[\w-]+$/.test(orderId)) throw new TypeError(`order id not usable as a field name: ${orderId}`);
  return `${map}.${orderId}`;
};

const ATTEMPTS = 5;

export function workerClaims(db: Db, names: Names, now: () => number = Date.now): WorkerClaims {
  const _ = db.command;
  const docs = () => db.collection(names.workerLoad);

  /** The orders the worker holds by the orders' own index, with the version each arrived at. */
  const heldBy = async (workerId: string) =>
    new Map(
      rowsOf(await db.collection(names.orders).where({ 'idx.holderId': workerId }).field({ _id: true, holderClaim: true }).limit(MAX_HELD).get()).map(
        (d) => [String(d._id), typeof d.holderClaim === 'number' ? d.holderClaim : null] as const,
      ),
    );

  /**
   * Of some orders claimed at a worker, those a recorded but unfinished commit is bringing there
   * (commit.ts: the record after the order's stored version): their claims must stay.
   */
  const arriving = async (workerId: string, orderIds: readonly string[]): Promise<Set<string>> => {
    if (orderIds.length === 0) return new Set();
    const versions = new Map(orderIds.map((id) => [id, 0]));
    const stored = rowsOf(
      await db
        .collection(names.orders)
        .where({ _id: _.in([...orderIds]) })
        .field({ _id: true, version: true })
        .limit(MAX_HELD)
        .get(),
    );
    for (const d of stored) versions.set(String(d._id), Number(d.version));
    const records = rowsOf(
      await db
        .collection(names.events)
        .where({ _id: _.in(orderIds.map((id) => `${id}:${(versions.get(id) ?? 0) + 1}`)) })
        .field({ _id: true, 'commit.doc.idx.holderId': true })
        .limit(MAX_HELD)
        .get(),
    );
    const to = (r: Raw) => ((((r.commit as Raw | undefined)?.doc as Raw | undefined)?.idx as Raw | undefined)?.holderId ?? null) as string | null;
    return new Set(records.filter((r) => to(r) === workerId).map((r) => String(r._id).slice(0, String(r._id).lastIndexOf(':'))));
  };

  /**
   * Rewrites one worker's claims to what the orders justify, unless someone changed them since `doc`
   * was read: the orders they hold, young claims, and claims a waiting record still brings there.
   */
  const rewrite = async (doc: Raw, held: ReadonlyMap<string, number | null>) => {
    const at = now();
    const workerId = String(doc._id);
    const since = (doc.since ?? {}) as Record<string, number>;
    const by = (doc.by ?? {}) as Record<string, number>;
    const claimed = Array.isArray(doc.held) ? (doc.held as string[]) : [];
    const stale = claimed.filter((id) => !held.has(id) && (since[id] ?? 0) <= at - CLAIM_GRACE_MS);
    const waiting = await arriving(workerId, stale);
    const kept = claimed.filter((id) => !stale.includes(id) || waiting.has(id));
    const added = [...held.keys()].filter((id) => !claimed.includes(id));
    if (kept.length === claimed.length && added.length === 0) return false;
    const list = [...kept, ...added];
    const tokens: Record<string, number> = {};
    for (const id of list) {
      const token = by[id] ?? held.get(id);
      if (typeof token === 'number') tokens[id] = token;
    }
    const gen = typeof doc.gen === 'number' ? doc.gen : _.exists(false);
    const res = (await docs()
      .where({ _id: workerId, gen })
      .update({ held: list, since: _.set(Object.fromEntries(list.map((id) => [id, since[id] ?? at]))), by: _.set(tokens), gen: _.inc(1) })) as {
      updated?: number;
    };
    return Number(res.updated) > 0;
  };

  /** The worker's first claim since claims exist (or over what a version before left): the document starts from the orders they hold. */
  const start = async (workerId: string, orderId: string, max: number | null, token: number | null, existing: Raw | undefined): Promise<boolean | null> => {
    const held = await heldBy(workerId);
    held.set(orderId, token);
    if (max !== null && held.size > max) return false;
    const at = now();
    const list = [...held.keys()];
    const fields = {
      held: list,
      since: Object.fromEntries(list.map((id) => [id, at])),
      by: Object.fromEntries([...held].filter((e): e is [string, number] => e[1] !== null)),
      gen: 1,
    };
    if (existing) {
      // Made over from what a version before left, unless another arrival did so first.
      const res = (await docs()
        .where({ _id: workerId, gen: _.exists(false) })
        .update({ held: fields.held, since: _.set(fields.since), by: _.set(fields.by), gen: 1 })) as { updated?: number };
      return Number(res.updated) > 0 ? true : null;
    }
    try {
      await docs().add({ _id: workerId, ...fields });
      return true;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return null; // another arrival made the document first: claim in it
    }
  };

  return {
    async claim(workerId, orderId, max, token) {
      if (max !== null && max <= 0) return false;
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        // `gen` exists only in documents made by claims (a version before kept other fields there).
        const where = max === null ? { _id: workerId, gen: _.exists(true) } : { _id: workerId, gen: _.exists(true), [`held.${max - 1}`]: _.exists(false) };
        const res = (await docs()
          .where(where)
          .update({ held: _.addToSet(orderId), [field('since', orderId)]: now(), [field('by', orderId)]: token, gen: _.inc(1) })) as { updated?: number };
        if (Number(res.updated) > 0) return true;
        const doc = rowsOf(await docs().doc(workerId).get())[0];
        if (!doc || typeof doc.gen !== 'number') {
          const started = await start(workerId, orderId, max, token, doc);
          if (started !== null) return started;
          continue;
        }
        if (Array.isArray(doc.held) && doc.held.includes(orderId)) {
          // Claimed by an earlier try, or by a racing commit bringing the same order: ours now.
          await docs()
            .where({ _id: workerId, gen: _.exists(true), held: orderId })
            .update({ [field('by', orderId)]: token, gen: _.inc(1) });
          return true;
        }
        // Full: unless some claims hold no order (a killed commit's, a departure not dropped), refuse.
        if (max !== null && !(await rewrite(doc, await heldBy(workerId)))) return false;
      }
      return false;
    },
    async release(workerId, orderId, token) {
      await docs()
        .where({ _id: workerId, gen: _.exists(true), ...(token === null ? {} : { [field('by', orderId)]: token }) })
        .update({ held: _.pull(orderId), [field('since', orderId)]: _.remove(), [field('by', orderId)]: _.remove(), gen: _.inc(1) });
    },
    async reconcile() {
      // Every held order, by (holder, id): a page of them at a time, after the last one seen.
      const holders = new Map<string, Map<string, number | null>>();
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
          holders.set(w, (holders.get(w) ?? new Map()).set(String(d._id), typeof d.holderClaim === 'number' ? d.holderClaim : null));
        }
        const last = page[page.length - 1];
        if (page.length < MAX_HELD || !last) break;
        after = [String((last.idx as Raw).holderId), String(last._id)];
      }
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
      let changed = 0;
      for (const [workerId, doc] of claimed) if (typeof doc.gen === 'number' && (await rewrite(doc, holders.get(workerId) ?? new Map()))) changed++;
      for (const [workerId, held] of holders) {
        const doc = claimed.get(workerId);
        if (doc && typeof doc.gen === 'number') continue;
        const [first] = held;
        // A document made from the orders they hold.
        if (first && (await start(workerId, first[0], null, first[1], doc))) changed++;
      }
      return changed;
    },
  };
}
