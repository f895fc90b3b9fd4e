import {
  canSee,
  notificationAbout,
  fail,
  ok,
  orderIndex,
  type Actor,
  type AppError,
  type Capacity,
  type Effect,
  type IndexSettings,
  type Order,
  type OrderEvent,
  type OrderView,
  type Result,
} from '@core';
import type { Deps } from '../runtime/deps';
import { fingerprint, isReplyRef, replyKey, type ReplyRef } from '../runtime/idempotency';
import { rateLimited, type Limited } from '../runtime/rate-limit';
import type { Commit, CommitResult, StoredReply } from '../storage/port';
import { viewOrder } from './order-view';
import { afterCommit } from '../messaging/deliver';

/** What a mutating request asks, to be committed once per request id. */
export interface Mutation {
  readonly userId: string;
  readonly requestId: string;
  /** Everything that identifies the request, for telling a retry from a reused id. */
  readonly request: unknown;
}

/** What every write on an order answers: the order as the caller sees it after the write. */
export type OrderReply = { order: OrderView };

/**
 * Looks up an earlier answer to the same request id: the retry gets it, a different request an error.
 * `orderId`: the order the request acts on, null for one that makes a new order (see Store.getReply).
 */
export async function earlierReply(deps: Deps, m: Mutation, actor: Actor, orderId: string | null): Promise<Result<OrderReply, AppError> | null> {
  const stored = await deps.store.getReply(replyKey(m.userId, m.requestId), orderId);
  return stored ? replayed(deps, stored, fingerprint(m.request), actor) : null;
}

/**
 * Rebuilds the first answer from the stored reference. While the order is still at the version the
 * write made, that is exactly the first answer (the view is computed at the moment of the write).
 * Once someone moved it on, the retry learns the order as it is now, if the caller may still see it.
 * A data file from before stored the whole view: that is answered as stored.
 */
async function replayed(deps: Deps, stored: StoredReply, print: string, actor: Actor): Promise<Result<OrderReply, AppError>> {
  if (stored.fingerprint !== print) return fail('IDEMPOTENCY.KEY_REUSED');
  if (!isReplyRef(stored.reply)) return ok(stored.reply as OrderReply);
  const order = await deps.store.getOrder(stored.reply.orderId);
  if (!order || !canSee(order, actor)) return fail('ORDER.NOT_FOUND');
  return ok({ order: viewOrder(order, actor, order.version === stored.reply.version ? stored.at : deps.now()) });
}

/**
 * Writes a decision and a reference to it under the request id in one commit, and answers the order
 * as `actor` sees it at `now`. Tells the caller whether it lost a version race (so it can explain
 * why) or a race with its own retry (so it replays). A limited action (`spends`) spends a unit of
 * the user's budget here, just before the write, and gets it back unless the write happened: only
 * accepted requests use up the budget.
 */
export async function commitOnce(
  deps: Deps,
  m: Mutation,
  write: {
    order: Order;
    expectedVersion: number | null;
    event: OrderEvent;
    /** Events after `event` in the same write (a new order's automatic dispatch). */
    more?: readonly OrderEvent[];
    effects: readonly Effect[];
    capacity?: Capacity;
    /** The community's settings the order is indexed under (null: no community found). */
    settings: IndexSettings | null;
  },
  actor: Actor,
  now: number,
  spends?: Limited,
  /** How to write: the commit of the session the order was read in (openOrderSession); else the store's. */
  commit?: (change: Commit) => Promise<CommitResult>,
): Promise<Result<OrderReply, AppError> | 'version-conflict'> {
  const key = replyKey(m.userId, m.requestId);
  const print = fingerprint(m.request);
  const budget = spends ? deps.limits?.[spends] : undefined;
  if (spends && budget && !budget.take(m.userId, now)) return rateLimited(spends);
  const ref: ReplyRef = { orderId: write.order.id, version: write.order.version };
  let result: CommitResult;
  const notifications = write.effects.map((e) => ({
    id: deps.newId('n'),
    to: e.to,
    orderId: e.orderId,
    text: e.text,
    about: notificationAbout(write.order),
    at: now,
  }));
  // The reply's view is made before the write, not after: code that runs right after the commit's
  // fsync finds the CPU's caches cold, and the view took three or four times as long there
  // (docs/performance.md, session 20).
  const view = viewOrder(write.order, actor, now);
  try {
    const change: Commit = {
      order: write.order,
      index: orderIndex(write.order, write.settings),
      expectedVersion: write.expectedVersion,
      events: [write.event, ...(write.more ?? [])],
      notifications,
      reply: { key, fingerprint: print, reply: ref, at: now },
      ...(write.capacity && { capacity: write.capacity }),
    };
    // No default closure over `deps`: one made per call had V8 compile it afresh again and again.
    result = await (commit ? commit(change) : deps.store.commit(change));
  } catch (e) {
    budget?.giveBack(m.userId, now);
    throw e;
  }
  if (result.ok) {
    // After the commit, never before: WeChat's answer cannot fail or hold up the order's write.
    afterCommit(deps, { order: write.order, events: [write.event, ...(write.more ?? [])], notifications });
    return ok({ order: view });
  }
  budget?.giveBack(m.userId, now);
  if (result.conflict === 'capacity' && write.capacity) return overCapacity(deps, write.capacity, write.event.action === 'grab');
  if (result.conflict === 'version') return 'version-conflict';
  const stored = await deps.store.getReply(key, write.expectedVersion === null ? null : write.order.id);
  return stored ? replayed(deps, stored, print, actor) : fail('ORDER.VERSION_CONFLICT');
}

/** Another order reached the worker first: the grabber hears about their own hands, a dispatcher about the worker's. */
async function overCapacity(deps: Deps, cap: Capacity, grabbing: boolean): Promise<Result<never, AppError>> {
  if (grabbing) return fail('GRAB.OVER_CAPACITY', { max: cap.max });
  const worker = await deps.store.getRef('users', cap.workerId);
  return fail('WORKER.OVER_CAPACITY', { name: worker?.name ?? '该队员', max: cap.max });
}
