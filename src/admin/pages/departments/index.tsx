import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { Department } from '@core';
import { asApiError } from '@/api';
import { listDepartments, saveDepartment } from '@/api/grievances';
import { Button } from '@/components/nut/button';
import { Field, SubmitRow } from '@/components/action-forms/parts';
import { ListStatus } from '@/components/list-status';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { showFailure, toastOk } from '@/hooks/feedback';
import { useLoad } from '@/hooks/useLoad';
import './index.scss';

type Draft = { departmentId: string | null; name: string; contact: string; phone: string };
const EMPTY: Draft = { departmentId: null, name: '', contact: '', phone: '' };

/** The directory of outside departments (街道, 城管, 供水, 供电, 派出所…) that 诉求 are routed to: add, edit, retire. */
export default function Departments() {
  const list = useLoad(() => listDepartments('admin', true), 'departments');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const save = async (d: Draft, active = true) => {
    setBusy(true);
    try {
      await saveDepartment({ departmentId: d.departmentId, name: d.name.trim(), contact: d.contact.trim(), phone: d.phone.trim(), active });
      toastOk(active ? '已保存' : '已停用');
      setDraft(null);
      setError(undefined);
      await list.reload();
    } catch (e) {
      const failure = asApiError(e);
      if (draft) setError(failure.message);
      else showFailure(failure);
    } finally {
      setBusy(false);
    }
  };
  const edit = (d: Department) => setDraft({ departmentId: d.id, name: d.name, contact: d.contact, phone: d.phone });
  return (
    <Screen>
      <RoleBar role="admin" />
      <View className="row-between departments-top">
        <Text className="section-title">职能部门名录</Text>
        <Button type="primary" onClick={() => setDraft(EMPTY)}>
          添加部门
        </Button>
      </View>
      {draft ? (
        <View className="card">
          <Field label="部门名称">
            <Input
              className="text-input"
              value={draft.name}
              maxlength={30}
              placeholder="例如：城管执法中队"
              nativeProps={{ 'aria-label': '部门名称' }}
              onInput={(e) => setDraft({ ...draft, name: e.detail.value })}
            />
          </Field>
          <Field label="联系人">
            <Input
              className="text-input"
              value={draft.contact}
              maxlength={30}
              nativeProps={{ 'aria-label': '联系人' }}
              onInput={(e) => setDraft({ ...draft, contact: e.detail.value })}
            />
          </Field>
          <Field label="联系电话">
            <Input
              className="text-input"
              value={draft.phone}
              maxlength={20}
              nativeProps={{ 'aria-label': '联系电话' }}
              onInput={(e) => setDraft({ ...draft, phone: e.detail.value })}
            />
          </Field>
          <SubmitRow label="保存" busy={busy} error={error} onClick={() => void save(draft)} />
        </View>
      ) : null}
      {!list.data ? (
        <ListStatus loading={list.loading} error={list.error} empty={false} emptyText="" onRetry={() => void list.reload()} />
      ) : (
        list.data.items.map((d) => (
          <View key={d.id} className={`card department${d.active ? '' : ' retired'}`}>
            <View className="row-between">
              <Text className="card-title">{d.name}</Text>
              {d.active ? null : <Text className="muted">已停用</Text>}
            </View>
            <Text className="muted">
              {d.contact || '未填联系人'} · {d.phone || '未填电话'}
            </Text>
            <View className="department-actions">
              <Button size="small" onClick={() => edit(d)}>
                编辑
              </Button>
              <Button
                size="small"
                disabled={busy}
                onClick={() => void save({ departmentId: d.id, name: d.name, contact: d.contact, phone: d.phone }, !d.active)}
              >
                {d.active ? '停用' : '恢复'}
              </Button>
            </View>
          </View>
        ))
      )}
    </Screen>
  );
}
