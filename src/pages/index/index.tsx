import { useEffect, useRef } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Role } from '@core';
import { isLocalMode, storage } from '@/api';
import { ListStatus } from '@/components/list-status';
import { Screen } from '@/components/screen';
import { Toggle } from '@/components/toggle';
import { useElderMode } from '@/hooks/useElderMode';
import { useSession } from '@/hooks/useSession';
import { JOIN, PUBLIC_BOARD, ROLE_HOME } from '@/routes';
import { DemoUserPicker } from './demo-user-picker';
import { inviteFromParams, JoinCard, JoinMoreCard, LeaveLink } from './join-card';
import { CommunitySwitch } from './community-switch';
import { RoleList } from './role-list';
import { VolunteerCard } from './volunteer-card';
import './index.scss';

/** The start page: who I am, the roles I hold, 长辈模式; in local H5 mode, which demo user I am. */
export default function Start() {
  const { params } = useRouter();
  const { session, error, loading, reload } = useSession();
  const [elder, setElder] = useElderMode();
  const redirected = useRef(false);

  // A link or QR code with an invitation opens the join page with the code filled in.
  const invite = inviteFromParams(params);
  useEffect(() => {
    if (invite) void Taro.navigateTo({ url: `${JOIN}?invite=${invite}` });
  }, [invite]);

  // Straight back into the remembered role, unless the user came here to switch.
  useEffect(() => {
    if (!session || redirected.current || params.switch === '1') return;
    const role = storage.getRole();
    const home = role && session.user.roles.includes(role) ? ROLE_HOME[role] : undefined;
    if (home) {
      redirected.current = true;
      void Taro.redirectTo({ url: home });
    }
  }, [session, params.switch]);

  const enter = (role: Role) => {
    const home = ROLE_HOME[role];
    if (!home) return;
    storage.setRole(role);
    void Taro.navigateTo({ url: home });
  };

  const needsPick = isLocalMode && !storage.getDevUser();
  return (
    <Screen>
      <View className="start-hero">
        <Text className="start-title">红色物业 · 社区服务</Text>
        <Text className="start-sub">居民点单 · 物业下单 · 队员接单 · 社区督单</Text>
      </View>
      {isLocalMode ? <DemoUserPicker /> : null}
      {needsPick ? null : session ? (
        <View className="card">
          <Text className="card-title">
            您好，{session.user.name}
            {session.community.name ? `（${session.community.name}）` : ''}
          </Text>
          <CommunitySwitch session={session} />
          <Text className="muted">请选择您要使用的身份</Text>
          <RoleList roles={session.user.roles} current={storage.getRole()} onEnter={enter} />
        </View>
      ) : error?.code === 'AUTH.UNKNOWN_USER' ? (
        <JoinCard />
      ) : (
        <ListStatus loading={loading} error={error} empty={false} emptyText="" onRetry={reload} offerStart={false} />
      )}
      <View className="card row-between">
        <View className="start-elder">
          <Text className="card-title">长辈模式</Text>
          <Text className="muted">字更大，下单步骤更少</Text>
        </View>
        <Toggle label="长辈模式" checked={elder} onChange={(v) => setElder(v)} />
      </View>
      {session ? (
        <View className="card row-between" onClick={() => void Taro.navigateTo({ url: `${PUBLIC_BOARD}?community=${session.community.id}` })}>
          <View className="start-elder">
            <Text className="card-title">社区晾晒榜</Text>
            <Text className="muted">各小区、各服务队本月办得怎么样</Text>
          </View>
          <Text className="link">查看 ›</Text>
        </View>
      ) : null}
      {session?.user.roles.includes('resident') ? <VolunteerCard session={session} /> : null}
      {session ? <JoinMoreCard /> : null}
      {session ? <LeaveLink communityName={session.community.name} /> : null}
    </Screen>
  );
}
