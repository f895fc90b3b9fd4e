/** A worker's open-order counter as stored (`rp_worker_load`, one document per worker, _id = worker id). */
export interface WorkerLoad {
  readonly count: number;
  /** Moves on with every write; a document written before revisions existed reads as 0, none at all as -1. */
  readonly rev: number;
}

/** The counter a stored document holds; a missing one counts nothing. */
export function workerLoadOf(doc: Record<string, unknown> | null | undefined): WorkerLoad {
  if (!doc) return { count: 0, rev: -1 };
  // Departures move the count down without reading it (commit.ts): one that drifted below zero holds nothing.
  return { count: typeof doc.count === 'number' ? Math.max(0, doc.count) : 0, rev: typeof doc.rev === 'number' ? doc.rev : 0 };
}

/** The document that replaces `was` with a new count. */
export const nextLoad = (was: WorkerLoad, count: number): WorkerLoad => ({ count, rev: Math.max(0, was.rev) + 1 });
