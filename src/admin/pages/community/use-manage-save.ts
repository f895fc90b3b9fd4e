import { useState } from 'react';
import { checkRequest, type RequestOf } from '@core';
import { asApiError, manageSave, type ManageRequest, type ManageSave } from '@/api';
import { toastOk } from '@/hooks/feedback';

/** Field problems by the field's own name ("householdIds[2]" → "householdIds"). */
export type Problems = Readonly<Record<string, string>>;
const byField = (details: Readonly<Record<string, string>>): Problems =>
  Object.fromEntries(Object.entries(details).map(([path, problem]) => [path.split(/[.[]/)[0] ?? path, problem]));

/**
 * One save of a 社区管理 form: checked with the contract's own schema first, then sent; each
 * problem kept beside its field, anything else (a duplicate, a stale revision) under the button.
 */
export function useManageSave(onSaved: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const run = async <A extends ManageSave>(action: A, req: ManageRequest<A>, done = '已保存'): Promise<boolean> => {
    setError('');
    const checked = checkRequest('manage', action, { role: 'admin', ...req } as RequestOf<'manage', A>);
    if (!checked.ok) {
      setProblems(byField(checked.error.details ?? {}));
      return false;
    }
    setProblems({});
    setBusy(true);
    try {
      await manageSave(action, req);
      toastOk(done);
      onSaved();
      return true;
    } catch (e) {
      const failure = asApiError(e);
      const fields = byField(failure.details);
      setProblems(fields);
      if (Object.keys(fields).length === 0) setError(failure.message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    error,
    problems,
    run,
    reset: () => {
      setProblems({});
      setError('');
    },
  };
}
