import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { LIMITS } from '@core';
import { Rate } from '@/components/nut/rate';
import { Field, LongText, SubmitRow, useActionSubmit, type FormProps } from './parts';

const ASPECTS = [
  { key: 'attitude', label: '服务态度' },
  { key: 'timeliness', label: '准时程度' },
  { key: 'quality', label: '服务质量' },
] as const;
const WORDS = ['', '很差', '较差', '一般', '满意', '非常满意'];

/** 确认完成并评价: three star ratings (态度/时效/质量) and a comment. */
export function RatingForm(p: FormProps<'confirm'>) {
  const [stars, setStars] = useState({ attitude: 5, timeliness: 5, quality: 5 });
  const [comment, setComment] = useState('');
  const { errors, submit } = useActionSubmit(p.action, p.onSubmit);
  return (
    <View>
      {ASPECTS.map((a) => (
        <Field key={a.key} label={a.label} error={errors[a.key]}>
          <View className="row">
            <Rate value={stars[a.key]} min={1} count={5} onChange={(v) => setStars((s) => ({ ...s, [a.key]: v }))} />
            <Text className="rating-word">{WORDS[stars[a.key]]}</Text>
          </View>
        </Field>
      ))}
      <Field label="想说的话（可不填）" error={errors.comment}>
        <LongText value={comment} onChange={setComment} max={LIMITS.comment} placeholder="说说这次服务怎么样" />
      </Field>
      <SubmitRow label={p.submitLabel} busy={p.busy} error={errors._} onClick={() => void submit({ ...stars, comment: comment.trim() })} />
    </View>
  );
}
