/** What one member of a batch came to: a value, or the error that undid only its own part. */
export type Settled<O> = { readonly ok: true; readonly value: O } | { readonly ok: false; readonly error: unknown };

interface Waiting<I, O> {
  readonly item: I;
  readonly resolve: (value: O) => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommitter<I, O> {
  /** Queues one item; settles once the batch holding it is durable (or has failed). */
  submit(item: I): Promise<O>;
  /** Runs whatever is queued now (before closing the database). */
  flush(): void;
}

/**
 * Group commit. better-sqlite3 is synchronous, so with synchronous=FULL every COMMIT's fsync stops
 * the whole process; under many clients most of a write's time is spent waiting for other writes'
 * fsyncs. Items submitted within one turn of the event loop are handed to `runBatch` together, to run
 * in one transaction with one COMMIT. `runBatch` gives each item its own outcome (a savepoint each),
 * so one item's conflict or error never undoes another's; if the batch itself throws (the COMMIT
 * failed), every item in it is rejected, because none of them is on disk. No promise resolves before
 * its COMMIT returned, so an acknowledged write is as durable as with one transaction per write.
 */
export function groupCommitter<I, O>(runBatch: (items: readonly I[]) => Settled<O>[]): GroupCommitter<I, O> {
  let queue: Waiting<I, O>[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let outcomes: Settled<O>[];
    try {
      outcomes = runBatch(batch.map((w) => w.item));
    } catch (e) {
      for (const w of batch) w.reject(e);
      return;
    }
    batch.forEach((w, i) => {
      const o = outcomes[i];
      if (o?.ok) w.resolve(o.value);
      else w.reject(o ? o.error : new Error('group commit: no outcome for an item'));
    });
  };

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          // After the I/O callbacks of this turn: every request read in this turn can join.
          setImmediate(flush);
        }
      });
    },
    flush,
  };
}
