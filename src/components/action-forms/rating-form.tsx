import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { LIMITS } from '@core';
import { Rate } from '@/components/nut/rate';
import { useElderMode } from '@/hooks/useElderMode';
import { Chips, Field, LongText, SubmitRow, useActionSubmit, type FieldErrors, type FormProps } from './parts';

const ASPECTS = [
  { key: 'attitude', label: '服务态度' },
  { key: 'timeliness', label: '准时程度' },
  { key: 'quality', label: '服务质量' },
] as const;
const WORDS = ['', '很差', '较差', '一般', '满意', '非常满意'];

type Aspect = (typeof ASPECTS)[number]['key'];

/** The optional words and the send button both forms end with. */
function CommentAndSend(p: {
  readonly comment: string;
  readonly onComment: (v: string) => void;
  readonly errors: FieldErrors;
  readonly form: FormProps<'confirm'>;
  readonly onSend: () => void;
}) {
  return (
    <>
      <Field label="想说的话（可不填）" error={p.errors.comment}>
        <LongText value={p.comment} onChange={p.onComment} max={LIMITS.comment} placeholder="说说这次服务怎么样" />
      </Field>
      <SubmitRow label={p.form.submitLabel} busy={p.form.busy} error={p.errors._} onClick={p.onSend} />
    </>
  );
}

/**
 * 长辈模式 asks one question instead of three rows of stars: satisfied, so-so or not. The answer
 * stands for the same stars on every aspect (满意 5, 一般 3, 不满意 1), so the 满意率 reads it as the
 * resident meant it (4 stars or more is satisfied).
 */
const ELDER_ANSWERS = [
  { value: 5, label: '满意' },
  { value: 3, label: '一般' },
  { value: 1, label: '不满意' },
] as const;

function ElderRatingForm(p: FormProps<'confirm'>) {
  const [answer, setAnswer] = useState<number | undefined>(undefined);
  const [comment, setComment] = useState('');
  const { errors, submit, clear, show } = useActionSubmit(p.action, p.onSubmit);
  const send = () => {
    if (answer === undefined) return show({ satisfied: '请选择您对这次服务是否满意' });
    void submit({ attitude: answer, timeliness: answer, quality: answer, comment: comment.trim() });
  };
  return (
    <View>
      <Field label="这次服务您满意吗？" error={errors.satisfied ?? errors.attitude}>
        <Chips
          options={ELDER_ANSWERS}
          value={answer}
          onChange={(v) => {
            setAnswer(v);
            clear('satisfied');
          }}
        />
      </Field>
      <CommentAndSend comment={comment} onComment={setComment} errors={errors} form={p} onSend={send} />
    </View>
  );
}

/**
 * 确认完成并评价: three star ratings (态度/时效/质量) and a comment. The stars start empty and each must
 * be chosen: a rating the resident did not give is not a rating. In 长辈模式, one question instead.
 */
export function RatingForm(p: FormProps<'confirm'>) {
  const [elder] = useElderMode();
  return elder ? <ElderRatingForm {...p} /> : <StarRatingForm {...p} />;
}

function StarRatingForm(p: FormProps<'confirm'>) {
  const [stars, setStars] = useState<Record<Aspect, number>>({ attitude: 0, timeliness: 0, quality: 0 });
  const [comment, setComment] = useState('');
  const { errors, submit, clear, show } = useActionSubmit(p.action, p.onSubmit);
  const rate = (key: Aspect, v: number) => {
    setStars((s) => ({ ...s, [key]: v }));
    clear(key);
  };
  const send = () => {
    const missing = ASPECTS.filter((a) => stars[a.key] === 0);
    if (missing.length > 0) return show(Object.fromEntries(missing.map((a) => [a.key, `请为${a.label}选择星级`])));
    void submit({ ...stars, comment: comment.trim() });
  };
  return (
    <View>
      {ASPECTS.map((a) => (
        <Field key={a.key} label={a.label} error={errors[a.key]}>
          <View className="row">
            <Rate value={stars[a.key]} count={5} onChange={(v) => rate(a.key, v)} />
            <Text className="rating-word">{WORDS[stars[a.key]]}</Text>
          </View>
        </Field>
      ))}
      <CommentAndSend comment={comment} onComment={setComment} errors={errors} form={p} onSend={send} />
    </View>
  );
}
