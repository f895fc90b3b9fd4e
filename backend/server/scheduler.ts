import type { Deps } from '../runtime/deps';
import { keepHouse } from '../usecases/housekeeping';
import { runSweep, type SweepReport } from '../usecases/sweep';

/**
 * The local stand-in for CloudBase's timer trigger: sweeps every interval, one sweep at a time
 * (the sweep is safe to overlap, but there is no point in queueing them up).
 */
export function startSweeper(deps: Deps, everyMs: number): { stop(): Promise<void>; sweepNow(): Promise<SweepReport> } {
  let running: Promise<SweepReport> | null = null;
  let housekeeping: Promise<unknown> | null = null;
  const sweepNow = () => {
    running ??= runSweep(deps).finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    sweepNow().catch((e: unknown) => console.error('[sweep] failed', e));
    // Expired replies (and, with a file store, stale uploads) go on the same beat as the sweep.
    housekeeping ??= keepHouse(deps)
      .catch((e: unknown) => console.error('[housekeeping] failed', e))
      .finally(() => {
        housekeeping = null;
      });
  }, everyMs);
  timer.unref();
  /** Stops the beat and waits for a sweep or housekeeping still under way, so the store can close after it. */
  const stop = async () => {
    clearInterval(timer);
    await Promise.allSettled([running, housekeeping]);
  };
  return { stop, sweepNow };
}

/** A clock the local server can move forward, to show deadlines passing without waiting for them. */
export function adjustableClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms: number) => {
      offset += ms;
    },
  };
}
