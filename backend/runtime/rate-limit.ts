import { fail, type AppError, type Err } from '@core';

/**
 * A sliding-window limit per key (a user): at most `limit` units within `windowMs`. Kept in memory,
 * so per process: on CloudBase it bounds each warm container, which is what stops a runaway client
 * or script; the per-order rules of the core (催单 once per 30 minutes) hold everywhere.
 */
export interface RateLimiter {
  /** Whether `key` has a unit left at `now`, without spending it. */
  hasRoom(key: string, now: number): boolean;
  /** Spends a unit of `key`'s at `now`; false, spending nothing, when none is left. */
  take(key: string, now: number): boolean;
  /** Gives back the unit taken at `at`: what it was spent on did not happen. */
  giveBack(key: string, at: number): void;
}

export function slidingWindow(limit: number, windowMs: number, maxKeys = 10_000): RateLimiter {
  const hits = new Map<string, number[]>();
  const recent = (key: string, now: number) => (hits.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    hasRoom: (key, now) => recent(key, now).length < limit,
    take(key, now) {
      const kept = recent(key, now);
      if (kept.length >= limit) {
        hits.set(key, kept);
        return false;
      }
      kept.push(now);
      if (!hits.has(key) && hits.size >= maxKeys) hits.delete(hits.keys().next().value as string);
      hits.set(key, kept);
      return true;
    },
    giveBack(key, at) {
      const times = hits.get(key);
      const i = times?.lastIndexOf(at) ?? -1;
      if (i >= 0) times!.splice(i, 1);
    },
  };
}

/**
 * Limits on actions a person could repeat to flood the desk. The budgets of 点单 and 催单 count only
 * what was accepted: a unit is spent by the very write that records the order or the 催单, so a
 * request refused for any reason (invalid, forbidden, too soon, a conflict) costs none of it and
 * two at once cannot both take the last one. Refused requests still cost the store some reads, so
 * every attempt at either, whatever becomes of it, counts against a much higher ceiling. A retry of
 * a request already answered gets its stored reply before either is looked at.
 */
export interface Limits {
  /** Accepted 点单 per user. */
  readonly createOrder: RateLimiter;
  /** Accepted 催单 per user. */
  readonly urge: RateLimiter;
  /** Attempts at 点单 or 催单 per user, accepted or not. */
  readonly attempts: RateLimiter;
}

/** The actions with a budget of their own in `Limits`. */
export type Limited = 'createOrder' | 'urge';

/** The product's defaults: far above what a resident does by hand, far below what a script does. */
export const defaultLimits = (): Limits => ({
  createOrder: slidingWindow(20, 60_000),
  urge: slidingWindow(10, 60_000),
  attempts: slidingWindow(120, 60_000),
});

/** What the refusal names as done too often. */
const WHAT: Record<Limited, '下单' | '操作'> = { createOrder: '下单', urge: '操作' };

/** The refusal of an action over its limit. */
export const rateLimited = (kind: Limited): Err<AppError> => fail('REQUEST.RATE_LIMITED', { what: WHAT[kind] });

/**
 * Lets an attempt at a limited action go ahead, or refuses it before it touches the store: counts it
 * against the ceiling on attempts, and refuses it if the user's budget for the action is already
 * spent. The budget itself is spent by the write (see `commitOnce`).
 */
export function admit(limits: Limits | undefined, kind: Limited, userId: string, now: number): boolean {
  return !limits || (limits.attempts.take(userId, now) && limits[kind].hasRoom(userId, now));
}
