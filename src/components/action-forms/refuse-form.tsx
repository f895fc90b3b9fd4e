import { useState } from 'react';
import { Input, View } from '@tarojs/components';
import { LIMITS } from '@core';
import { Chips, Field, LongText, SubmitRow, useActionSubmit, type FormProps } from './parts';

const PRESETS = ['不属于物业服务范围', '需由供水/供电单位处理', '信息不全，请补充后再下单'];

/** 退单: why, and where else the resident can turn (so a refusal never ends in limbo). */
export function RefuseForm(p: FormProps<'refuse'>) {
  const [reason, setReason] = useState('');
  const [redirect, setRedirect] = useState('');
  const { errors, submit } = useActionSubmit(p.action, p.onSubmit);
  return (
    <View>
      <Chips options={PRESETS.map((t) => ({ value: t, label: t }))} value={reason} onChange={setReason} />
      <View className="gap" />
      <Field label="退单原因" error={errors.reason}>
        <LongText value={reason} onChange={setReason} max={LIMITS.reason} placeholder="居民会看到这个原因" />
      </Field>
      <Field label="建议居民去哪里办（可不填）" error={errors.redirect}>
        <Input
          className="text-input"
          value={redirect}
          maxlength={LIMITS.reason}
          placeholder="例如：拨打供电服务热线 95598"
          onInput={(e) => setRedirect(e.detail.value)}
        />
      </Field>
      <SubmitRow label={p.submitLabel} busy={p.busy} error={errors._} onClick={() => void submit({ reason: reason.trim(), redirect: redirect.trim() })} />
    </View>
  );
}
