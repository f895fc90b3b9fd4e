import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { INVITABLE_ROLES, ROLE_LABELS, type InvitableRole, type InvitationScopes, type InvitationView } from '@core';
import { asApiError, createInvitation, revokeInvitation } from '@/api';
import { dateTime } from '@/components/format';
import { Button } from '@/components/nut/button';
import { confirmAction, showFailure } from '@/hooks/feedback';
import { InvitationsTable } from './members-tables';

const STATUS_TEXT = { active: '有效', revoked: '已撤销', expired: '已过期', 'used-up': '已用完' } as const;
const DAYS = [1, 7, 30] as const;
const USES = [1, 5, 20] as const;
/** What an invitation to each scoped role names. */
const SCOPE_LABELS = { worker: '服务队', dispatcher: '物业公司', group_leader: '楼栋' } as const;

interface Props {
  readonly items: readonly InvitationView[];
  readonly scopes: InvitationScopes;
  readonly onChanged: () => void;
  /** The console: the invitations made as a table. */
  readonly wide?: boolean;
}

/** 邀请: a role and its scope, how long and how many times; the code, path and QR scene to hand out. */
export function InviteCard({ items, scopes, onChanged, wide }: Props) {
  const [role, setRole] = useState<InvitableRole>('worker');
  const [scope, setScope] = useState('');
  const [days, setDays] = useState<number>(7);
  const [uses, setUses] = useState<number>(1);
  const [made, setMade] = useState<InvitationView | null>(null);
  const [problem, setProblem] = useState('');
  const options = role === 'worker' ? scopes.teams : role === 'dispatcher' ? scopes.companies : role === 'group_leader' ? (scopes.buildings ?? []) : [];
  const scopeLabel = SCOPE_LABELS[role as keyof typeof SCOPE_LABELS] ?? '';

  const create = async () => {
    if (options.length > 0 && !scope) return setProblem(`请选择${scopeLabel}`);
    setProblem('');
    try {
      const { invitation } = await createInvitation({
        memberRole: role,
        teamId: role === 'worker' ? scope : null,
        companyId: role === 'dispatcher' ? scope : null,
        buildingId: role === 'group_leader' ? scope : null,
        days,
        maxUses: uses,
      });
      setMade(invitation);
      onChanged();
    } catch (e) {
      showFailure(asApiError(e));
    }
  };
  const revoke = async (code: string) => {
    if (!(await confirmAction('撤销邀请', `撤销后邀请码 ${code} 将不能再使用。`, '撤销'))) return;
    try {
      await revokeInvitation(code);
      onChanged();
    } catch (e) {
      showFailure(asApiError(e));
    }
  };

  const chip = (active: boolean, label: string, onClick: () => void) => (
    <View key={label} className={`chip${active ? ' active' : ''}`} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  );
  return (
    <View className="card">
      <Text className="card-title">邀请工作人员</Text>
      <Text className="invite-label">身份</Text>
      <View className="chips">
        {INVITABLE_ROLES.map((r) =>
          chip(r === role, ROLE_LABELS[r], () => {
            setRole(r);
            setScope('');
          }),
        )}
      </View>
      {options.length > 0 ? (
        <View>
          <Text className="invite-label">{scopeLabel}</Text>
          <View className="chips">{options.map((o) => chip(o.id === scope, o.name, () => setScope(o.id)))}</View>
        </View>
      ) : null}
      <Text className="invite-label">有效期</Text>
      <View className="chips">{DAYS.map((d) => chip(d === days, `${d}天内有效`, () => setDays(d)))}</View>
      <Text className="invite-label">可用次数</Text>
      <View className="chips">{USES.map((n) => chip(n === uses, `可用${n}次`, () => setUses(n)))}</View>
      {problem ? <Text className="field-error">{problem}</Text> : null}
      <Button type="primary" block onClick={() => void create()}>
        生成邀请码
      </Button>
      {made ? (
        <View className="invite-made">
          <Text className="invite-code">{made.code}</Text>
          <Text className="muted">小程序路径：{made.path}</Text>
          <Text className="muted">二维码 scene：{made.scene}</Text>
        </View>
      ) : null}
      {wide ? <InvitationsTable items={items} onRevoke={(code) => void revoke(code)} /> : null}
      {wide
        ? null
        : items.map((i) => (
            <View key={i.code} className="members-row">
              <View className="row-between">
                <Text className="members-name">
                  {i.code} · {ROLE_LABELS[i.role]}
                  {i.scope ? `（${i.scope}）` : ''}
                </Text>
                <Text className={`invite-status ${i.status}`}>{STATUS_TEXT[i.status]}</Text>
              </View>
              <Text className="muted">
                已用 {i.uses}/{i.maxUses} 次 · {dateTime(i.expiresAt)}到期
              </Text>
              {i.status === 'active' ? (
                <View className="members-actions">
                  <Button size="small" onClick={() => void revoke(i.code)}>
                    撤销
                  </Button>
                </View>
              ) : null}
            </View>
          ))}
    </View>
  );
}
