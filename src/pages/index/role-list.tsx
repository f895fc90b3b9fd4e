import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, type Role } from '@core';
import { ROLE_HOME } from '@/routes';

const ROLE_HINTS: Readonly<Record<Role, string>> = {
  resident: '预约上门服务，查看办理进度',
  dispatcher: '审核居民点单，派给服务队',
  worker: '接单、上门服务、完工上报',
  supervisor: '查看所有工单，督办、回访',
  admin: '办理时限、考核权重、服务目录',
  group_leader: '本楼栋的结对认亲、入户申请和工单',
};

/** One large button per role the user holds. */
export function RoleList({ roles, current, onEnter }: { readonly roles: readonly Role[]; readonly current: Role | null; readonly onEnter: (r: Role) => void }) {
  if (roles.length === 0) return <Text className="muted">您还没有任何身份，请联系社区管理员。</Text>;
  return (
    <View className="role-list">
      {roles.map((role) => {
        const usable = Boolean(ROLE_HOME[role]);
        return (
          <View key={role} className={`role-item${usable ? '' : ' disabled'}${role === current ? ' current' : ''}`} onClick={() => usable && onEnter(role)}>
            <View className="role-item-text">
              <Text className="role-item-name">
                {ROLE_LABELS[role]}
                {role === current ? '（上次使用）' : ''}
              </Text>
              <Text className="muted">{ROLE_HINTS[role]}</Text>
            </View>
            {usable ? <Text className="role-item-go">进入 ›</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
