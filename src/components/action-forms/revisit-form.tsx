import { useState } from 'react';
import { View } from '@tarojs/components';
import { LIMITS } from '@core';
import { Chips, Field, LongText, SubmitRow, useActionSubmit, type FormProps } from './parts';

/** 回访: did we reach the resident, are they satisfied, what did they say. */
export function RevisitForm(p: FormProps<'revisit'>) {
  const [reached, setReached] = useState<boolean>(true);
  const [satisfied, setSatisfied] = useState<boolean | null>(true);
  const [notes, setNotes] = useState('');
  const { errors, submit } = useActionSubmit(p.action, p.onSubmit);
  return (
    <View>
      <Field label="联系上居民了吗" error={errors.reached}>
        <Chips
          options={[
            { value: true, label: '联系上了' },
            { value: false, label: '没联系上' },
          ]}
          value={reached}
          onChange={setReached}
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
            onChange={setSatisfied}
          />
        </Field>
      ) : null}
      <Field label="回访记录（可不填）" error={errors.notes}>
        <LongText value={notes} onChange={setNotes} max={LIMITS.notes} placeholder="居民说了什么" />
      </Field>
      <SubmitRow
        label={p.submitLabel}
        busy={p.busy}
        error={errors._}
        onClick={() => void submit({ reached, satisfied: reached ? satisfied : null, notes: notes.trim() })}
      />
    </View>
  );
}
