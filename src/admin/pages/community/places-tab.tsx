import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ManageView } from '@core';
import { Chips, Field } from '@/components/action-forms/parts';
import { FormCard, ListRow, TextField } from './form-parts';
import { useManageSave } from './use-manage-save';

interface Props {
  readonly view: ManageView;
  readonly onSaved: () => void;
}

/** 小区与楼栋: property companies, the compounds each serves, and the compounds' buildings. */
export function PlacesTab({ view, onSaved }: Props) {
  return (
    <View>
      <CompoundsCard view={view} onSaved={onSaved} />
      <BuildingForm view={view} onSaved={onSaved} />
      <CompanyForm view={view} onSaved={onSaved} />
    </View>
  );
}

function CompoundsCard({ view, onSaved }: Props) {
  const [editing, setEditing] = useState<{ id: string; rev: number } | null>(null);
  const [name, setName] = useState('');
  const [companyId, setCompanyId] = useState(view.companies[0]?.id ?? '');
  const save = useManageSave(() => {
    setEditing(null);
    setName('');
    onSaved();
  });
  const companyName = new Map(view.companies.map((c) => [c.id, c.name]));
  const buildingsOf = (id: string) => view.buildings.filter((b) => b.compoundId === id);
  const householdsIn = (buildingId: string) => view.households.filter((h) => h.buildingId === buildingId).length;
  return (
    <View>
      <Text className="section-title">小区（{view.compounds.length}个）</Text>
      <View className="card">
        {view.compounds.map((c) => (
          <ListRow
            key={c.id}
            title={c.name}
            tag={companyName.get(c.companyId) ?? ''}
            detail={
              buildingsOf(c.id)
                .map((b) => `${b.name}（${householdsIn(b.id)}户）`)
                .join('、') || '还没有楼栋'
            }
            onClick={() => {
              setEditing({ id: c.id, rev: c.rev ?? 0 });
              setName(c.name);
              setCompanyId(c.companyId);
              save.reset();
            }}
          />
        ))}
      </View>
      <FormCard
        title={editing ? '修改小区' : '添加小区'}
        editing={editing !== null}
        busy={save.busy}
        error={save.error}
        onCancel={() => {
          setEditing(null);
          setName('');
        }}
        onSave={() => void save.run('saveCompound', { ...(editing ?? {}), name, companyId })}
      >
        <TextField label="小区名称" value={name} onChange={setName} max={30} error={save.problems.name} placeholder="如：幸福里小区" />
        <Field label="服务的物业公司" error={save.problems.companyId}>
          <Chips options={view.companies.map((c) => ({ value: c.id, label: c.name }))} value={companyId} onChange={setCompanyId} />
        </Field>
      </FormCard>
    </View>
  );
}

function BuildingForm({ view, onSaved }: Props) {
  const [editing, setEditing] = useState<{ id: string; rev: number } | null>(null);
  const [compoundId, setCompoundId] = useState(view.compounds[0]?.id ?? '');
  const [name, setName] = useState('');
  const save = useManageSave(() => {
    setEditing(null);
    setName('');
    onSaved();
  });
  const buildings = view.buildings.filter((b) => b.compoundId === compoundId);
  return (
    <FormCard
      title={editing ? '修改楼栋' : '添加楼栋'}
      editing={editing !== null}
      busy={save.busy}
      error={save.error}
      onCancel={() => {
        setEditing(null);
        setName('');
      }}
      onSave={() => void save.run('saveBuilding', { ...(editing ?? {}), compoundId, name })}
      remove={editing ? { what: '楼栋', run: () => void save.run('removeBuilding', editing, '已删除') } : undefined}
    >
      <Field label="所在小区" error={save.problems.compoundId}>
        <Chips options={view.compounds.map((c) => ({ value: c.id, label: c.name }))} value={compoundId} onChange={setCompoundId} />
      </Field>
      {buildings.length ? (
        <Field label="已有楼栋（点选可改名或删除）">
          <Chips
            options={buildings.map((b) => ({ value: b.id, label: b.name }))}
            value={editing?.id}
            onChange={(id) => {
              const b = buildings.find((x) => x.id === id)!;
              setEditing({ id: b.id, rev: b.rev ?? 0 });
              setName(b.name);
            }}
          />
        </Field>
      ) : null}
      <TextField label="楼栋名称" value={name} onChange={setName} max={30} error={save.problems.name} placeholder="如：3号楼" />
    </FormCard>
  );
}

function CompanyForm({ view, onSaved }: Props) {
  const [editing, setEditing] = useState<{ id: string; rev: number } | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const save = useManageSave(() => {
    setEditing(null);
    setName('');
    setPhone('');
    onSaved();
  });
  return (
    <View>
      <Text className="section-title">物业公司（{view.companies.length}家）</Text>
      <View className="card">
        {view.companies.map((c) => (
          <ListRow
            key={c.id}
            title={c.name}
            detail={`${c.phone ? `物业电话 ${c.phone} · ` : ''}服务${
              view.compounds
                .filter((cp) => cp.companyId === c.id)
                .map((cp) => cp.name)
                .join('、') || '暂无小区'
            }`}
            onClick={() => {
              setEditing({ id: c.id, rev: c.rev ?? 0 });
              setName(c.name);
              setPhone(c.phone ?? '');
            }}
          />
        ))}
      </View>
      <FormCard
        title={editing ? '修改物业公司' : '添加物业公司'}
        editing={editing !== null}
        busy={save.busy}
        error={save.error}
        onCancel={() => {
          setEditing(null);
          setName('');
          setPhone('');
        }}
        onSave={() => void save.run('saveCompany', { ...(editing ?? {}), name, ...(phone && { phone }) })}
      >
        <TextField label="公司名称" value={name} onChange={setName} max={30} error={save.problems.name} />
        <TextField label="物业电话（选填）" value={phone} onChange={setPhone} max={20} error={save.problems.phone} type="number" />
      </FormCard>
    </View>
  );
}
