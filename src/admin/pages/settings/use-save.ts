import { useState } from 'react';
import type { AdminView } from '@core';
import { asApiError, detailText } from '@/api';
import { toastOk } from '@/hooks/feedback';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  redPriceFen: '红色价格',
  marketPriceFen: '市场价',
  weights: '考核权重',
  escalationMinutes: '升级间隔',
};

/** One save of the admin page: busy while sending, the reply handed on, the failure in words. */
export function useSave(onSaved: (view: AdminView) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (done: string, send: () => Promise<AdminView>): Promise<boolean> => {
    setBusy(true);
    setError('');
    try {
      onSaved(await send());
      toastOk(done);
      return true;
    } catch (e) {
      const failure = asApiError(e);
      setError(detailText(failure, FIELD_LABELS) || failure.message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
