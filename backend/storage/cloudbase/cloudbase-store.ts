import tcb from '@cloudbase/node-sdk';
import type { Db } from '@cloudbase/database';
import { isCut, ORDER_STATES, type OrderState, type User } from '@core';
import type { ReferenceKind, ReferenceTypes, Store } from '../port';
import { commitLogged, finishRecent, openLoggedSession, reindexLogged, type OrderLog } from './commit';
import { nextOrderNumber } from './order-numbers';
import { fromDoc, rowsOf, toReply } from './docs';
import { collectionNames } from './names';
import { isProgrammingError, StoreUnavailable, translatingOutages } from '../outage';
import { afterCursor, decodeCursor, encodeCursor, orderCondition, ORDERINGS, sortKeyOf, SWEEP_ORDERING, type Commands } from './order-query';
import { fromOrderDoc } from './order-doc';
import { metricSumsMany } from './metric-sums';
import { onBehalfCounts } from './on-behalf';
import { isRaceError } from './transactions';
import { removeAll, fetchAll } from './collections';
import { messageDocs } from './message-docs';
import { countHeld, workerClaims } from './worker-arrivals';
import { cachingReferences } from './ref-cache';
import { listNotes, toEvent } from './event-notes';
import { findKeptReply, keptReplies, pruneKeptReplies, toStoredReply } from './order-replies';
import { FOLD_ON_READ, foldRollups, pendingEntries } from './rollup-fold';

export interface CloudBaseStoreOptions {
  readonly envId: string;
  readonly secretId?: string;
  readonly secretKey?: string;
  /** Prepended to every collection name; defaults to `rp_`. */
  readonly prefix?: string;
  /**
   * How long this instance keeps reference documents it read (ref-cache.ts); by default
   * REFERENCE_TTL_MS inside a cloud function, none for scripts that reach the environment with keys.
   */
  readonly referenceTtlMs?: number;
}

/** How long a warm function instance trusts the reference documents it read: a role or setting changed elsewhere takes effect within this. */
export const REFERENCE_TTL_MS = 10_000;

/** One `get()` returns at most this many documents (the SDK caps the limit at 1000). */
const MAX_PAGE = 1000;
/** Due orders one housekeeping run folds at most (within its time budget too). */
const FOLD_ON_SWEEP = 2000;
/** More communities than one person serves at once; their records are read in one query. */
const MAX_COMMUNITIES = 20;
/** Users paired with one household read at most (one as a rule). */
const MAX_CARERS = 20;

/**
 * Opens the store on a CloudBase environment. With keys it reaches the environment from anywhere
 * (tests, scripts); without them it runs inside a cloud function on the function's own environment.
 */
export function openCloudBaseStore(opts: CloudBaseStoreOptions): Store {
  const app =
    opts.secretId && opts.secretKey
      ? tcb.init({ env: opts.envId, secretId: opts.secretId, secretKey: opts.secretKey })
      : tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  const referenceTtlMs = opts.referenceTtlMs ?? (opts.secretId ? 0 : REFERENCE_TTL_MS);
  return cloudBaseStoreOn(app.database(), opts.prefix ?? 'rp_', { referenceTtlMs });
}

const zeroCounts = () => Object.fromEntries(ORDER_STATES.map((s) => [s, 0])) as Record<OrderState, number>;

