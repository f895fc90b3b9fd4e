/**
 * A sliding-window limit per key (a user): at most `limit` takes within `windowMs`. Kept in memory,
 * so per process: on CloudBase it bounds each warm container, which is what stops a runaway client
 * or script; the per-order rules of the core (催单 once per 30 minutes) hold everywhere.
 */
export interface RateLimiter {
  take(key: string, now: number): boolean;
}

export function slidingWindow(limit: number, windowMs: number, maxKeys = 10_000): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    take(key, now) {
      const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return false;
      }
      recent.push(now);
      if (!hits.has(key) && hits.size >= maxKeys) hits.delete(hits.keys().next().value as string);
      hits.set(key, recent);
      return true;
    },
  };
}

/** Limits on actions a person could repeat to flood the desk. */
export interface Limits {
  readonly createOrder: RateLimiter;
  readonly urge: RateLimiter;
}

/** The product's defaults: far above what a resident does by hand, far below what a script does. */
export const defaultLimits = (): Limits => ({
  createOrder: slidingWindow(20, 60_000),
  urge: slidingWindow(10, 60_000),
});
