import { Text, View } from '@tarojs/components';
import { AUDIT_LABELS, ROLE_LABELS, type AuditEntry, type InvitationView, type MemberView, type Role } from '@core';
import { DataTable, type Column } from '@/components/data-table';
import { dateTime } from '@/components/format';
import { Button } from '@/components/nut/button';

/** The console's lists of 成员与邀请: the same data and actions as the cards, as sortable, filterable tables. */

const roleNames = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join('、');

const MEMBER_COLUMNS: Column<MemberView>[] = [
  { key: 'name', title: '姓名', text: (m) => m.name, sortBy: (m) => m.name },
  { key: 'phone', title: '电话', text: (m) => m.phone, sortBy: (m) => m.phone },
  { key: 'roles', title: '身份', text: (m) => roleNames(m.roles), filterBy: true, sortBy: (m) => roleNames(m.roles), grow: 2 },
];

/** 社区成员: one row per person; each role is a button that takes it away (after asking). */
export function MembersTable({ items, onRevoke }: { readonly items: readonly MemberView[]; readonly onRevoke: (m: MemberView, role: Role) => void }) {
  return (
    <DataTable
      caption="社区成员"
      rows={items}
      columns={MEMBER_COLUMNS}
      rowKey={(m) => m.id}
      searchable
      empty="还没有成员"
      delivered="按姓名"
      initialSort={{ key: 'name', direction: 'asc' }}
      cell={(c, m) =>
        c.key === 'roles' ? (
          <View className="chips members-roles">
            {m.roles.map((r) => (
              <View key={r} className="chip" role="button" aria-label={`撤销${m.name}的${ROLE_LABELS[r]}身份`} onClick={() => onRevoke(m, r)}>
                <Text>{ROLE_LABELS[r]} ×</Text>
              </View>
            ))}
          </View>
        ) : (
          <Text>{c.text(m)}</Text>
        )
      }
    />
  );
}

const STATUS_TEXT = { active: '有效', revoked: '已撤销', expired: '已过期', 'used-up': '已用完' } as const;

const INVITATION_COLUMNS: Column<InvitationView>[] = [
  { key: 'code', title: '邀请码', text: (i) => i.code, sortBy: (i) => i.code },
  { key: 'role', title: '身份', text: (i) => ROLE_LABELS[i.role], filterBy: true, sortBy: (i) => i.role, grow: 0.8 },
  { key: 'scope', title: '范围', text: (i) => i.scope ?? '—', filterBy: true, grow: 1.2 },
  { key: 'status', title: '状态', text: (i) => STATUS_TEXT[i.status], filterBy: true, grow: 0.7 },
  { key: 'uses', title: '已用', text: (i) => `${i.uses}/${i.maxUses}次`, sortBy: (i) => i.uses, grow: 0.6 },
  { key: 'expires', title: '到期', text: (i) => dateTime(i.expiresAt), sortBy: (i) => i.expiresAt },
  { key: 'made', title: '生成于', text: (i) => dateTime(i.createdAt), sortBy: (i) => i.createdAt },
  { key: 'act', title: '操作', text: () => '', grow: 0.7 },
];

/** 已发出的邀请: each with its state; a valid one can be revoked. */
export function InvitationsTable({ items, onRevoke }: { readonly items: readonly InvitationView[]; readonly onRevoke: (code: string) => void }) {
  return (
    <DataTable
      caption="已发出的邀请"
      rows={items}
      columns={INVITATION_COLUMNS}
      rowKey={(i) => i.code}
      empty="还没有发出邀请"
      delivered="最新生成的在前"
      initialSort={{ key: 'made', direction: 'desc' }}
      cell={(c, i) =>
        c.key === 'act' ? (
          i.status === 'active' ? (
            <Button size="small" onClick={() => onRevoke(i.code)}>
              撤销
            </Button>
          ) : null
        ) : (
          <Text>{c.text(i)}</Text>
        )
      }
    />
  );
}

const AUDIT_COLUMNS: Column<AuditEntry>[] = [
  { key: 'at', title: '时间', text: (e) => dateTime(e.at), sortBy: (e) => e.at },
  { key: 'actor', title: '操作人', text: (e) => e.actorName, filterBy: true, sortBy: (e) => e.actorName, grow: 0.8 },
  { key: 'what', title: '操作', text: (e) => AUDIT_LABELS[e.what], filterBy: true, grow: 1 },
  { key: 'subject', title: '对象', text: (e) => `${e.subject}${e.detail ? `（${e.detail}）` : ''}`, grow: 2 },
];

/** 操作记录: who changed what, newest first unless sorted otherwise. */
/** How many audit entries the 成员与邀请 page asks for: the newest. */
export const AUDIT_ROWS = 50;

export function AuditTable({ items }: { readonly items: readonly AuditEntry[] }) {
  return (
    <DataTable
      caption="操作记录"
      rows={items}
      columns={AUDIT_COLUMNS}
      rowKey={(e) => e.id}
      searchable
      empty="还没有记录"
      delivered="最新的在前"
      partial={items.length >= AUDIT_ROWS ? `只载入最近 ${AUDIT_ROWS} 条` : null}
      initialSort={{ key: 'at', direction: 'desc' }}
    />
  );
}
