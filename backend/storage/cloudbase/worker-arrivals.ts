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
 * A claim younger than this may belong to a commit still under way (claimed, its order not yet
 * written), so it counts against the cap even though no order shows it yet. Longer than any
 * function runs (cloudbaserc.json's timeouts).
 */
export const CLAIM_GRACE_MS = 90_000;

/**
 * The orders that arrived at each worker, one document per worker in `rp_worker_load`
 * (`{ _id: workerId, held: [orderId…], since: { orderId: ms }, gen }`): what makes a worker's cap hold
 * when several orders reach them at once. A commit without a transaction cannot count the orders
 * and write atomically, so an arrival first claims its place here with one conditional update
 * (only while fewer than the cap are claimed: `held.<cap-1>` does not exist), and a departure drops
 * its claim after the order's write. A commit killed between the two leaves a claim that holds no
 * order; it is dropped, once older than CLAIM_GRACE_MS, when it would refuse an arrival and by the
 * housekeeping's reconcile, which also adds orders held without a claim (data from before the
 * claims existed: the deploy's setup runs the same reconcile).
 */
export interface WorkerClaims {
  /** Claims the worker's place for the order; with a cap, only while fewer than `max` are claimed. False: full. */
  claim(workerId: string, orderId: string, max: number | null): Promise<boolean>;
  /** Drops the order's claim (the order left the worker, or its commit lost the order to another). */
  release(workerId: string, orderId: string): Promise<void>;
  /** Makes every worker's claims match the orders they hold (keeping claims within the grace); answers how many documents it changed. */
  reconcile(): Promise<number>;
}

/** Order ids are letters, digits and `-` (orderIdFor, the fixtures): safe as a field name. */
const sinceField = (orderId: string) => {
  if (!/^[\w-]+$/.test(orderId)) throw new TypeError(`order id not usable as a field name: ${orderId}`);
  return `since.${orderId}`;
};

const ATTEMPTS = 5;

export function workerClaims(db: Db, names: Names, now: () => number = Date.now): WorkerClaims {
  const _ = db.command;
  const docs = () => db.collection(names.workerLoad);

  /** The ids of the orders the worker holds by the orders' own index. */
  const heldBy = async (workerId: string) =>
    new Set(rowsOf(await db.collection(names.orders).where({ 'idx.holderId': workerId }).field({ _id: true }).limit(MAX_HELD).get()).map((d) => String(d._id)));

  /** The claims the orders justify: held ones, and young ones whose commit may still be under way. */
  const justified = (doc: Raw, held: ReadonlySet<string>, at: number) => {
    const since = (doc.since ?? {}) as Record<string, number>;
    const claimed = Array.isArray(doc.held) ? (doc.held as string[]) : [];
    const kept = claimed.filter((id) => held.has(id) || (since[id] ?? 0) > at - CLAIM_GRACE_MS);
    const added = [...held].filter((id) => !claimed.includes(id));
    const list = [...kept, ...added];
    const changed = kept.length !== claimed.length || added.length > 0;
    return { list, since: Object.fromEntries(list.map((id) => [id, since[id] ?? at])), changed };
  };

  /** Rewrites one worker's claims to what the orders justify, unless someone changed them since `doc` was read. */
  const rewrite = async (doc: Raw, held: ReadonlySet<string>) => {
    const fix = justified(doc, held, now());
    if (!fix.changed) return false;
    const gen = typeof doc.gen === 'number' ? doc.gen : _.exists(false);
    const res = (await docs()
      .where({ _id: String(doc._id), gen })
      .update({ held: fix.list, since: _.set(fix.since), gen: _.inc(1) })) as { updated?: number };
    return Number(res.updated) > 0;
  };

  return {
    async claim(workerId, orderId, max) {
      if (max !== null && max <= 0) return false;
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        // `gen` exists only in documents made by claims (a version before kept other fields there).
        const where = max === null ? { _id: workerId, gen: _.exists(true) } : { _id: workerId, gen: _.exists(true), [`held.${max - 1}`]: _.exists(false) };
        const res = (await docs()
          .where(where)
          .update({ held: _.addToSet(orderId), [sinceField(orderId)]: now(), gen: _.inc(1) })) as { updated?: number };
        if (Number(res.updated) > 0) return true;
        const doc = rowsOf(await docs().doc(workerId).get())[0];
        if (!doc || typeof doc.gen !== 'number') {
          // The worker's first arrival since claims exist: the document starts from the orders they hold.
          const held = [...new Set([...(await heldBy(workerId)), orderId])];
          if (max !== null && held.length > max) return false;
          const at = now();
          const start = { held, since: Object.fromEntries(held.map((id) => [id, at])), gen: 1 };
          if (doc) {
            // Made over from what a version before left, unless another arrival did so first.
            const res = (await docs()
              .where({ _id: workerId, gen: _.exists(false) })
              .update({ held: start.held, since: _.set(start.since), gen: 1 })) as { updated?: number };
            if (Number(res.updated) > 0) return true;
            continue;
          }
          try {
            await docs().add({ _id: workerId, ...start });
            return true;
          } catch (e) {
            if (!isDuplicateKey(e)) throw e;
            continue; // another arrival made the document first: claim in it
          }
        }
        if (Array.isArray(doc.held) && doc.held.includes(orderId)) return true; // claimed by an earlier try
        // Full: unless some claims hold no order (a killed commit's, a departure not dropped), refuse.
        if (max !== null && !(await rewrite(doc, await heldBy(workerId)))) return false;
      }
      return false;
    },
    async release(workerId, orderId) {
      await docs()
        .doc(workerId)
        .update({ held: _.pull(orderId), [sinceField(orderId)]: _.remove(), gen: _.inc(1) });
    },
    async reconcile() {
      let changed = 0;
      // Every held order, by (holder, id): a page of them at a time, after the last one seen.
      const holders = new Map<string, Set<string>>();
      for (let after: [string, string] | null = null; ; ) {
        const held = { 'idx.holderId': _.gt('') };
        const page = rowsOf(
          await db
            .collection(names.orders)
            .where(after ? _.and([held, _.or([{ 'idx.holderId': _.gt(after[0]) }, { 'idx.holderId': after[0], _id: _.gt(after[1]) }])]) : held)
            .field({ _id: true, 'idx.holderId': true })
            .orderBy('idx.holderId', 'asc')
            .orderBy('_id', 'asc')
            .limit(MAX_HELD)
            .get(),
        );
        for (const d of page) {
          const w = String((d.idx as Raw).holderId);
          holders.set(w, (holders.get(w) ?? new Set()).add(String(d._id)));
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
      for (const [workerId, doc] of claimed) if (await rewrite(doc, holders.get(workerId) ?? new Set())) changed++;
      for (const [workerId, held] of holders) {
        if (claimed.has(workerId)) continue;
        try {
          const at = now();
          await docs().add({ _id: workerId, held: [...held], since: Object.fromEntries([...held].map((id) => [id, at])), gen: 1 });
          changed++;
        } catch (e) {
          // An arrival made it meanwhile: the next run compares it.
          if (!isDuplicateKey(e)) throw e;
        }
      }
      return changed;
    },
  };
}
