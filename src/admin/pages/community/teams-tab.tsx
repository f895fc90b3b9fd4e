import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  CATEGORY_LABELS,
  DISPATCH_MODE_LABELS,
  DISPATCH_MODES,
  SERVICE_CATEGORIES,
  type DispatchMode,
  type ManageView,
  type ManagedWorker,
  type ServiceCategory,
  type ServiceTeam,
} from '@core';
import { Chips, Field } from '@/components/action-forms/parts';
import { FormCard, ListRow, MultiChips, TextField } from './form-parts';
import { useManageSave } from './use-manage-save';

interface Props {
  readonly view: ManageView;
  readonly onSaved: () => void;
}

const CATEGORY_OPTIONS = SERVICE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));
const MODE_HINTS: Readonly<Record<DispatchMode, string>> = {
  dispatcher: '新工单等物业调度派给队员。',
  pool: '新工单直接进入本队抢单池，在岗队员抢单。',
  rotation: '新工单立即轮流派给在岗、未满单且会这类服务的队员（夜间也不用等调度）；无人符合时交给物业调度派单。',
};
const names = (list: readonly ServiceCategory[]) => list.map((c) => CATEGORY_LABELS[c]).join('、');

/** 服务队与队员: teams (members, categories, how orders reach them) and each worker's skills, duty and cap. */
export function TeamsTab({ view, onSaved }: Props) {
  return (
    <View>
      <TeamForm view={view} onSaved={onSaved} />
      <WorkerForm view={view} onSaved={onSaved} />
    </View>
  );
}

function TeamForm({ view, onSaved }: Props) {
  const [editing, setEditing] = useState<{ id: string; rev: number } | null>(null);
  const [name, setName] = useState('');
  const [companyId, setCompanyId] = useState<string | null>(view.companies[0]?.id ?? null);
  const [categories, setCategories] = useState<ServiceCategory[]>([]);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [mode, setMode] = useState<DispatchMode>('dispatcher');
  const clear = () => {
    setEditing(null);
    setName('');
    setCategories([]);
    setMemberIds([]);
    setMode('dispatcher');
  };
  const save = useManageSave(() => {
    clear();
    onSaved();
  });
  const workerName = new Map(view.workers.map((w) => [w.id, w.name]));
  const edit = (t: ServiceTeam) => {
    setEditing({ id: t.id, rev: t.rev ?? 0 });
    setName(t.name);
    setCompanyId(t.companyId);
    setCategories([...t.categories]);
    setMemberIds([...t.memberIds]);
    setMode(t.dispatchMode ?? 'dispatcher');
  };
  return (
    <View>
      <Text className="section-title">服务队（{view.teams.length}个）</Text>
      <View className="card">
        {view.teams.map((t) => (
          <ListRow
            key={t.id}
            title={t.name}
            tag={DISPATCH_MODE_LABELS[t.dispatchMode ?? 'dispatcher']}
            detail={`${names(t.categories)} · 队员：${t.memberIds.map((id) => workerName.get(id) ?? id).join('、') || '暂无'}`}
            onClick={() => edit(t)}
          />
        ))}
      </View>
      <FormCard
        title={editing ? '修改服务队' : '添加服务队'}
        editing={editing !== null}
        busy={save.busy}
        error={save.error}
        onCancel={clear}
        onSave={() => void save.run('saveTeam', { ...(editing ?? {}), name, companyId, categories, memberIds, dispatchMode: mode })}
        remove={editing ? { what: '服务队', run: () => void save.run('removeTeam', editing, '已删除') } : undefined}
      >
        <TextField label="服务队名称" value={name} onChange={setName} max={30} error={save.problems.name} placeholder="如：夜间维修队" />
        <Field label="所属物业公司" error={save.problems.companyId}>
          <Chips
            options={[...view.companies.map((c) => ({ value: c.id as string | null, label: c.name })), { value: null, label: '不限（社区队伍）' }]}
            value={companyId}
            onChange={setCompanyId}
          />
        </Field>
        <Field label="服务类别" error={save.problems.categories}>
          <MultiChips options={CATEGORY_OPTIONS} value={categories} onChange={setCategories} />
        </Field>
        <Field label="队员" error={save.problems.memberIds}>
          {view.workers.length ? (
            <MultiChips options={view.workers.map((w) => ({ value: w.id, label: w.name }))} value={memberIds} onChange={setMemberIds} />
          ) : (
            <Text className="muted">还没有服务队员：请在“成员与邀请”中邀请</Text>
          )}
        </Field>
        <Field label="派单方式" error={save.problems.dispatchMode}>
          <Chips options={DISPATCH_MODES.map((m) => ({ value: m, label: DISPATCH_MODE_LABELS[m] }))} value={mode} onChange={setMode} />
          <Text className="muted manage-hint">{MODE_HINTS[mode]}</Text>
        </Field>
      </FormCard>
    </View>
  );
}

function WorkerForm({ view, onSaved }: Props) {
  const [editing, setEditing] = useState<ManagedWorker | null>(null);
  const [skills, setSkills] = useState<ServiceCategory[]>([]);
  const [onDuty, setOnDuty] = useState(true);
  const [max, setMax] = useState('5');
  const save = useManageSave(() => {
    setEditing(null);
    onSaved();
  });
  const edit = (w: ManagedWorker) => {
    setEditing(w);
    setSkills([...w.skills]);
    setOnDuty(w.onDuty);
    setMax(String(w.maxOpenOrders));
  };
  return (
    <View>
      <Text className="section-title">服务队员（{view.workers.length}人）</Text>
      <View className="card">
        <Text className="muted manage-hint">点选队员可修改技能、在岗和最多在办工单数；新队员请在“成员与邀请”中邀请。</Text>
        {view.workers.map((w) => (
          <ListRow
            key={w.id}
            title={`${w.name} ${w.phone}`}
            tag={w.onDuty ? '在岗' : '离岗'}
            detail={`在办 ${w.openOrders}/${w.maxOpenOrders} 单 · 技能：${names(w.skills) || '未填'}`}
            onClick={() => edit(w)}
          />
        ))}
      </View>
      {editing ? (
        <FormCard
          title={`修改队员：${editing.name}`}
          editing
          busy={save.busy}
          error={save.error}
          onCancel={() => setEditing(null)}
          onSave={() => void save.run('saveWorker', { id: editing.id, rev: editing.rev, skills, onDuty, maxOpenOrders: Number(max) })}
        >
          <Field label="技能" error={save.problems.skills}>
            <MultiChips options={CATEGORY_OPTIONS} value={skills} onChange={setSkills} />
          </Field>
          <Field label="是否在岗">
            <Chips
              options={[
                { value: true, label: '在岗' },
                { value: false, label: '离岗' },
              ]}
              value={onDuty}
              onChange={setOnDuty}
            />
          </Field>
          <TextField label="最多同时在办工单" value={max} onChange={setMax} max={2} type="number" error={save.problems.maxOpenOrders} />
        </FormCard>
      ) : null}
    </View>
  );
}
