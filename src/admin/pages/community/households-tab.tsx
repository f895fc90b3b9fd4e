import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { Household, ManageView, ManagedResident } from '@core';
import { Chips, Field } from '@/components/action-forms/parts';
import { FormCard, ListRow, MultiChips, TextField } from './form-parts';
import { useManageSave } from './use-manage-save';

interface Props {
  readonly view: ManageView;
  readonly onSaved: () => void;
}

/** How many rows a list shows before the search narrows it: a community has thousands of households. */
const SHOWN = 30;

/** 住户与居民: households (the addresses orders go to) and residents with the households they are bound to. */
export function HouseholdsTab({ view, onSaved }: Props) {
  const [search, setSearch] = useState('');
  const place = new Map(view.buildings.map((b) => [b.id, `${view.compounds.find((c) => c.id === b.compoundId)?.name ?? ''}${b.name}`]));
  const address = (h: Household) => `${place.get(h.buildingId) ?? ''}${h.door}`;
  const matching = view.households.filter((h) => !search || `${address(h)}${h.contactName}${h.contactPhone}`.includes(search));
  return (
    <View>
      <View className="card">
        <Field label="查找住户或居民">
          <Input
            className="text-input"
            value={search}
            placeholder="门牌、姓名或电话"
            nativeProps={{ 'aria-label': '查找住户' }}
            onInput={(e) => setSearch(e.detail.value.trim())}
          />
        </Field>
      </View>
      <HouseholdForm view={view} households={matching} address={address} onSaved={onSaved} />
      <ResidentForm view={view} search={search} households={matching} address={address} onSaved={onSaved} />
    </View>
  );
}

function HouseholdForm({
  view,
  households,
  address,
  onSaved,
}: Props & { readonly households: readonly Household[]; readonly address: (h: Household) => string }) {
  const [editing, setEditing] = useState<{ id: string; rev: number } | null>(null);
  const [buildingId, setBuildingId] = useState(view.buildings[0]?.id ?? '');
  const [door, setDoor] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const clear = () => {
    setEditing(null);
    setDoor('');
    setContactName('');
    setContactPhone('');
  };
  const save = useManageSave(() => {
    clear();
    onSaved();
  });
  const compoundName = new Map(view.compounds.map((c) => [c.id, c.name]));
  return (
    <View>
      <Text className="section-title">住户（{view.households.length}户）</Text>
      <View className="card">
        {households.slice(0, SHOWN).map((h) => (
          <ListRow
            key={h.id}
            title={address(h)}
            detail={h.contactName ? `联系人 ${h.contactName} ${h.contactPhone}` : '还没有联系人'}
            onClick={() => {
              setEditing({ id: h.id, rev: h.rev ?? 0 });
              setBuildingId(h.buildingId);
              setDoor(h.door);
              setContactName(h.contactName);
              setContactPhone(h.contactPhone);
            }}
          />
        ))}
        {households.length > SHOWN ? <Text className="muted">还有{households.length - SHOWN}户，请用上面的查找缩小范围</Text> : null}
      </View>
      <FormCard
        title={editing ? '修改住户' : '添加住户'}
        editing={editing !== null}
        busy={save.busy}
        error={save.error}
        onCancel={clear}
        onSave={() => void save.run('saveHousehold', { ...(editing ?? {}), buildingId, door, contactName, contactPhone })}
        remove={editing ? { what: '住户', run: () => void save.run('removeHousehold', editing, '已删除') } : undefined}
      >
        <Field label="楼栋" error={save.problems.buildingId}>
          <Chips
            options={view.buildings.map((b) => ({ value: b.id, label: `${compoundName.get(b.compoundId) ?? ''}${b.name}` }))}
            value={buildingId}
            onChange={setBuildingId}
          />
        </Field>
        <TextField label="单元门牌" value={door} onChange={setDoor} max={20} error={save.problems.door} placeholder="如：2单元301" />
        <TextField label="联系人" value={contactName} onChange={setContactName} max={30} error={save.problems.contactName} />
        <TextField label="联系电话" value={contactPhone} onChange={setContactPhone} max={11} type="number" error={save.problems.contactPhone} />
      </FormCard>
    </View>
  );
}

function ResidentForm({
  view,
  search,
  households,
  address,
  onSaved,
}: Props & { readonly search: string; readonly households: readonly Household[]; readonly address: (h: Household) => string }) {
  const [editing, setEditing] = useState<{ id: string; rev: number } | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [bound, setBound] = useState<string[]>([]);
  const clear = () => {
    setEditing(null);
    setName('');
    setPhone('');
    setBound([]);
  };
  const save = useManageSave(() => {
    clear();
    onSaved();
  });
  const byId = new Map(view.households.map((h) => [h.id, h]));
  const residents = view.residents.filter((r) => !search || `${r.name}${r.phone}`.includes(search));
  const edit = (r: ManagedResident) => {
    setEditing({ id: r.id, rev: r.rev });
    setName(r.name);
    setPhone(r.phone);
    setBound([...r.householdIds]);
  };
  // The households already bound stay offered, so the admin can also unbind them.
  const offered = [...new Set([...bound, ...households.slice(0, 12).map((h) => h.id)])].map((id) => byId.get(id)).filter((h) => h !== undefined);
  return (
    <View>
      <Text className="section-title">居民（{view.residents.length}人）</Text>
      <View className="card">
        {residents.slice(0, SHOWN).map((r) => (
          <ListRow
            key={r.id}
            title={`${r.name} ${r.phone}`}
            tag={r.hasWechat ? '' : '未用微信加入'}
            detail={r.householdIds.map((id) => (byId.get(id) ? address(byId.get(id)!) : id)).join('、') || '未绑定住户'}
            onClick={() => edit(r)}
          />
        ))}
        {residents.length > SHOWN ? <Text className="muted">还有{residents.length - SHOWN}人，请用上面的查找缩小范围</Text> : null}
      </View>
      <FormCard
        title={editing ? '修改居民' : '添加居民'}
        editing={editing !== null}
        busy={save.busy}
        error={save.error}
        onCancel={clear}
        onSave={() => void save.run('saveResident', { ...(editing ?? {}), name, phone, householdIds: bound })}
      >
        <TextField label="姓名" value={name} onChange={setName} max={20} error={save.problems.name} />
        <TextField label="手机号" value={phone} onChange={setPhone} max={11} type="number" error={save.problems.phone} />
        <Field label="绑定的住户（可多选，如子女家）" error={save.problems.householdIds}>
          <MultiChips options={offered.map((h) => ({ value: h.id, label: address(h) }))} value={bound} onChange={setBound} />
        </Field>
      </FormCard>
    </View>
  );
}
