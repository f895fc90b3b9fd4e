import type { PropsWithChildren } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Field } from '@/components/action-forms/parts';
import { Button } from '@/components/nut/button';
import { confirmAction } from '@/hooks/feedback';

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

/**
 * A form's card: its title (添加 or 修改), the fields, the error no field owns, and save / cancel;
 * with `remove`, while editing, a 删除 asked once more (for what was added by mistake: the server
 * refuses it while people or open orders remain, and the refusal shows as the card's error).
 */
export function FormCard({
  title,
  editing,
  busy,
  error,
  onSave,
  onCancel,
  saveText,
  remove,
  children,
}: PropsWithChildren<{
  readonly title: string;
  readonly editing: boolean;
  readonly busy: boolean;
  readonly error: string;
  readonly onSave: () => void;
  readonly onCancel: () => void;
  readonly saveText?: string;
  readonly remove?: { readonly what: string; readonly run: () => void };
}>) {
  const askRemove = async () => {
    if (remove && (await confirmAction(`删除${remove.what}？`, `只删除误加的${remove.what}：还有人或未办结的工单时不能删除。删除会记入操作记录。`, '删除')))
      remove.run();
  };
  return (
    <View className={`card manage-form${editing ? ' editing' : ''}`}>
      <Text className="card-title">{title}</Text>
      {children}
      {error ? <Text className="field-error manage-error">{error}</Text> : null}
      <View className="manage-actions">
        {editing && remove ? (
          <Button className="manage-remove" disabled={busy} onClick={() => void askRemove()}>
            删除
          </Button>
        ) : null}
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
