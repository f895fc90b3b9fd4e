import { useState } from 'react';
import { View } from '@tarojs/components';
import { LIMITS, type ActionInputRequest, type Instruction } from '@core';
import { storage } from '@/api';
import { Chips, Field, LongText, SubmitRow, useActionSubmit, type FormProps } from './parts';

/** The 督办 addressed to the role I act in (a dispatcher answers those to 物业调度, a worker those to 服务队员). */
function addressedToMe(open: readonly Instruction[]): readonly Instruction[] {
  const role = storage.getRole();
  const mine = open.filter((i) => i.to === role);
  return mine.length > 0 ? mine : open;
}

/**
 * 回复督办 (dispatcher or worker) and 答复投诉 (supervisor): pick what is being answered — usually
 * there is one — and write the answer. The server checks it is addressed to the caller.
 */
export function AnswerForm<A extends 'reply' | 'answer'>(p: FormProps<A>) {
  const pending =
    p.action === 'reply'
      ? addressedToMe(p.order.instructions.filter((i) => !i.answer)).map((i) => ({ value: i.seq, label: `督办${i.overdue ? '（已超时）' : ''}：${i.text}` }))
      : p.order.complaints.filter((c) => !c.answer).map((c) => ({ value: c.seq, label: `投诉：${c.text}` }));
  const [seq, setSeq] = useState<number | undefined>(pending[0]?.value);
  const [text, setText] = useState('');
  const { errors, submit } = useActionSubmit(p.action, p.onSubmit);
  const reply = p.action === 'reply';
  return (
    <View>
      <Field label={pending.length > 1 ? (reply ? '回复哪一条督办' : '答复哪一条投诉') : reply ? '督办内容' : '投诉内容'} error={errors.seq}>
        <Chips options={pending} value={seq} onChange={setSeq} />
      </Field>
      <Field label={reply ? '回复内容' : '答复内容'} error={errors.text}>
        <LongText
          value={text}
          onChange={setText}
          max={LIMITS.reason}
          placeholder={reply ? '例如：已安排刘师傅今天下午上门' : '例如：已督促物业今天上门处理，请您留意电话'}
        />
      </Field>
      <SubmitRow
        label={p.submitLabel}
        busy={p.busy}
        disabled={seq === undefined}
        error={errors._}
        // 回复督办 and 答复投诉 take the same input: which one (seq) and the text.
        onClick={() => seq !== undefined && void submit({ seq, text: text.trim() } as ActionInputRequest<A>)}
      />
    </View>
  );
}