/** The store over an already opened database handle (tests pass one whose transport is faked); reference documents are not kept unless asked. */
export function cloudBaseStoreOn(db: Db, prefix: string, opts: { readonly referenceTtlMs?: number } = {}): Store {
  const names = collectionNames(prefix);
  const _ = db.command;
  const cmd = _ as unknown as Commands;
  const sum = _.aggregate.sum;
  const held = countHeld(db, names);
  const log: OrderLog = { db, names, count: held, claims: workerClaims(db, names), now: Date.now };
  // The collections exist before any function runs (`npm run deploy:database`, schema.ts): creating
  // them here would cost every cold start a round trip per collection.
  const coll = async (name: string) => db.collection(name);
  /** Reference documents of one community; communities and companies belong to none, so all of them. */
  const refQuery = (kind: ReferenceKind, communityId?: string) =>
    communityId === undefined || kind === 'communities' || kind === 'companies' ? {} : { communityId };

  const isOutage = (e: unknown) => !isProgrammingError(e);
  const asOutage = (e: unknown): never => {
    throw !(e instanceof StoreUnavailable) && isOutage(e) ? new StoreUnavailable(e) : e;
  };
  const store: Store = {
    kind: 'cloudbase',
    // A create is guarded by its order's id, taken from its request: no reply look-up before it.
    idsFromRequests: true,
    ...messageDocs(db, names),

    async getRef<K extends ReferenceKind>(kind: K, id: string) {
      const found = rowsOf(await (await coll(names.refs[kind])).doc(id).get());
      return found[0] ? fromDoc<ReferenceTypes[K]>(found[0]) : null;
    },
    async listRefs<K extends ReferenceKind>(kind: K, communityId?: string) {
      const all = await fetchAll(await coll(names.refs[kind]), _, refQuery(kind, communityId));
      return all.map((d) => fromDoc<ReferenceTypes[K]>(d));
    },
    async putRefs<K extends ReferenceKind>(kind: K, list: readonly ReferenceTypes[K][]) {
      const c = await coll(names.refs[kind]);
      // `set` replaces the whole document, or creates it: an upsert by id.
      for (const d of list) await c.doc(d.id).set({ ...d });
    },
    async deleteRef(kind, id) {
      await (await coll(names.refs[kind])).doc(id).remove();
    },
    async nextOrderNumber(communityId, day) {
      return nextOrderNumber(db, names, communityId, day);
    },
    async insertRef<K extends ReferenceKind>(kind: K, doc: ReferenceTypes[K]) {
      const c = await coll(names.refs[kind]);
      if (rowsOf(await c.doc(doc.id).get()).length) return false;
      try {
        await c.add({ _id: doc.id, ...doc });
        return true;
      } catch (e) {
        // Someone inserted the same id between our look and our write: theirs stays.
        if (isRaceError(e)) return false;
        throw e;
      }
    },
    async findUserByOpenid(openid) {
      const found = rowsOf(await (await coll(names.refs.users)).where({ openid }).limit(1).get());
      return found[0] ? fromDoc<User>(found[0]) : null;
    },
    async findUsersByOpenid(openid) {
      // One record per community the person belongs to: a handful, well under one page.
      return rowsOf(await (await coll(names.refs.users)).where({ openid }).limit(MAX_COMMUNITIES).get()).map((d) => fromDoc<User>(d));
    },
    async usersCaringFor(communityId, householdId) {
      // An array field equal to a value matches the documents whose array holds it. Pairing keeps one
      // member a household (pairHousehold); a page of them covers any leftover of a race.
      return rowsOf(await (await coll(names.refs.users)).where({ communityId, caresFor: householdId }).limit(MAX_CARERS).get()).map((d) => fromDoc<User>(d));
    },

    async getOrder(id) {
      const found = rowsOf(await (await coll(names.orders)).doc(id).get());
      return found[0] ? fromOrderDoc(found[0]) : null;
    },
    async listOrders(scope, filter, page) {
      const where = orderCondition(cmd, scope, filter);
      if (!where || page.limit <= 0) return { items: [], nextCursor: null };
      const order = ORDERINGS[page.sort ?? 'recent'];
      const after = page.cursor ? decodeCursor(page.cursor) : null;
      const limit = Math.min(page.limit, MAX_PAGE - 1);
      const rows = rowsOf(
        await (await coll(names.orders))
          .where(after ? _.and([where, afterCursor(cmd, order, after)]) : where)
          .orderBy(order.field, order.dir)
          .orderBy('_id', order.dir)
          .limit(limit + 1) // one more than asked tells whether another page follows
          .get(),
      );
      const shown = rows.slice(0, limit);
      const last = shown[shown.length - 1];
      const key = last ? sortKeyOf(last, order.field) : undefined;
      return {
        items: shown.map(fromOrderDoc),
        nextCursor: rows.length > limit && last && typeof key === 'number' ? encodeCursor(key, String(last._id)) : null,
      };
    },
    async countByState(scope, filter) {
      const counts = zeroCounts();
      const where = orderCondition(cmd, scope, filter);
      if (!where) return counts;
      const res = await (await coll(names.orders))
        .aggregate()
        .match(where)
        .group({ _id: '$state', n: sum(1) })
        .end();
      for (const g of rowsOf(res)) if (typeof g._id === 'string' && g._id in counts) counts[g._id as OrderState] = Number(g.n);
      return counts;
    },
    async openOrdersOf(workerIds) {
      return held(workerIds);
    },
    async listEvents(orderId, page) {
      if (!page) return (await fetchAll(await coll(names.events), _, { orderId }, 'seq')).map(toEvent);
      const where = page.beforeSeq === null ? { orderId } : { orderId, seq: _.lt(page.beforeSeq) };
      // Without the commits' records (commit.ts): a copy of the order each, not part of the timeline.
      const newest = rowsOf(await (await coll(names.events)).where(where).field({ commit: false }).orderBy('seq', 'desc').limit(page.limit).get());
      return newest.map(toEvent).reverse();
    },
    async listNotifications(recipients, limit) {
      return listNotes(db, names, recipients, limit);
    },

    async listDueForSweep(now, limit, cursor) {
      if (limit <= 0) return { items: [], nextCursor: null };
      const due = { [SWEEP_ORDERING.field]: _.lte(now) }; // null (nothing to do) never compares as <= a number
      const after = cursor ? decodeCursor(cursor) : null;
      const max = Math.min(limit, MAX_PAGE - 1);
      const rows = rowsOf(
        await (await coll(names.orders))
          .where(after ? _.and([due, afterCursor(cmd, SWEEP_ORDERING, after)]) : due)
          .orderBy(SWEEP_ORDERING.field, 'asc')
          .orderBy('_id', 'asc')
          .limit(max + 1)
          .get(),
      );
      const page = rows.slice(0, max);
      const last = page[page.length - 1];
      const at = (last?.idx as { nextSweepAt?: number } | undefined)?.nextSweepAt;
      return { items: page.map(fromOrderDoc), nextCursor: rows.length > max && last && typeof at === 'number' ? encodeCursor(at, String(last._id)) : null };
    },
    async reindex(entries) {
      let written = 0;
      for (const e of entries) if (await reindexLogged(log, e)) written++;
      return written;
    },
    async metricSums(communityId, period, by, asOf, cut) {
      return (await store.metricSumsMany(communityId, period, [by], asOf, cut))[0]!;
    },
    async metricSumsMany(communityId, period, bys, asOf, cut) {
      // The community's changes not yet in the rollups folded first (a cut reads the orders only); past
      // FOLD_ON_READ of them the rest are counted from the orders, so a read stays bounded and exact.
      const fold = isCut(cut) ? null : await foldRollups(db, names, { communityId, maxOrders: FOLD_ON_READ });
      const pending = fold?.unfinished ? await pendingEntries(db, names, communityId) : [];
      // Aggregations side by side, each over rollup rows or the few orders not rolled up (metric-sums.ts).
      return metricSumsMany({ orders: await coll(names.orders), rollups: await coll(names.metricRollups) }, _, communityId, period, bys, asOf, cut, pending);
    },
    async finishCommits(now) {
      // Commits a killed function left recorded but not written, then the workers' claims
      // (worker-arrivals.ts): the reconcile runs even when finishing failed, and the failure is told after.
      const finished = await finishRecent(log, now).catch((e: unknown) => e);
      const reconciled = await log.claims.reconcile();
      if (typeof finished !== 'number') throw finished;
      return finished + reconciled;
    },
    async foldRollups(budgetMs) {
      return (await foldRollups(db, names, { maxOrders: FOLD_ON_SWEEP, budgetMs })).folded;
    },

    async onBehalfCounts(communityId, period, cut) {
      return onBehalfCounts(await coll(names.orders), _, communityId, period, cut);
    },

    async pruneReplies(before) {
      // A multi-document remove may stop short of all it matched: repeat until one removes nothing.
      const replies = await coll(names.replies);
      // The transitions' replies, kept in their orders' documents.
      let removed = await pruneKeptReplies(db, names, before);
      for (let round = 0; round < 1000; round++) {
        const res = (await replies.where({ at: _.lt(before) }).remove()) as { deleted?: number | string };
        const n = Number(res.deleted) || 0;
        if (n === 0) break;
        removed += n;
      }
      return removed;
    },
    async getReply(key, orderId) {
      // A transition's reply is kept in its order's document, which a retry names: read it by id.
      if (orderId) {
        const order = rowsOf(await (await coll(names.orders)).doc(orderId).get())[0];
        const kept = keptReplies(order).find((r) => r.key === key);
        if (kept) return toStoredReply(kept);
      }
      // A create's reply is a document of its own (so is one stored before transitions kept theirs in
      // the order, or one whose entry the order's list has dropped): read it by id.
      const found = rowsOf(await (await coll(names.replies)).doc(key).get());
      if (found[0]) return toReply(found[0]);
      // Asked without saying where: any order's kept replies, by the request_key index; for a new
      // order (null), the entry of the order it created (its id came from the request: no document).
      return orderId === undefined || orderId === null ? findKeptReply(db, names, key, orderId === null) : null;
    },
    async commit(change) {
      return commitLogged(log, change);
    },
    async openOrder(id) {
      const session = await openLoggedSession(log, id);
      // The session's own calls leave the port as the store's do: the database's failures as outages.
      return {
        order: session.order,
        commit: (c) => session.commit(c).catch(asOutage),
        release: () => session.release().catch(asOutage),
        openOrdersOf: (ids) => session.openOrdersOf!(ids).catch(asOutage),
      };
    },

    async clear() {
      for (const name of names.all) await removeAll(db.collection(name), _);
    },
    async close() {
      // The SDK keeps no connection open: each call is an HTTPS request.
    },
  };
  // What the SDK throws (network, quota, the database's own errors) is an outage; a TypeError is our bug.
  const translated = translatingOutages(store, isOutage);
  return opts.referenceTtlMs ? cachingReferences(translated, opts.referenceTtlMs) : translated;
}
