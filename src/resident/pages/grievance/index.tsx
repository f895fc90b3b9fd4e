import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { GRIEVANCE_CATEGORIES, GRIEVANCE_CATEGORY_LABELS, LIMITS, ORDER_FORMS, parse, type GrievanceCategory, type HouseholdView } from '@core';
import { asApiError, newRequestId } from '@/api';
import { raiseGrievance } from '@/api/grievances';
import { Button } from '@/components/nut/button';
import { Chips, Field, LongText, fieldErrors, type FieldErrors } from '@/components/action-forms/parts';
import { ListStatus } from '@/components/list-status';
import { PhotoPicker } from '@/components/photos';
import { Screen } from '@/components/screen';
import { showFailure, toastOk } from '@/hooks/feedback';
import { publishOrder } from '@/hooks/order-bus';
import { usePhotoUploads } from '@/hooks/usePhotoUploads';
import { useSession } from '@/hooks/useSession';
import { orderUrl } from '@/routes';
import { HouseholdChoice } from '../create/household-choice';
import './index.scss';

/** 提诉求 (民有所呼): what is wrong, where, photos, and whether neighbours may see it was you. */
export default function RaiseGrievance() {
  const { session, error, loading, reload } = useSession();
  const [category, setCategory] = useState<GrievanceCategory>('facility');
  const [household, setHousehold] = useState<HouseholdView | null>(null);
  const [description, setDescription] = useState('');
  const [place, setPlace] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const photos = usePhotoUploads(LIMITS.photos);
  // A press after a network failure re-sends the same request id, so the 诉求 is raised at most once.
  const pending = useRef<{ key: string; requestId: string } | null>(null);

  useEffect(() => {
    if (!household && session?.households[0]) setHousehold(session.households[0]);
  }, [session, household]);

  if (!session) {
    return (
      <Screen>
        <ListStatus loading={loading} error={error} empty={false} emptyText="" onRetry={reload} />
      </Screen>
    );
  }

  const send = async () => {
    const input = { category, householdId: household?.id ?? '', description: description.trim(), place: place.trim(), anonymous, photos: [...photos.fileIds] };
    const parsed = parse(ORDER_FORMS.grievance, input);
    if (!parsed.ok) return setErrors(fieldErrors(parsed.error.details ?? {}));
    const key = JSON.stringify(input);
    if (pending.current?.key !== key) pending.current = { key, requestId: newRequestId() };
    setErrors({});
    setSending(true);
    try {
      const { order } = await raiseGrievance(pending.current.requestId, parsed.value);
      publishOrder({ kind: 'updated', order });
      toastOk('诉求已提交');
      void Taro.redirectTo({ url: orderUrl('resident', order.id) });
    } catch (e) {
      const failure = asApiError(e);
      if (failure.code === 'INPUT.INVALID') setErrors(fieldErrors(failure.details));
      else showFailure(failure);
    } finally {
      setSending(false);
    }
  };

  return (
    <Screen
      footer={
        <Button type="primary" block size="large" loading={sending} disabled={sending || photos.busy} onClick={() => void send()}>
          {photos.busy ? '照片上传中…' : '提交诉求'}
        </Button>
      }
    >
      <View className="card">
        <Text className="grievance-intro">服务目录里没有的问题，都可以在这里反映：社区会分类处理，转给负责的单位，必要时召开圆桌会议解决。</Text>
        <Field label="问题类别" error={errors.category}>
          <Chips options={GRIEVANCE_CATEGORIES.map((c) => ({ value: c, label: GRIEVANCE_CATEGORY_LABELS[c] }))} value={category} onChange={setCategory} />
        </Field>
        <Field label="遇到了什么问题" error={errors.description}>
          <LongText value={description} onChange={setDescription} max={LIMITS.description} placeholder="例如：5号楼门口路灯坏了一个星期，晚上看不清路" />
        </Field>
        <Field label="照片（可不传，最多9张）" error={errors.photos}>
          <PhotoPicker uploads={photos} max={LIMITS.photos} />
        </Field>
      </View>
      <View className="card">
        <Field label="您的住址" error={errors.householdId}>
          <HouseholdChoice households={session.households} value={household} onChange={setHousehold} />
        </Field>
        <Field label="问题在哪里（不在家中时填写）" error={errors.place}>
          <Input
            className="text-input"
            value={place}
            maxlength={LIMITS.reason}
            placeholder="例如：5号楼门口、小区东门停车场"
            onInput={(e) => setPlace(e.detail.value)}
          />
        </Field>
        <Field label="让邻居看到是哪栋楼反映的吗">
          <Chips
            options={[
              { value: false, label: '可以显示楼栋' },
              { value: true, label: '匿名' },
            ]}
            value={anonymous}
            onChange={setAnonymous}
          />
          <Text className="muted grievance-anonymous">小区诉求栏从不显示姓名和门牌；匿名时也不显示您家的楼栋。社区和物业仍能联系您。</Text>
        </Field>
      </View>
    </Screen>
  );
}
