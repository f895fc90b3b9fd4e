import { useRef, useState } from 'react';
import { ORDER_FORMS, parse, type CreateOrderInput, type OrderView } from '@core';
import { askToSubscribe, asApiError, createOrder, newRequestId, type ApiError } from '@/api';
import { windowOf } from '@/components/time-window/presets';
import type { TimeChoice } from '@/components/time-window';
import { isFormProblem, showFailure } from './feedback';

/** What the resident has filled in so far. */
export interface OrderDraft {
  readonly serviceItemId: string;
  readonly householdId: string;
  readonly description: string;
  readonly time: TimeChoice;
  readonly photos: readonly string[];
  readonly contactName: string;
  readonly contactPhone: string;
}

/** Field problems by the form's field names. */
export type DraftErrors = Partial<
  Record<'serviceItemId' | 'householdId' | 'description' | 'timeWindow' | 'photos' | 'contactName' | 'contactPhone' | '_', string>
>;

const toDraftErrors = (details: Readonly<Record<string, string>>): DraftErrors => {
  const out: Record<string, string> = {};
  for (const [path, problem] of Object.entries(details)) {
    const field = path.replace(/^(order|input)\./, '').split(/[.[]/)[0] ?? '_';
    out[field] = out[field] ?? problem;
  }
  return out;
};

/**
 * 点单: checks the draft with the core's own schema and sends it. A press after a network failure
 * re-sends the very same request (same id, same times), so the order is created at most once.
 */
export function useCreateOrder(onCreated: (order: OrderView) => void) {
  const [errors, setErrors] = useState<DraftErrors>({});
  const [sending, setSending] = useState(false);
  const pending = useRef<{ key: string; requestId: string; input: CreateOrderInput } | null>(null);

  const submit = async (draft: OrderDraft) => {
    if (sending) return;
    const key = JSON.stringify(draft);
    let input: CreateOrderInput;
    let requestId: string;
    if (pending.current?.key === key) {
      ({ input, requestId } = pending.current);
    } else {
      const timeWindow = windowOf(draft.time.key, Date.now(), draft.time.day && draft.time.slot ? { day: draft.time.day, slot: draft.time.slot } : undefined);
      if (!timeWindow) return setErrors({ timeWindow: '请选择日期和时段' });
      const parsed = parse(ORDER_FORMS.create, {
        serviceItemId: draft.serviceItemId,
        householdId: draft.householdId,
        description: draft.description,
        timeWindow,
        photos: [...draft.photos],
        ...(draft.contactName.trim() ? { contactName: draft.contactName.trim() } : {}),
        ...(draft.contactPhone.trim() ? { contactPhone: draft.contactPhone.trim() } : {}),
      });
      if (!parsed.ok) return setErrors(toDraftErrors(parsed.error.details ?? {}));
      input = parsed.value;
      requestId = newRequestId();
      pending.current = { key, requestId, input };
    }
    // Still inside the tap: WeChat's prompt for 进度 messages (accepted, started, completed, refused).
    askToSubscribe('order');
    setErrors({});
    setSending(true);
    try {
      const { order } = await createOrder(requestId, input);
      pending.current = null;
      onCreated(order);
    } catch (e) {
      const failure: ApiError = asApiError(e);
      if (!failure.retryable) pending.current = null;
      if (isFormProblem(failure)) setErrors({ _: failure.message, ...toDraftErrors(failure.details) });
      else showFailure(failure, '没有提交成功');
    } finally {
      setSending(false);
    }
  };

  /** Forgets a field's problem once the resident changes that field: the message is about what was there before. */
  const clear = (field: keyof DraftErrors) =>
    setErrors((current) => {
      if (!current[field]) return current;
      const { [field]: _gone, ...rest } = current;
      return rest;
    });

  return { errors, sending, submit, clear };
}
