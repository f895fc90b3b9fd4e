import { useState } from 'react';
import { View } from '@tarojs/components';
import { LIMITS } from '@core';
import { Chips, Field, LongText, SubmitRow, useActionSubmit, type FormProps } from './parts';

const TARGETS = [
  { value: 'dispatcher' as const, label: '物业调度' },
  { value: 'worker' as const, label: '服务队员' },
];
const DUE = [
  { value: 2, label: '2小时内' },
  { value: 24, label: '24小时内' },
  { value: 72, label: '3天内' },
  { value: null, label: '不限期' },
];

/** 督办: what must happen, who must do it, by when. */
export function InstructForm(p: FormProps<'instruct'>) {
  const [text, setText] = useState('');
  const [to, setTo] = useState<'dispatcher' | 'worker'>(p.order.assignment ? 'worker' : 'dispatcher');
  const [due, setDue] = useState<number | null>(24);
  const { errors, submit } = useActionSubmit(p.action, p.onSubmit);
  return (
    <View>
      <Field label="督办谁" error={errors.to}>
        <Chips options={TARGETS} value={to} onChange={setTo} />
      </Field>
      <Field label="限期" error={errors.dueInHours}>
        <Chips options={DUE} value={due} onChange={setDue} />
      </Field>
      <Field label="督办内容" error={errors.text}>
        <LongText value={text} onChange={setText} max={LIMITS.reason} placeholder="例如：请今天内上门，并向居民说明进度" />
      </Field>
      <SubmitRow label={p.submitLabel} busy={p.busy} error={errors._} onClick={() => void submit({ text: text.trim(), to, dueInHours: due })} />
    </View>
  );
}
