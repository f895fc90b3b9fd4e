import type { PropsWithChildren } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Field } from '@/components/action-forms/parts';
import { Button } from '@/components/nut/button';

/** A one-line text field of a 社区管理 form, with its problem under it. */
export function TextField({
  label,
  value,
  onChange,
  error,
  max,
  type = 'text',
  placeholder,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly error?: string;
  readonly max: number;
  readonly type?: 'text' | 'number' | 'digit';
  readonly placeholder?: string;
}) {
  return (
    <Field label={label} error={error}>
      <Input
        className="text-input"
        type={type}
        value={value}
        maxlength={max}
        placeholder={placeholder}
        nativeProps={{ 'aria-label': label }}
        onInput={(e) => onChange(e.detail.value)}
      />
    </Field>
  );
}

/** Choices of which any number may be picked (categories, members, households). */
export function MultiChips<T extends string>({
  options,
  value,
  onChange,
}: {
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly value: readonly T[];
  readonly onChange: (v: T[]) => void;
}) {
  const toggle = (v: T) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  return (
    <View className="chips">
      {options.map((o) => (
        <View key={o.value} className={`chip${value.includes(o.value) ? ' active' : ''}`} onClick={() => toggle(o.value)}>
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** A form's card: its title (添加 or 修改), the fields, the error no field owns, and save / cancel. */
export function FormCard({
  title,
  editing,
  busy,
  error,
  onSave,
  onCancel,
  saveText,
  children,
}: PropsWithChildren<{
  readonly title: string;
  readonly editing: boolean;
  readonly busy: boolean;
  readonly error: string;
  readonly onSave: () => void;
  readonly onCancel: () => void;
  readonly saveText?: string;
}>) {
  return (
    <View className={`card manage-form${editing ? ' editing' : ''}`}>
      <Text className="card-title">{title}</Text>
      {children}
      {error ? <Text className="field-error manage-error">{error}</Text> : null}
      <View className="manage-actions">
        {editing ? <Button onClick={onCancel}>取消修改</Button> : null}
        <Button type="primary" loading={busy} disabled={busy} onClick={onSave}>
          {saveText ?? (editing ? '保存修改' : '添加')}
        </Button>
      </View>
    </View>
  );
}

/** A row of a list that opens its form when tapped. */
export function ListRow({
  title,
  detail,
  tag,
  onClick,
}: {
  readonly title: string;
  readonly detail?: string;
  readonly tag?: string;
  readonly onClick?: () => void;
}) {
  return (
    <View className={`manage-row${onClick ? ' tappable' : ''}`} onClick={onClick}>
      <View className="row-between">
        <Text className="manage-row-title">{title}</Text>
        {tag ? <Text className="manage-tag">{tag}</Text> : null}
      </View>
      {detail ? <Text className="muted">{detail}</Text> : null}
    </View>
  );
}
