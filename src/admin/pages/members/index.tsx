import { auditLog, listApplications, listInvitations, listMembers } from '@/api';
import { ListStatus } from '@/components/list-status';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { useLoad } from '@/hooks/useLoad';
import { useWide } from '@/hooks/useWide';
import { View } from '@tarojs/components';
import { ApplicationsCard } from './applications-card';
import { InviteCard } from './invite-card';
import { AuditCard, MembersCard } from './members-card';
import { AUDIT_ROWS } from './members-tables';
import './index.scss';

/** 成员与邀请: applications to decide, invitations to make, members and their roles, the audit log (side by side, as tables, at a desk). */
export default function AdminMembers() {
  const wide = useWide();
  const view = useLoad(async () => {
    const [applications, invitations, members, audit] = await Promise.all([listApplications(), listInvitations(), listMembers(), auditLog(AUDIT_ROWS)]);
    return { applications: applications.items, invitations, members: members.items, audit: audit.items };
  }, 'members');
  const v = view.data;
  const reload = () => void view.reload();
  return (
    <Screen wide={wide}>
      <RoleBar role="admin" />
      {!v ? (
        <ListStatus loading={view.loading} error={view.error} empty={false} emptyText="" onRetry={reload} />
      ) : (
        <View className={wide ? 'console-grid' : undefined}>
          <ApplicationsCard items={v.applications} onDecided={reload} />
          <InviteCard items={v.invitations.items} scopes={v.invitations.scopes} onChanged={reload} wide={wide} />
          <MembersCard items={v.members} onChanged={reload} wide={wide} />
          <AuditCard items={v.audit} wide={wide} />
        </View>
      )}
    </Screen>
  );
}
