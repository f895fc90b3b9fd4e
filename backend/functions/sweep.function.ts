import { appError } from '@core';
import { keepHouse } from '../usecases/housekeeping';
import { runSweep } from '../usecases/sweep';
import type { Handler } from './define-function';

/** Wall-clock time a timer-triggered sweep spends before leaving the rest to its next run. */
export const SWEEP_BUDGET_MS = 40_000;

/**
 * The timer-triggered sweep (config.json beside its bundle sets the trigger). A timer call carries
 * no OPENID; a call from a user does, and is refused — the sweep is the system's, not anyone's.
 */
export const sweep: Handler = async (_event, caller, deps) => {
  if (caller !== null) return { ok: false, error: appError('AUTH.FORBIDDEN') };
  // cloudbaserc.json gives the function 60 s: sweep for 40 of them, a page of 50 at a time, and
  // leave the rest to the next minute's run (a commit is a few round trips of tens of ms each).
  const report = await runSweep(deps, { batch: 50, budgetMs: SWEEP_BUDGET_MS });
  return { ok: true, data: { ...report, housekeeping: await keepHouse(deps) } };
};
