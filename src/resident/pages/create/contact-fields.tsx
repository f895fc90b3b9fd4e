import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { LIMITS, type HouseholdView } from '@core';
import { Field } from '@/components/action-forms/parts';
import type { DraftErrors } from '@/hooks/useCreateOrder';

/** The contact the worker calls: starts as the household's own, refilled when another household is picked. */
export function useContact(first: HouseholdView | null) {
  const [name, setName] = useState(first?.contactName ?? '');
  const [phone, setPhone] = useState(first?.contactPhone ?? '');
  const fillFrom = (h: HouseholdView) => {
    setName(h.contactName);
    setPhone(h.contactPhone);
  };
  return { name, phone, setName, setPhone, fillFrom };
}
export type Contact = ReturnType<typeof useContact>;

/**
 * 联系人 and 联系电话 of 点单, shared by the full form and 长辈模式. `folded` shows them as one line with
 * 修改 (长辈模式: nothing to type unless wanted); `onEdit` clears a field's error as it is typed.
 */
export function ContactFields({
  contact,
  errors,
  folded = false,
  onEdit,
}: {
  readonly contact: Contact;
  readonly errors: DraftErrors;
  readonly folded?: boolean;
  readonly onEdit?: (field: 'contactName' | 'contactPhone') => void;
}) {
  const [open, setOpen] = useState(!folded);
  if (!open) {
    return (
      <View className="choice" onClick={() => setOpen(true)}>
        <Text className="choice-title">
          {contact.name} {contact.phone}
        </Text>
        <Text className="choice-change">修改</Text>
      </View>
    );
  }
  return (
    <>
      <Field label="联系人" error={errors.contactName}>
        <Input
          className="text-input"
          value={contact.name}
          maxlength={LIMITS.name}
          placeholder="怎么称呼您"
          onInput={(e) => {
            contact.setName(e.detail.value);
            onEdit?.('contactName');
          }}
        />
      </Field>
      <Field label="联系电话" error={errors.contactPhone}>
        <Input
          className="text-input"
          type="number"
          value={contact.phone}
          maxlength={13}
          placeholder="手机或座机号码"
          onInput={(e) => {
            contact.setPhone(e.detail.value);
            onEdit?.('contactPhone');
          }}
        />
      </Field>
    </>
  );
}
