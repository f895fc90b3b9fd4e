import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { manageOverview } from '@/api';
import { Chips } from '@/components/action-forms/parts';
import { ListStatus } from '@/components/list-status';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { useLoad } from '@/hooks/useLoad';
import { CatalogueTab } from './catalogue-tab';
import { HouseholdsTab } from './households-tab';
import { PlacesTab } from './places-tab';
import { SheetTab } from './sheet-tab';
import { TeamsTab } from './teams-tab';
import './index.scss';

const TABS = [
  { value: 'places', label: '小区与楼栋' },
  { value: 'households', label: '住户与居民' },
  { value: 'teams', label: '服务队与队员' },
  { value: 'catalogue', label: '服务目录' },
  { value: 'sheet', label: '表格导入导出' },
] as const;
type Tab = (typeof TABS)[number]['value'];

/** 社区管理: the community's places, people, teams and catalogue, and the household sheet in and out. */
export default function AdminCommunity() {
  const view = useLoad(() => manageOverview(), 'manage');
  const [tab, setTab] = useState<Tab>('places');
  const v = view.data;
  const reload = () => void view.reload();
  return (
    <Screen>
      <RoleBar role="admin" />
      <View className="manage-tabs">
        <Chips options={TABS} value={tab} onChange={setTab} />
        <Text className="muted manage-hint">每一项添加和修改都记入“成员与邀请”页的操作记录：谁、何时、改了什么。</Text>
      </View>
      {!v ? (
        <ListStatus loading={view.loading} error={view.error} empty={false} emptyText="" onRetry={reload} />
      ) : tab === 'places' ? (
        <PlacesTab view={v} onSaved={reload} />
      ) : tab === 'households' ? (
        <HouseholdsTab view={v} onSaved={reload} />
      ) : tab === 'teams' ? (
        <TeamsTab view={v} onSaved={reload} />
      ) : tab === 'catalogue' ? (
        <CatalogueTab view={v} onSaved={reload} />
      ) : (
        <SheetTab onImported={reload} />
      )}
    </Screen>
  );
}
