import { useState } from 'react';
import { Input } from '@tarojs/components';
import { asApiError, type ApiError } from '@/api';
import { Field, type FieldErrors } from '@/components/action-forms/parts';
import { isFormProblem, showFailure } from '@/hooks/feedback';

/**
 * Sends a joining form one request at a time and keeps the problems by field. A failure the form can
 * show (a field's problem, or one `fieldProblem` places under a field) stays in the form; any other
 * goes to a toast or dialog.
 */
export function useJoinSubmit<T>(onDone: (result: T) => void, fieldProblem?: (error: ApiError) => FieldErrors | null) {
  const [problems, setProblems] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const send = async (request: () => Promise<T>) => {
    setProblems({});
    setBusy(true);
    try {
      onDone(await request());
    } catch (e) {
      const error = asApiError(e);
      const shown = isFormProblem(error) ? error.details : (fieldProblem?.(error) ?? null);
      if (shown) setProblems(shown);
      else showFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return { problems, busy, send, show: setProblems };
}

interface ContactProps {
  readonly name: string;
  readonly phone: string;
  readonly onName: (name: string) => void;
  readonly onPhone: (phone: string) => void;
  readonly problems: FieldErrors;
}

/** 姓名 and 手机号 of a newcomer: the same two fields whether they apply or redeem a code. */
export function ContactFields({ name, phone, onName, onPhone, problems }: ContactProps) {
  return (
    <>
      <Field label="姓名" error={problems.name}>
        <Input className="text-input" placeholder="您的姓名" value={name} maxlength={20} onInput={(e) => onName(e.detail.value)} />
      </Field>
      <Field label="手机号" error={problems.phone}>
        <Input className="text-input" type="number" placeholder="11位手机号" value={phone} maxlength={11} onInput={(e) => onPhone(e.detail.value)} />
      </Field>
    </>
  );
}
