import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { LIMITS, type ActionInputRequest } from '@core';
import { TimeWindowPicker, type TimeChoice } from '@/components/time-window';
import { windowOf } from '@/components/time-window/presets';
import { windowText } from '@/components/format';
import { Chips, Field, LongText, SubmitRow, useActionSubmit, type FormProps } from './parts';

/** The actions that choose a new booked time: the resident's 改约 and the worker's proposal. */
type TimeAction = 'reschedule' | 'propose_time';

const COPY: Record<TimeAction, { when: string; reason: string; placeholder: string; presets: string[] }> = {
  reschedule: { when: '改到什么时候', reason: '改约原因（可不填）', placeholder: '可以告诉师傅为什么改时间', presets: ['临时有事', '家中无人', '想早点来'] },
  propose_time: {
    when: '建议改到什么时候',
    reason: '为什么要改时间',
    placeholder: '例如：上门时家中无人；需要先去买配件',
    presets: ['上门时家中无人', '需要先买配件', '原定时间赶不过去'],
  },
};

/** 改约 · 提议改时间: a new day and slot (like 点单's), and a reason the other side reads. */
export function TimeForm<A extends TimeAction>(p: FormProps<A>) {
  const copy = COPY[p.action];
  const [time, setTime] = useState<TimeChoice>({ key: 'custom', day: null, slot: null });
  const [reason, setReason] = useState('');
  const { errors, submit } = useActionSubmit(p.action, p.onSubmit);
  const [pickProblem, setPickProblem] = useState('');
  const send = () => {
    const chosen = windowOf(time.key, Date.now(), time.day && time.slot ? { day: time.day, slot: time.slot } : undefined);
    if (!chosen) return setPickProblem('请选择日期和时段');
    setPickProblem('');
    void submit({ timeWindow: chosen, reason: reason.trim() } as ActionInputRequest<A>);
  };
  return (
    <View>
      <Text className="muted">现在约的是：{windowText(p.order.timeWindow)}</Text>
      <View className="gap" />
      <Field label={copy.when} error={pickProblem || errors.timeWindow}>
        <TimeWindowPicker value={time} onChange={setTime} simple={false} now={Date.now()} />
      </Field>
      <Field label={copy.reason} error={errors.reason}>
        <Chips options={copy.presets.map((t) => ({ value: t, label: t }))} value={reason} onChange={setReason} />
        <View className="gap" />
        <LongText value={reason} onChange={setReason} max={LIMITS.reason} placeholder={copy.placeholder} />
      </Field>
      <SubmitRow label={p.submitLabel} busy={p.busy} error={errors._} onClick={send} />
    </View>
  );
}
