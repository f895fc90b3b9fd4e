import { useState } from 'react';
import { View } from '@tarojs/components';
import { LIMITS } from '@core';
import { Chips, Field, LongText, SubmitRow, useActionSubmit, type FormProps } from './parts';

/**
 * 回访: did we reach the resident, are they satisfied, what did they say. Nothing is chosen until the
 * supervisor chooses it: a visit's "满意" outweighs the resident's own rating in 满意率, so a form
 * saved untouched must not record one.
 */
export function RevisitForm(p: FormProps<'revisit'>) {
  const [reached, setReached] = useState<boolean | undefined>(undefined);
  const [satisfied, setSatisfied] = useState<boolean | null | undefined>(undefined);
  const [notes, setNotes] = useState('');
  const { errors, submit, clear, show } = useActionSubmit(p.action, p.onSubmit);
  const save = () => {
    if (reached === undefined) return show({ reached: '请选择是否联系上居民' });
    if (reached && satisfied === undefined) return show({ satisfied: '请选择居民是否满意' });
    void submit({ reached, satisfied: reached ? (satisfied ?? null) : null, notes: notes.trim() });
  };
  return (
    <View>
      <Field label="联系上居民了吗" error={errors.reached}>
        <Chips
          options={[
            { value: true, label: '联系上了' },
            { value: false, label: '没联系上' },
          ]}
          value={reached}
          onChange={(v) => {
            setReached(v);
            clear('reached');
          }}
        />
      </Field>
      {reached ? (
        <Field label="居民满意吗" error={errors.satisfied}>
          <Chips
            options={[
              { value: true, label: '满意' },
              { value: false, label: '不满意' },
              { value: null, label: '没有表态' },
            ]}
            value={satisfied}
            onChange={(v) => {
              setSatisfied(v);
              clear('satisfied');
            }}
          />
        </Field>
      ) : null}
      <Field label="回访记录（可不填）" error={errors.notes}>
        <LongText value={notes} onChange={setNotes} max={LIMITS.notes} placeholder="居民说了什么" />
      </Field>
      <SubmitRow label={p.submitLabel} busy={p.busy} error={errors._} onClick={save} />
    </View>
  );
}
