import { useMemo, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { OPEN_STATES, orderFlags, type OrderListFilter, type OrderView } from '@core';
import { listOrders, partyGrid } from '@/api';
import { Chips } from '@/components/action-forms/parts';
import { ListStatus } from '@/components/list-status';
import { OrderCard } from '@/components/order-card';
import { OrderList } from '@/components/order-list';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { useLoad } from '@/hooks/useLoad';
import { useOrderList } from '@/hooks/useOrderList';
import { orderUrl } from '@/routes';
import './index.scss';

/** How many open orders are read for the exceptions: more than a building holds open at once. */
const OPEN_READ = 50;

/**
 * 本楼栋工单: the 楼栋党小组长 follows the orders of the buildings they lead — first those that need
 * attention (late, gone up to the community, complained of, pressed by a 督办; nearest deadline
 * first), then every order newest first. They act on none; contacts are shown as docs/privacy.md
 * says for 楼栋党小组长 (the server masks them).
 */
export default function GridOrders() {
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const grid = useLoad(() => partyGrid('group_leader'), 'grid');
  const filter = useMemo<OrderListFilter>(() => (buildingId ? { buildingId } : {}), [buildingId]);
  const list = useOrderList({ role: 'group_leader', filter });
  const attention = useLoad(
    async () => {
      const page = await listOrders('group_leader', { ...filter, states: [...OPEN_STATES] }, null, OPEN_READ, 'urgent');
      return page.items.filter((o) => orderFlags(o).length > 0);
    },
    `attention|${buildingId ?? ''}`,
  );
  usePullDownRefresh(() => void Promise.all([list.reload(), attention.reload()]).finally(() => Taro.stopPullDownRefresh()));
  const open = (o: OrderView) => void Taro.navigateTo({ url: orderUrl('group_leader', o.id) });
  const buildings = grid.data?.buildings ?? [];

  return (
    <Screen>
      <RoleBar role="group_leader" />
      {buildings.length > 1 ? (
        <View className="grid-orders-buildings">
          <Chips
            options={[{ value: null, label: '全部楼栋' }, ...buildings.map((b) => ({ value: b.id, label: `${b.compoundName}${b.name}` }))]}
            value={buildingId}
            onChange={setBuildingId}
          />
        </View>
      ) : null}
      <Text className="section-title">需要关注{attention.data ? `（${attention.data.length}）` : ''}</Text>
      {attention.data && attention.data.length > 0 ? (
        attention.data.map((o) => <OrderCard key={o.id} order={o} onOpen={open} forStaff />)
      ) : (
        <ListStatus
          loading={attention.loading}
          error={attention.error}
          empty
          emptyText="没有超时、投诉或督办中的工单"
          onRetry={() => void attention.reload()}
        />
      )}
      <Text className="section-title">全部工单（最新在前）</Text>
      <OrderList list={list} forStaff emptyText="您负责的楼栋还没有工单" onOpen={open} />
    </Screen>
  );
}
