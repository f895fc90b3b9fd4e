import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import type { OrderState } from '@core';
import { FilterTabs } from '@/components/filter-tabs';
import { OrderList } from '@/components/order-list';
import { Notices } from '@/components/notices';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { stateTabs, statesOf } from '@/components/state-tabs';
import { useOrderList } from '@/hooks/useOrderList';
import { orderUrl } from '@/routes';

/** The states a dispatcher works through, in the order they do. */
const INBOX_STATES: readonly OrderState[] = [
  'pending_dispatch',
  'pending_accept',
  'accepted',
  'in_service',
  'pending_confirm',
  'closed',
  'refused',
  'cancelled',
];

/** 下单: the company's orders by state, oldest need first visible by its waiting time. */
export default function DispatcherInbox() {
  const [tab, setTab] = useState<string>('pending_dispatch');
  const filter = useMemo(() => ({ states: statesOf(tab) }), [tab]);
  const list = useOrderList({ role: 'dispatcher', filter });
  return (
    <Screen>
      <RoleBar role="dispatcher" />
      <Notices role="dispatcher" />
      <FilterTabs options={stateTabs(list.counts, INBOX_STATES)} value={tab} onChange={setTab} />
      <OrderList
        list={list}
        showWaiting
        emptyText={tab === 'pending_dispatch' ? '没有待派的工单' : '这里没有工单'}
        emptyHint={tab === 'pending_dispatch' ? '居民的新点单会出现在这里' : undefined}
        onOpen={(o) => void Taro.navigateTo({ url: orderUrl('dispatcher', o.id) })}
      />
    </Screen>
  );
}
