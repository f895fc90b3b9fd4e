import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { checkRequest, type JoinPlaces, type JoinStatus } from '@core';
import { applyToJoin } from '@/api';
import { Chips, Field } from '@/components/action-forms/parts';
import { Button } from '@/components/nut/button';
import { ContactFields, useJoinSubmit } from './join-form';

interface Props {
  readonly places: JoinPlaces;
  readonly onCommunity: (id: string) => void;
  readonly onApplied: (status: JoinStatus) => void;
}

/** 申请成为居民: pick the compound, building and door, give a name and phone. */
export function ApplyForm({ places, onCommunity, onApplied }: Props) {
  const [compoundId, setCompound] = useState('');
  const [buildingId, setBuilding] = useState('');
  const [door, setDoor] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const { problems, busy, send, show } = useJoinSubmit(onApplied);
  const buildings = places.buildings.filter((b) => b.compoundId === compoundId);
  const options = (items: readonly { readonly id: string; readonly name: string }[]) => items.map((p) => ({ value: p.id, label: p.name }));

  const submit = () => {
    const request = { communityId: places.communityId ?? '', compoundId, buildingId, door, name, phone };
    const checked = checkRequest('membership', 'apply', request);
    if (checked.ok) return send(() => applyToJoin(request));
    show({
      ...(checked.error.details ?? {}),
      ...(!compoundId && { compoundId: '请选择小区' }),
      ...(!buildingId && { buildingId: '请选择楼栋' }),
    });
  };

  return (
    <View className="card join-form">
      <Text className="card-title">我是居民：申请入户</Text>
      <Text className="muted">社区管理员核对后通过，您就可以为这一户下单。</Text>
      {places.communities.length > 1 ? (
        <Field label="社区">
          <Chips options={options(places.communities)} value={places.communityId ?? undefined} onChange={onCommunity} />
        </Field>
      ) : null}
      <Field label="小区" error={problems.compoundId}>
        <Chips
          options={options(places.compounds)}
          value={compoundId}
          onChange={(id) => {
            setCompound(id);
            setBuilding('');
          }}
        />
      </Field>
      {compoundId ? (
        <Field label="楼栋" error={problems.buildingId}>
          <Chips options={options(buildings)} value={buildingId} onChange={setBuilding} />
        </Field>
      ) : null}
      <Field label="单元门牌" error={problems.door}>
        <Input className="text-input" placeholder="例如 2单元301" value={door} maxlength={20} onInput={(e) => setDoor(e.detail.value)} />
      </Field>
      <ContactFields name={name} phone={phone} onName={setName} onPhone={setPhone} problems={problems} />
      <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
        提交申请
      </Button>
    </View>
  );
}
