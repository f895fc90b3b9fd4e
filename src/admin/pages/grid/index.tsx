import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { GridView } from '@core';
import { listApplications, partyGrid, storage, type GridRole } from '@/api';
import { ListStatus } from '@/components/list-status';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { useLoad } from '@/hooks/useLoad';
import { GRID_ORDERS } from '@/routes';
import { ApplicationsCard } from '../members/applications-card';
import { BuildingCard } from './grid-card';
import '../members/index.scss';
import './index.scss';

/**
 * 党建网格: the buildings the caller arranges — every one for the admin, their own for a 楼栋党小组长 —
 * with each household's paired party member (结对认亲); a group leader also decides the applications
 * to live in their buildings here.
 */
export default function PartyGrid() {
  const role: GridRole = storage.getRole() === 'group_leader' ? 'group_leader' : 'admin';
  const view = useLoad(async () => {
    const [grid, applications] = await Promise.all([partyGrid(role), role === 'group_leader' ? listApplications('pending', role) : null]);
    return { grid, applications: applications?.items ?? null };
  }, `grid-${role}`);
  const [grid, setGrid] = useState<GridView | null>(null);
  useEffect(() => setGrid(view.data?.grid ?? null), [view.data]);
  const reload = () => void view.reload();
  return (
    <Screen>
      <RoleBar role={role} />
      {!grid || !view.data ? (
        <ListStatus loading={view.loading} error={view.error} empty={false} emptyText="" onRetry={reload} />
      ) : (
        <View>
          {role === 'group_leader' ? (
            <View className="card row-between" onClick={() => void Taro.navigateTo({ url: GRID_ORDERS })}>
              <Text className="card-title">本楼栋工单</Text>
              <Text className="link">超时、投诉和督办在前 ›</Text>
            </View>
          ) : null}
          {view.data.applications ? <ApplicationsCard items={view.data.applications} onDecided={reload} role={role} /> : null}
          {grid.buildings.length === 0 ? (
            <View className="card">
              <Text className="muted">您还没有负责的楼栋，请联系社区管理员</Text>
            </View>
          ) : null}
          {grid.buildings.map((b) => (
            <BuildingCard key={b.id} building={b} members={grid.members} role={role} onChanged={setGrid} />
          ))}
        </View>
      )}
    </Screen>
  );
}
