import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { checkRequest, type JoinPlaces, type JoinStatus } from '@core';
import { applyToJoin, asApiError } from '@/api';
import { Button } from '@/components/nut/button';
import { isFormProblem, showFailure } from '@/hooks/feedback';

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
  const [problems, setProblems] = useState<Readonly<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const buildings = places.buildings.filter((b) => b.compoundId === compoundId);

  const submit = async () => {
    const request = { communityId: places.communityId ?? '', compoundId, buildingId, door, name, phone };
    const checked = checkRequest('membership', 'apply', request);
    if (!checked.ok) {
      setProblems({
        ...(checked.error.details ?? {}),
        ...(!compoundId && { compoundId: '请选择小区' }),
        ...(!buildingId && { buildingId: '请选择楼栋' }),
      });
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      onApplied(await applyToJoin(request));
    } catch (e) {
      const error = asApiError(e);
      if (isFormProblem(error)) setProblems(error.details);
      else showFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const problem = (key: string) => (problems[key] ? <Text className="field-error">{problems[key]}</Text> : null);
  return (
    <View className="card join-form">
      <Text className="card-title">我是居民：申请入户</Text>
      <Text className="muted">社区管理员核对后通过，您就可以为这一户下单。</Text>
      {places.communities.length > 1 ? (
        <View className="field">
          <Text className="field-label">社区</Text>
          <View className="chips">
            {places.communities.map((c) => (
              <View key={c.id} className={`chip${c.id === places.communityId ? ' active' : ''}`} onClick={() => onCommunity(c.id)}>
                <Text>{c.name}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
      <View className="field">
        <Text className="field-label">小区</Text>
        <View className="chips">
          {places.compounds.map((c) => (
            <View
              key={c.id}
              className={`chip${c.id === compoundId ? ' active' : ''}`}
              onClick={() => {
                setCompound(c.id);
                setBuilding('');
              }}
            >
              <Text>{c.name}</Text>
            </View>
          ))}
        </View>
        {problem('compoundId')}
      </View>
      {compoundId ? (
        <View className="field">
          <Text className="field-label">楼栋</Text>
          <View className="chips">
            {buildings.map((b) => (
              <View key={b.id} className={`chip${b.id === buildingId ? ' active' : ''}`} onClick={() => setBuilding(b.id)}>
                <Text>{b.name}</Text>
              </View>
            ))}
          </View>
          {problem('buildingId')}
        </View>
      ) : null}
      <View className="field">
        <Text className="field-label">单元门牌</Text>
        <Input className="text-input" placeholder="例如 2单元301" value={door} maxlength={20} onInput={(e) => setDoor(e.detail.value)} />
        {problem('door')}
      </View>
      <View className="field">
        <Text className="field-label">姓名</Text>
        <Input className="text-input" placeholder="您的姓名" value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
        {problem('name')}
      </View>
      <View className="field">
        <Text className="field-label">手机号</Text>
        <Input className="text-input" type="number" placeholder="11位手机号" value={phone} maxlength={11} onInput={(e) => setPhone(e.detail.value)} />
        {problem('phone')}
      </View>
      <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
        提交申请
      </Button>
    </View>
  );
}
