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
 * Limits per person on every write. Two kinds:
 * - budgets on what was accepted (点单, 催单): a unit is spent by the very write that records the
 *   order or the 催单, so a request refused for any reason (invalid, forbidden, too soon, a
 *   conflict) costs none of it and two at once cannot both take the last one;
 * - ceilings on attempts at any write (every lifecycle action, 点单, 在岗, the admin's settings and
 *   catalogue, publishing the 考核, photo uploads), accepted or not, per minute and per hour: a refused
 *   request still costs the store some reads, and an accepted one some disk.
 * A retry of a request already answered gets its stored reply and costs none of them (a create
 * without photos learns it is a retry only at its write, and gives its attempt back then: readmit).
 * docs/api.md (Rate limits) gives the numbers and why a person never meets them.
 */
export interface Limits {
  /** Accepted 点单 per user. */
  readonly createOrder: RateLimiter;
  /** Accepted 催单 per user. */
  readonly urge: RateLimiter;
  /** Attempts at any write per user per minute, accepted or not. */
  readonly attempts: RateLimiter;
  /** Attempts at any write per user per hour: a script that stays just under the minute's ceiling. */
  readonly attemptsPerHour: RateLimiter;
  /** Photo uploads per user per hour (each up to 5 MiB). */
  readonly uploads: RateLimiter;
}

/** The actions with a budget of their own in `Limits`. */
export type Limited = 'createOrder' | 'urge';

const HOUR_MS = 60 * 60_000;

/** The product's defaults: far above what a person does by hand, far below what a script does. */
export const defaultLimits = (): Limits => ({
  createOrder: slidingWindow(20, 60_000),
  urge: slidingWindow(10, 60_000),
  attempts: slidingWindow(120, 60_000),
  attemptsPerHour: slidingWindow(1200, HOUR_MS),
  uploads: slidingWindow(60, HOUR_MS),
});

/** What the refusal names as done too often. */
const WHAT: Record<Limited, '下单' | '操作'> = { createOrder: '下单', urge: '操作' };

/** The refusal of an action over its limit. */
/** The refusal of an action over its limit (any write, when no action with a budget of its own is named). */
export const rateLimited = (kind?: Limited): Err<AppError> => fail('REQUEST.RATE_LIMITED', { what: kind ? WHAT[kind] : '操作' });

/**
 * Lets an attempt at a write go ahead, or refuses it before it touches the store: counts it against
 * the ceilings on attempts and, for an action with a budget of its own, refuses it if that budget is
 * already spent. The budget itself is spent by the write (see `commitOnce`).
 */
export function admit(limits: Limits | undefined, kind: Limited | null, userId: string, now: number): boolean {
  if (!limits) return true;
  if (!limits.attempts.take(userId, now)) return false;
  if (!limits.attemptsPerHour.take(userId, now)) {
    limits.attempts.giveBack(userId, now);
    return false;
  }
  return kind === null || limits[kind].hasRoom(userId, now);
}

/** `admit` for a write without a budget of its own, as the refusal to return (null: go ahead). */
export const refuseWrite = (limits: Limits | undefined, userId: string, now: number): Err<AppError> | null =>
  admit(limits, null, userId, now) ? null : rateLimited();

/** Gives back what `admit` took at `at`: the attempt turned out to be a retry answered from its first reply, which costs none. */
export function readmit(limits: Limits | undefined, userId: string, at: number): void {
  limits?.attempts.giveBack(userId, at);
  limits?.attemptsPerHour.giveBack(userId, at);
}
