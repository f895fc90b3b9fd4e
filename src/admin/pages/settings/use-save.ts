import { useState } from 'react';
import { checkRequest, type AdminView } from '@core';
import { adminRequest, asApiError, updateService, updateSettings, type AdminChange } from '@/api';
import { toastOk } from '@/hooks/feedback';

/** Field problems keyed by the last step of their path ("defaultDeadlines.accept" → "accept", "redPriceFen"). */
export type SaveProblems = Readonly<Record<string, string>>;
const byField = (details: Readonly<Record<string, string>>): SaveProblems =>
  Object.fromEntries(Object.entries(details).map(([path, problem]) => [path.split('.').pop() ?? path, problem]));

/**
 * One save of the admin page: the request checked with the contract's own schema first, then sent;
 * busy while sending, the reply handed on, and every problem (the form's or the server's) kept by
 * field, so each card shows it beside the field it belongs to.
 */
export function useSave(onSaved: (view: AdminView) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<SaveProblems>({});
  const run = async <A extends 'updateSettings' | 'updateService'>(done: string, action: A, change: AdminChange<A>): Promise<boolean> => {
    setError('');
    const checked = checkRequest('admin', action, adminRequest<A>(change));
    if (!checked.ok) {
      setProblems(byField(checked.error.details ?? {}));
      return false;
    }
    setProblems({});
    setBusy(true);
    try {
      onSaved(
        await (action === 'updateSettings' ? updateSettings(change as AdminChange<'updateSettings'>) : updateService(change as AdminChange<'updateService'>)),
      );
      toastOk(done);
      return true;
    } catch (e) {
      const failure = asApiError(e);
      const fields = byField(failure.details);
      setProblems(fields);
      // A problem that names a field shows beside it; anything else under the button.
      if (Object.keys(fields).length === 0) setError(failure.message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, problems, run };
}
