import { useState } from 'react';
import { Input, View } from '@tarojs/components';
import { chinaAt, chinaParts, DAY, PARTIES, PARTY_LABELS, type Party } from '@core';
import { asApiError } from '@/api';
import { createMeeting } from '@/api/grievances';
import { Chips, Field, SubmitRow } from '@/components/action-forms/parts';
import { toastOk } from '@/hooks/feedback';
import { useSession } from '@/hooks/useSession';

/** Days from today a meeting can be called for, and the times of day communities meet at. */
const IN_DAYS = [0, 1, 2, 3, 5, 7, 10, 14];
const TIMES = ['09:00', '10:00', '14:30', '16:00', '19:30'] as const;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The China-time date `days` from now, read out ("明天 12月1日 周二"). */
function dayLabel(days: number): string {
  const d = chinaParts(Date.now() + days * DAY);
  const name = days === 0 ? '今天 ' : days === 1 ? '明天 ' : days === 2 ? '后天 ' : '';
  return `${name}${d.month}月${d.day}日 周${WEEKDAYS[d.weekday]}`;
}

/** The moment of `time` China time on the day `days` from now. */
function meetingAt(days: number, time: (typeof TIMES)[number]): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return chinaAt(Date.now(), days, h) + m * 60_000;
}

/** 召集圆桌会议: the compound, when and where, and who attends for each of the five parties. */
export function MeetingForm({ onCreated }: { readonly onCreated: () => void }) {
  const compounds = useSession().session?.compounds ?? [];
  const [compoundId, setCompoundId] = useState<string | undefined>(undefined);
  const [title, setTitle] = useState('');
  const [days, setDays] = useState(3);
  const [time, setTime] = useState<(typeof TIMES)[number]>('14:30');
  const [place, setPlace] = useState('社区党群服务中心');
  const [attendees, setAttendees] = useState<Record<Party, string>>({ street: '', neighbourhood: '', partyBranch: '', owners: '', property: '' });
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const chosen = compoundId ?? compounds[0]?.id;
  const send = async () => {
    if (!chosen || !title.trim() || PARTIES.some((p) => !attendees[p].trim())) return setError('请填写会议名称和五方参会人员');
    setBusy(true);
    try {
      const at = meetingAt(days, time);
      if (at <= Date.now()) return setError('这个时间已经过去，请选择稍后的时间');
      await createMeeting({ compoundId: chosen, title: title.trim(), at, place: place.trim(), attendees });
      toastOk('会议已召集');
      onCreated();
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card">
      <Field label="小区">
        <Chips options={compounds.map((c) => ({ value: c.id, label: c.name }))} value={chosen} onChange={setCompoundId} />
      </Field>
      <Field label="会议名称">
        <Input
          className="text-input"
          value={title}
          maxlength={50}
          placeholder="例如：阳光小区十二月圆桌会议"
          nativeProps={{ 'aria-label': '会议名称' }}
          onInput={(e) => setTitle(e.detail.value)}
        />
      </Field>
      <Field label="日期">
        <Chips options={IN_DAYS.map((d) => ({ value: d, label: dayLabel(d) }))} value={days} onChange={setDays} />
      </Field>
      <Field label="时间">
        <Chips options={TIMES.map((t) => ({ value: t, label: t }))} value={time} onChange={setTime} />
      </Field>
      <Field label="地点">
        <Input className="text-input" value={place} maxlength={50} nativeProps={{ 'aria-label': '地点' }} onInput={(e) => setPlace(e.detail.value)} />
      </Field>
      {PARTIES.map((p) => (
        <Field key={p} label={`${PARTY_LABELS[p]}参会人员`}>
          <Input
            className="text-input"
            value={attendees[p]}
            maxlength={100}
            placeholder="姓名和职务"
            nativeProps={{ 'aria-label': `${PARTY_LABELS[p]}参会人员` }}
            onInput={(e) => setAttendees((a) => ({ ...a, [p]: e.detail.value }))}
          />
        </Field>
      ))}
      <SubmitRow label="召集会议" busy={busy} error={error} onClick={() => void send()} />
    </View>
  );
}
