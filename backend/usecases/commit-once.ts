import { fail, ok, type AppError, type Capacity, type Effect, type Order, type OrderEvent, type Result } from '@core';
import type { Deps } from '../runtime/deps';
import { fingerprint, replyKey } from '../runtime/idempotency';
import { rateLimited, type Limited } from '../runtime/rate-limit';
import type { CommitResult, StoredReply } from '../storage/port';

/** What a mutating request asks, to be committed once per request id. */
export interface Mutation {
  readonly userId: string;
  readonly requestId: string;
  /** Everything that identifies the request, for telling a retry from a reused id. */
  readonly request: unknown;
}

/** Looks up an earlier answer to the same request id: the retry gets it, a different request an error. */
export async function earlierReply<T>(deps: Deps, m: Mutation): Promise<Result<T, AppError> | null> {
  const stored = await deps.store.getReply(replyKey(m.userId, m.requestId));
  return stored ? replayed<T>(stored, fingerprint(m.request)) : null;
}

function replayed<T>(stored: StoredReply, print: string): Result<T, AppError> {
  return stored.fingerprint === print ? ok(stored.reply as T) : fail('IDEMPOTENCY.KEY_REUSED');
}

/**
 * Writes a decision and the reply under the request id in one commit. Tells the caller whether it
 * lost a version race (so it can explain why) or a race with its own retry (so it replays). A
 * limited action (`spends`) spends a unit of the user's budget here, just before the write, and
 * gets it back unless the write happened: only accepted requests use up the budget.
 */
export async function commitOnce<T>(
  deps: Deps,
  m: Mutation,
  write: { order: Order; expectedVersion: number | null; event: OrderEvent; effects: readonly Effect[]; capacity?: Capacity },
  reply: T,
  spends?: Limited,
): Promise<Result<T, AppError> | 'version-conflict'> {
  const now = deps.now();
  const key = replyKey(m.userId, m.requestId);
  const print = fingerprint(m.request);
  const budget = spends ? deps.limits?.[spends] : undefined;
  if (spends && budget && !budget.take(m.userId, now)) return rateLimited(spends);
  let result: CommitResult;
  try {
    result = await deps.store.commit({
      order: write.order,
      expectedVersion: write.expectedVersion,
      events: [write.event],
      notifications: write.effects.map((e) => ({ id: deps.newId('n'), to: e.to, orderId: e.orderId, text: e.text, at: now })),
      reply: { key, fingerprint: print, reply, at: now },
      ...(write.capacity && { capacity: write.capacity }),
    });
  } catch (e) {
    budget?.giveBack(m.userId, now);
    throw e;
  }
  if (result.ok) return ok(reply);
  budget?.giveBack(m.userId, now);
  if (result.conflict === 'capacity' && write.capacity) return overCapacity(deps, write.capacity, write.event.action === 'grab');
  if (result.conflict === 'version') return 'version-conflict';
  const stored = await deps.store.getReply(key);
  return stored ? replayed<T>(stored, print) : fail('ORDER.VERSION_CONFLICT');
}

/** Another order reached the worker first: the grabber hears about their own hands, a dispatcher about the worker's. */
async function overCapacity(deps: Deps, cap: Capacity, grabbing: boolean): Promise<Result<never, AppError>> {
  if (grabbing) return fail('GRAB.OVER_CAPACITY', { max: cap.max });
  const worker = await deps.store.getRef('users', cap.workerId);
  return fail('WORKER.OVER_CAPACITY', { name: worker?.name ?? '该队员', max: cap.max });
}
