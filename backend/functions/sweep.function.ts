import { appError } from '@core';
import { keepHouse } from '../usecases/housekeeping';
import { runSweep } from '../usecases/sweep';
import type { Handler } from './define-function';

/**
 * The timer-triggered sweep (config.json beside its bundle sets the trigger). A timer call carries
 * no OPENID; a call from a user does, and is refused — the sweep is the system's, not anyone's.
 */
export const sweep: Handler = async (_event, caller, deps) => {
  if (caller !== null) return { ok: false, error: appError('AUTH.FORBIDDEN') };
  const report = await runSweep(deps);
  return { ok: true, data: { ...report, housekeeping: await keepHouse(deps) } };
};
