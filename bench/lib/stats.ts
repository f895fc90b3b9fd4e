/** Latency summary in milliseconds. */
export interface Latency {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Nearest-rank percentile of sorted values. */
const rank = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

export function summarize(samples: readonly number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return { n: s.length, p50: rank(s, 50), p95: rank(s, 95), p99: rank(s, 99), max: s[s.length - 1] ?? NaN, mean: s.length ? sum / s.length : NaN };
}

export const median = (xs: readonly number[]) =>
  rank(
    [...xs].sort((a, b) => a - b),
    50,
  );

/** Milliseconds since some fixed moment, sub-millisecond. */
export const now = () => performance.now();

/** Times an async function: [result, ms]. */
export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = now();
  const r = await fn();
  return [r, now() - t];
}

/** Rounds for display and JSON: 3 significant-ish digits. */
export function round(x: number, digits = 1): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
