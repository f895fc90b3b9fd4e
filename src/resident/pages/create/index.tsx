import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LIMITS, type HouseholdView } from '@core';
import { Button } from '@/components/nut/button';
import { Field, LongText } from '@/components/action-forms/parts';
import { ListStatus } from '@/components/list-status';
import { PhotoPicker } from '@/components/photos';
import { Screen } from '@/components/screen';
import { TimeWindowPicker, type TimeChoice } from '@/components/time-window';
import { toastOk } from '@/hooks/feedback';
import { publishOrder } from '@/hooks/order-bus';
import { useCatalog } from '@/hooks/useCatalog';
import { useCreateOrder } from '@/hooks/useCreateOrder';
import { useElderMode } from '@/hooks/useElderMode';
import { usePhotoUploads } from '@/hooks/usePhotoUploads';
import { useSession } from '@/hooks/useSession';
import { orderUrl } from '@/routes';
import { ElderOrderForm } from './elder-form';
import { ContactFields, useContact } from './contact-fields';
import { HouseholdChoice } from './household-choice';
import { ServiceChoice } from './service-choice';
import './index.scss';

/** A query value, decoded where the router left it encoded; a stray "%" is kept as typed. */
function fromQuery(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** 点单 on one screen: service, need, time, (photos), contact. 长辈模式 keeps only the essentials. */
export default function CreateOrder() {
  const { params } = useRouter();
  const [elder] = useElderMode();
  const catalog = useCatalog();
  const { session, error: sessionError, loading: sessionLoading, reload: reloadSession } = useSession();
  const [itemId, setItemId] = useState(params.itemId ?? '');
  const [household, setHousehold] = useState<HouseholdView | null>(null);
  const [description, setDescription] = useState('');
  const [time, setTime] = useState<TimeChoice>({ key: 'asap', day: null, slot: null });
  const contact = useContact(null);
  const photos = usePhotoUploads(LIMITS.photos);
  const { errors, sending, submit, clear } = useCreateOrder((order) => {
    publishOrder({ kind: 'updated', order });
    toastOk('预约成功');
    void Taro.redirectTo({ url: orderUrl('resident', order.id) });
  });

  // Contact details start as the household's own; picking another household refills them.
  const chooseHousehold = (h: HouseholdView) => {
    setHousehold(h);
    contact.fillFrom(h);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill in the first household once, when the session arrives, not on every change
  useEffect(() => {
    // 再来一单 passes the earlier order's household and contact (order-detail/resident-sections.tsx).
    const first = session?.households.find((h) => h.id === params.householdId) ?? session?.households[0];
    if (!first || household) return;
    chooseHousehold(first);
    if (first.id === params.householdId && params.contactName) contact.setName(fromQuery(params.contactName));
    if (first.id === params.householdId && params.contactPhone) contact.setPhone(fromQuery(params.contactPhone));
  }, [session]);

  if (!session || (catalog.loading && catalog.items.length === 0)) {
    return (
      <Screen>
        <ListStatus
          loading={sessionLoading || catalog.loading}
          error={sessionError ?? catalog.error}
          empty={false}
          emptyText=""
          onRetry={() => (sessionError ? reloadSession() : void catalog.reload())}
        />
      </Screen>
    );
  }
  if (session.households.length === 0) {
    return (
      <Screen>
        <ListStatus loading={false} error={null} empty emptyText="还没有登记您的住址" emptyHint="请联系社区或物业登记后再预约" onRetry={reloadSession} />
      </Screen>
    );
  }

  if (elder) {
    return (
      <ElderOrderForm
        items={catalog.items}
        initialItemId={itemId}
        households={session.households}
        errors={errors}
        sending={sending}
        onSubmit={(draft) => void submit(draft)}
      />
    );
  }

  const send = () =>
    void submit({
      serviceItemId: itemId,
      householdId: household?.id ?? '',
      description,
      time,
      photos: photos.fileIds,
      contactName: contact.name,
      contactPhone: contact.phone,
    });

  return (
    <Screen
      footer={
        <Button type="primary" block size="large" loading={sending} disabled={sending || photos.busy} onClick={send}>
          {photos.busy ? '照片上传中…' : '提交预约'}
        </Button>
      }
    >
      <View className="card">
        <Field label="服务项目" error={errors.serviceItemId}>
          <ServiceChoice
            items={catalog.items}
            value={itemId}
            onChange={(id) => {
              setItemId(id);
              clear('serviceItemId');
            }}
          />
        </Field>
        <Field label="服务地址" error={errors.householdId}>
          <HouseholdChoice households={session.households} value={household} onChange={chooseHousehold} />
        </Field>
      </View>
      <View className="card">
        <Field label="需要做什么" error={errors.description}>
          <LongText
            value={description}
            onChange={(v) => {
              setDescription(v);
              clear('description');
            }}
            max={LIMITS.description}
            placeholder="例如：厨房水管漏水，需要上门维修"
          />
        </Field>
        <Field label="什么时候来" error={errors.timeWindow}>
          <TimeWindowPicker
            value={time}
            onChange={(t) => {
              setTime(t);
              clear('timeWindow');
            }}
            simple={false}
            now={Date.now()}
          />
        </Field>
        <Field label="照片（可不传，最多9张）" error={errors.photos}>
          <PhotoPicker uploads={photos} max={LIMITS.photos} />
        </Field>
      </View>
      {/* Mounted once the household has filled in the contact: Taro's H5 Input throws ("reading 'value'")
          when its value changes before it has drawn its own box, as it did when the fill came a moment after mount. */}
      {household ? (
        <View className="card">
          <ContactFields contact={contact} errors={errors} onEdit={clear} />
          {errors._ ? <Text className="field-error">{errors._}</Text> : null}
        </View>
      ) : null}
    </Screen>
  );
}
