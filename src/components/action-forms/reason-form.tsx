import { useState } from 'react';
import { View } from '@tarojs/components';
import { LIMITS, type ActionInputRequest } from '@core';
import { Chips, Field, LongText, SubmitRow, useActionSubmit, type FormProps } from './parts';

/** The one text field of a reason-like action, in plain words, with common answers to tap. */
/** The actions whose whole input is one text. */
type ReasonAction = 'cancel' | 'rework' | 'complain' | 'decline' | 'reopen' | 'refuse_time' | 'unroute';

const COPY: Record<ReasonAction, { label: string; placeholder: string; presets: string[]; field: 'reason' | 'text'; max: number }> = {
  cancel: {
    label: '取消原因（可不填）',
    placeholder: '可以告诉我们为什么取消',
    presets: ['不需要了', '时间不合适', '已自己解决'],
    field: 'reason',
    max: LIMITS.reason,
  },
  rework: { label: '哪里还没做好', placeholder: '请说明需要返工的地方', presets: ['问题没有解决', '又出现了同样的问题'], field: 'reason', max: LIMITS.reason },
  decline: {
    label: '退回原因',
    placeholder: '请说明不能接这单的原因',
    presets: ['时间冲突', '不在服务范围', '手头工单太多'],
    field: 'reason',
    max: LIMITS.reason,
  },
  reopen: {
    label: '重新打开的原因',
    placeholder: '例如：回访发现问题没有解决',
    presets: ['回访发现问题未解决', '居民反映服务不到位'],
    field: 'reason',
    max: LIMITS.reason,
  },
  refuse_time: {
    label: '不同意的原因（可不填）',
    placeholder: '例如：今天就需要，请按原来约的时间来',
    presets: ['请按原来约的时间来', '那天家里没人'],
    field: 'reason',
    max: LIMITS.reason,
  },
  unroute: {
    label: '退回原因',
    placeholder: '例如：供电所答复路灯属城管维护',
    presets: ['部门答复不属其职责', '需要重新分派'],
    field: 'reason',
    max: LIMITS.reason,
  },
  complain: {
    label: '投诉内容',
    placeholder: '请写下您遇到的问题，社区会跟进处理',
    // The usual complaints, one tap each (长辈模式 above all): the text box still takes anything else.
    presets: ['师傅没有按时上门', '服务态度不好', '活没有干好', '收费和说好的不一样'],
    field: 'text',
    max: LIMITS.reason,
  },
};

/** 取消 · 返工 · 退回 · 重新打开 · 投诉: one text and a button. */
export function ReasonForm<A extends ReasonAction>(p: FormProps<A>) {
  const copy = COPY[p.action];
  const [text, setText] = useState('');
  const { errors, submit, clear } = useActionSubmit(p.action, p.onSubmit);
  const edit = (t: string) => {
    setText(t);
    clear(copy.field);
  };
  return (
    <View>
      {copy.presets.length > 0 ? <Chips options={copy.presets.map((t) => ({ value: t, label: t }))} value={text} onChange={edit} /> : null}
      <View className="gap" />
      <Field label={copy.label} error={errors[copy.field]}>
        <LongText value={text} onChange={edit} max={copy.max} placeholder={copy.placeholder} />
      </Field>
      <SubmitRow label={p.submitLabel} busy={p.busy} error={errors._} onClick={() => void submit({ [copy.field]: text.trim() } as ActionInputRequest<A>)} />
    </View>
  );
}
