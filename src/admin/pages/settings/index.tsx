import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ServiceItem } from '@core';
import { adminSettings } from '@/api';
import { ListStatus } from '@/components/list-status';
import { Notices } from '@/components/notices';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { useLoad } from '@/hooks/useLoad';
import { useSession } from '@/hooks/useSession';
import { useWide } from '@/hooks/useWide';
import { ADMIN_COMMUNITY, ADMIN_DEPARTMENTS, ADMIN_MEMBERS, ASSESSMENT, PARTY_GRID, PUBLIC_BOARD } from '@/routes';
import { ServiceEditor } from './service-editor';
import { ServiceList } from './service-list';
import { ServiceTable } from './service-table';
import { DefaultDeadlinesCard, EscalationCard, WeightsCard } from './settings-cards';
import { TravelCard } from './travel-card';
import './index.scss';

/** 社区管理员: default deadlines, 考核 weights, escalation interval, and the service catalogue (a table at a desk). */
export default function AdminSettings() {
  const wide = useWide();
  const view = useLoad(() => adminSettings(), 'admin');
  const { session } = useSession();
  const [editing, setEditing] = useState<ServiceItem | null>(null);
  const v = view.data;
  const go = (url: string) => void Taro.navigateTo({ url });

  return (
    <Screen wide={wide}>
      <RoleBar role="admin" />
      <Notices role="admin" />
      <View className="admin-links">
        <Text className="admin-link" onClick={() => go(ADMIN_COMMUNITY)}>
          社区管理 ›
        </Text>
        <Text className="admin-link" onClick={() => go(ADMIN_MEMBERS)}>
          成员与邀请 ›
        </Text>
        <Text className="admin-link" onClick={() => go(PARTY_GRID)}>
          党建网格 ›
        </Text>
        <Text className="admin-link" onClick={() => go(ASSESSMENT)}>
          月度考核 ›
        </Text>
        <Text className="admin-link" onClick={() => go(ADMIN_DEPARTMENTS)}>
          职能部门 ›
        </Text>
        {session ? (
          <Text className="admin-link" onClick={() => go(`${PUBLIC_BOARD}?community=${session.community.id}`)}>
            社区晾晒榜 ›
          </Text>
        ) : null}
      </View>
      {!v ? (
        <ListStatus loading={view.loading} error={view.error} empty={false} emptyText="" onRetry={() => void view.reload()} />
      ) : (
        <View>
          <View className={wide ? 'console-grid' : undefined}>
            {/* Keyed by the saved values, so a pull-down refresh also resets the drafts. */}
            <DefaultDeadlinesCard key={`d${JSON.stringify(v.settings.defaultDeadlines)}`} settings={v.settings} onSaved={view.setData} />
            <WeightsCard key={`w${JSON.stringify(v.settings.weights)}`} settings={v.settings} onSaved={view.setData} />
            <EscalationCard key={`e${v.settings.escalationMinutes}`} settings={v.settings} onSaved={view.setData} />
            <TravelCard key={`t${v.settings.travelMinutes}`} settings={v.settings} onSaved={view.setData} />
          </View>
          <Text className="section-title">服务目录（{v.services.length}项）</Text>
          <View className="card">
            {wide ? (
              <ServiceTable services={v.services} onEdit={setEditing} onSaved={view.setData} />
            ) : (
              <ServiceList services={v.services} onEdit={setEditing} onSaved={view.setData} />
            )}
          </View>
          <ServiceEditor item={editing} defaults={v.settings.defaultDeadlines} onSaved={view.setData} onClose={() => setEditing(null)} />
        </View>
      )}
    </Screen>
  );
}
