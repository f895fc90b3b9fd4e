import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { LIMITS, type HouseholdView, type ServiceItem } from '@core';
import { Field, LongText } from '@/components/action-forms/parts';
import { Button } from '@/components/nut/button';
import { Screen } from '@/components/screen';
import type { TimeChoice } from '@/components/time-window';
import type { DraftErrors, OrderDraft } from '@/hooks/useCreateOrder';
import { ContactFields, useContact } from './contact-fields';
import { HouseholdChoice } from './household-choice';
import { defaultTime, elderDescription, QUICK_NEEDS } from './quick-needs';
import { ServiceChoice } from './service-choice';
import { ElderTime as ElderTimeChips } from './elder-time';
import { VoiceInput } from './voice-input';

interface Props {
  readonly items: readonly ServiceItem[];
  readonly initialItemId: string;
  readonly households: readonly HouseholdView[];
  readonly errors: DraftErrors;
  readonly sending: boolean;
  readonly onSubmit: (draft: OrderDraft) => void;
}

/**
 * 长辈模式's order form: the service, address, contact and time are already filled in, so one tap
 * on 确认预约 places the order; tapping a need or another time is optional, typing is never needed.
 */
export function ElderOrderForm({ items, initialItemId, households, errors, sending, onSubmit }: Props) {
  const now = useMemo(() => Date.now(), []);
  const [itemId, setItemId] = useState(initialItemId);
  const item = items.find((i) => i.id === itemId && i.active);
  const suggested = useMemo(() => (item ? defaultTime(item.category, now) : ({ key: 'asap', day: null, slot: null } as const)), [item, now]);
  const [needs, setNeeds] = useState<readonly string[]>([]);
  const [extra, setExtra] = useState('');
  const [time, setTime] = useState<TimeChoice | null>(null);
  const [household, setHousehold] = useState<HouseholdView | null>(households[0] ?? null);
  const contact = useContact(households[0] ?? null);

  const chooseItem = (id: string) => {
    setItemId(id);
    setNeeds([]);
    setTime(null); // the new service's own suggested slot
  };
  const chooseHousehold = (h: HouseholdView) => {
    setHousehold(h);
    contact.fillFrom(h);
  };
  const toggle = (need: string) => setNeeds((current) => (current.includes(need) ? current.filter((n) => n !== need) : [...current, need]));
  const send = () =>
    onSubmit({
      serviceItemId: itemId,
      householdId: household?.id ?? '',
      description: elderDescription(item?.name ?? '', needs, extra),
      time: time ?? suggested,
      photos: [],
      contactName: contact.name,
      contactPhone: contact.phone,
    });

  return (
    <Screen
      footer={
        <Button type="primary" block size="large" loading={sending} disabled={sending} onClick={send}>
          确认预约
        </Button>
      }
    >
      <View className="card">
        <Field label="服务项目" error={errors.serviceItemId}>
          <ServiceChoice items={items} value={itemId} onChange={chooseItem} />
        </Field>
        {item ? (
          <Field label="需要什么（可不选）" error={errors.description}>
            <View className="chips">
              {QUICK_NEEDS[item.category].map((n) => (
                <View key={n} className={`chip${needs.includes(n) ? ' active' : ''}`} onClick={() => toggle(n)}>
                  <Text>{n}</Text>
                </View>
              ))}
            </View>
          </Field>
        ) : null}
        <Field label="什么时候来" error={errors.timeWindow}>
          <ElderTimeChips suggested={suggested} value={time ?? suggested} onChange={setTime} now={now} />
        </Field>
      </View>
      <View className="card">
        <Field label="服务地址" error={errors.householdId}>
          <HouseholdChoice households={households} value={household} onChange={chooseHousehold} />
        </Field>
        <ContactFields contact={contact} errors={errors} folded />
      </View>
      <View className="card">
        <Field label="还想说点什么（可不填）">
          <LongText value={extra} onChange={setExtra} max={LIMITS.description - 40} placeholder="可以不填" />
          <VoiceInput onText={(t) => setExtra((current) => (current ? `${current}${t}` : t))} />
        </Field>
        {errors._ ? <Text className="field-error">{errors._}</Text> : null}
      </View>
    </Screen>
  );
}
