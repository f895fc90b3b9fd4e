import { useState } from 'react';
import type { AppError, Result } from '@core';
import { asApiError } from '@/api';
import { toastOk } from './feedback';

/** Field problems by the name a form shows them under. */
export type FieldProblems = Readonly<Record<string, string>>;

/**
 * One save of an admin form: the request already checked with the contract's own schema, then sent;
 * busy while sending, and every problem (the form's or the server's) kept by field, so each shows
 * beside its field and anything no field owns (a duplicate, a stale revision) under the button.
 * `fieldOf` names the field a problem's path belongs to.
 */
export function useCheckedSave(fieldOf: (path: string) => string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<FieldProblems>({});
  const byField = (details: Readonly<Record<string, string>>): FieldProblems =>
    Object.fromEntries(Object.entries(details).map(([path, problem]) => [fieldOf(path), problem]));
  /** Sends when `checked` holds; toasts `done`, then runs `after`. Answers whether it was saved. */
  const run = async (checked: Result<unknown, AppError>, send: () => Promise<void>, done: string, after?: () => void): Promise<boolean> => {
    setError('');
    if (!checked.ok) {
      setProblems(byField(checked.error.details ?? {}));
      return false;
    }
    setProblems({});
    setBusy(true);
    try {
      await send();
      toastOk(done);
      after?.();
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
  const reset = () => {
    setProblems({});
    setError('');
  };
  return { busy, error, problems, run, reset };
}
