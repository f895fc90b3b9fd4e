import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { FilterTabs } from '@/components/filter-tabs';
import { OrderList } from '@/components/order-list';
import { Screen } from '@/components/screen';
import { ALL_TAB, stateTabs, statesOf } from '@/components/state-tabs';
import { useOrderList } from '@/hooks/useOrderList';
import { orderUrl } from '@/routes';

/** 我的工单: every order of my households, by state. */
export default function ResidentOrders() {
  const [tab, setTab] = useState(ALL_TAB);
  const filter = useMemo(() => ({ states: statesOf(tab) }), [tab]);
  const list = useOrderList({ role: 'resident', filter });
  return (
    <Screen>
      <FilterTabs options={stateTabs(list.counts)} value={tab} onChange={setTab} />
      <OrderList
        list={list}
        emptyText={tab === ALL_TAB ? '您还没有预约过服务' : '这里没有工单'}
        emptyHint={tab === ALL_TAB ? '回到首页选择服务即可预约' : undefined}
        onOpen={(o) => void Taro.navigateTo({ url: orderUrl('resident', o.id) })}
        forResident
      />
    </Screen>
  );
}
