import { useState, type PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { ACTION_INPUTS, parse, type ActionInputRequest, type ActionType, type OrderView } from '@core';
import type { ApiError } from '@/api';
import { Button } from '@/components/nut/button';
import { isFormProblem } from '@/hooks/feedback';
import { TextArea } from '@/components/nut/textarea';
import './action-forms.scss';

/** A labelled field with its problem, if any, under it. */
export function Field({ label, error, children }: PropsWithChildren<{ readonly label: string; readonly error?: string }>) {
  return (
    <View className="field">
      <Text className="field-label">{label}</Text>
      {children}
      {error ? <Text className="field-error">{error}</Text> : null}
    </View>
  );
}

/** Tappable choices in a row (large targets for elderly users). */
export function Chips<T extends string | number | boolean | null>({
  options,
  value,
  onChange,
}: {
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly value: T | undefined;
  readonly onChange: (v: T) => void;
}) {
  return (
    <View className="chips">
      {options.map((o) => (
        <View key={String(o.value)} className={`chip${o.value === value ? ' active' : ''}`} onClick={() => onChange(o.value)}>
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** A multi-line text box with a character counter. */
export function LongText({
  value,
  onChange,
  max,
  placeholder,
}: {
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly max: number;
  readonly placeholder: string;
}) {
  // long-text: body-sized letters in the box (NutUI's own stylesheet sets 14px), see action-forms.scss.
  return <TextArea className="long-text" value={value} onChange={onChange} maxLength={max} showCount autoSize placeholder={placeholder} />;
}

/** Field problems by field name ("reason" → "不能为空"), from the core's own validator or the server. */
export type FieldErrors = Readonly<Record<string, string>>;

/** Field problems keyed by the input's own field ("input.photos[1]" → "photos"), the first one per field. */
export function fieldErrors(details: Readonly<Record<string, string>>): FieldErrors {
  const out = new Map<string, string>();
  for (const [path, problem] of Object.entries(details)) {
    const field = path.replace(/^input\./, '').split(/[.[]/)[0] || path;
    if (!out.has(field)) out.set(field, problem);
  }
  return Object.fromEntries(out);
}

/** Checks an action's input with the same schema the server uses, every problem at once; null when it is fine. */
export function checkInput(action: ActionType, input: unknown): FieldErrors | null {
  const r = parse(ACTION_INPUTS[action], input);
  return r.ok ? null : fieldErrors(r.error.details ?? {});
}

/** What every action form receives from the panel: one of the actions it serves, and how to send that action's input. */
export interface FormProps<A extends ActionType = ActionType> {
  readonly action: A;
  readonly order: OrderView;
  readonly busy: boolean;
  readonly submitLabel: string;
  /** Sends the input; resolves to null when done, or the failure. */
  readonly onSubmit: (input: ActionInputRequest<A>) => Promise<ApiError | null>;
}

/**
 * Validates with the core's schema, sends, and keeps the problems by field. A failure without field
 * details (already explained by the panel) leaves the form as it was.
 */
export function useActionSubmit<A extends ActionType>(action: A, onSubmit: FormProps<A>['onSubmit']) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (input: ActionInputRequest<A>) => {
    const problems = checkInput(action, input);
    if (problems) {
      setErrors(problems);
      return;
    }
    setErrors({});
    const failure = await onSubmit(input);
    if (!failure) return;
    if (failure.code === 'ORDER.REASON_REQUIRED') setErrors({ reason: failure.details.reason ?? failure.message, ...fieldErrors(failure.details) });
    else if (failure.code === 'INPUT.INVALID' || failure.code === 'FILE.NOT_FOUND') {
      const fe = fieldErrors(failure.details);
      setErrors(Object.keys(fe).length > 0 ? fe : { _: failure.message });
    } else if (failure.code === 'INSTRUCTION.NOT_DISPATCHED') {
      setErrors({ to: failure.message }); // 督办 the dispatcher instead: the choice of whom is the field to change
    } else if (isFormProblem(failure)) {
      setErrors({ _: failure.message });
    }
  };
  // A problem goes away as soon as its field is edited: "不能为空" must not linger while the resident types.
  const clear = (field: string) => setErrors((e) => (field in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)) : e));
  return { errors, submit, clear, show: setErrors };
}

/** The form's closing button, with any problem that belongs to no single field above it. */
export function SubmitRow({
  label,
  busy,
  disabled,
  error,
  onClick,
}: {
  readonly label: string;
  readonly busy: boolean;
  readonly disabled?: boolean;
  readonly error?: string;
  readonly onClick: () => void;
}) {
  return (
    <View className="form-submit">
      {error ? <Text className="field-error">{error}</Text> : null}
      <Button type="primary" block size="large" loading={busy} disabled={busy || disabled} onClick={onClick}>
        {label}
      </Button>
    </View>
  );
}
