import { useState } from 'react';
import { Input, View } from '@tarojs/components';
import { PARTIES, PARTY_LABELS, type Party } from '@core';
import { asApiError } from '@/api';
import { createMeeting } from '@/api/grievances';
import { Chips, Field, SubmitRow } from '@/components/action-forms/parts';
import { toastOk } from '@/hooks/feedback';
import { useSession } from '@/hooks/useSession';

const IN_DAYS = [1, 3, 7, 14];

/** 召集圆桌会议: the compound, when and where, and who attends for each of the five parties. */
export function MeetingForm({ onCreated }: { readonly onCreated: () => void }) {
  const compounds = useSession().session?.compounds ?? [];
  const [compoundId, setCompoundId] = useState<string | undefined>(undefined);
  const [title, setTitle] = useState('');
  const [days, setDays] = useState(3);
  const [place, setPlace] = useState('社区党群服务中心');
  const [attendees, setAttendees] = useState<Record<Party, string>>({ street: '', neighbourhood: '', partyBranch: '', owners: '', property: '' });
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const chosen = compoundId ?? compounds[0]?.id;
  const send = async () => {
    if (!chosen || !title.trim() || PARTIES.some((p) => !attendees[p].trim())) return setError('请填写会议名称和五方参会人员');
    setBusy(true);
    try {
      // The meeting starts at 14:30 China time on the chosen day.
      const day = new Date(Date.now() + days * 86_400_000);
      const at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 6, 30);
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
        <Input className="text-input" value={title} maxlength={50} placeholder="例如：阳光小区十二月圆桌会议" onInput={(e) => setTitle(e.detail.value)} />
      </Field>
      <Field label="时间（当天14:30）">
        <Chips options={IN_DAYS.map((d) => ({ value: d, label: `${d}天后` }))} value={days} onChange={setDays} />
      </Field>
      <Field label="地点">
        <Input className="text-input" value={place} maxlength={50} onInput={(e) => setPlace(e.detail.value)} />
      </Field>
      {PARTIES.map((p) => (
        <Field key={p} label={`${PARTY_LABELS[p]}参会人员`}>
          <Input
            className="text-input"
            value={attendees[p]}
            maxlength={100}
            placeholder="姓名和职务"
            onInput={(e) => setAttendees((a) => ({ ...a, [p]: e.detail.value }))}
          />
        </Field>
      ))}
      <SubmitRow label="召集会议" busy={busy} error={error} onClick={() => void send()} />
    </View>
  );
}
