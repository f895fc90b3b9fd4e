import { Text, View } from '@tarojs/components';
import { AUDIT_LABELS, ROLE_LABELS, type AuditEntry, type MemberView, type Role } from '@core';
import { asApiError, revokeMemberRole } from '@/api';
import { dateTime } from '@/components/format';
import { confirmAction, showFailure, toastOk } from '@/hooks/feedback';
import { AuditTable, MembersTable } from './members-tables';

/** 成员: who holds which role; tapping a role takes it away after asking. */
export function MembersCard({ items, onChanged, wide }: { readonly items: readonly MemberView[]; readonly onChanged: () => void; readonly wide?: boolean }) {
  const revoke = async (m: MemberView, role: Role) => {
    if (!(await confirmAction('撤销身份', `撤销${m.name}的${ROLE_LABELS[role]}身份？`, '撤销'))) return;
    try {
      await revokeMemberRole(m.id, role);
      toastOk('已撤销');
      onChanged();
    } catch (e) {
      showFailure(asApiError(e));
    }
  };
  return (
    <View className="card">
      <Text className="card-title">社区成员（{items.length}）</Text>
      <Text className="muted">点身份标签可撤销该身份</Text>
      {wide ? <MembersTable items={items} onRevoke={(m, r) => void revoke(m, r)} /> : null}
      {wide
        ? null
        : items.map((m) => (
            <View key={m.id} className="members-row">
              <Text className="members-name">
                {m.name} · {m.phone}
              </Text>
              <View className="chips">
                {m.roles.map((r) => (
                  <View key={r} className="chip" onClick={() => void revoke(m, r)}>
                    <Text>{ROLE_LABELS[r]} ×</Text>
                  </View>
                ))}
              </View>
            </View>
          ))}
    </View>
  );
}

/** 操作记录: who changed what, when, newest first. */
export function AuditCard({ items, wide }: { readonly items: readonly AuditEntry[]; readonly wide?: boolean }) {
  if (wide) {
    return (
      <View className="card">
        <Text className="card-title">操作记录</Text>
        <AuditTable items={items} />
      </View>
    );
  }
  return (
    <View className="card">
      <Text className="card-title">操作记录</Text>
      {items.length === 0 ? <Text className="muted">还没有记录</Text> : null}
      {items.map((e) => (
        <View key={e.id} className="audit-row">
          <Text>
            {e.actorName} {AUDIT_LABELS[e.what]}：{e.subject}
            {e.detail ? `（${e.detail}）` : ''}
          </Text>
          <Text className="muted">{dateTime(e.at)}</Text>
        </View>
      ))}
    </View>
  );
}
