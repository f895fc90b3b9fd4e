import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { FilterTabs } from '@/components/filter-tabs';
import { OrderList } from '@/components/order-list';
import { Notices } from '@/components/notices';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { groupTabs, type StateGroup } from '@/components/state-tabs';
import { useOrderList } from '@/hooks/useOrderList';
import { orderUrl } from '@/routes';

/**
 * Three tabs that fit a phone instead of one per state: what to dispatch, what is under way (up to
 * the resident's confirmation; each card's state tag says which step), and what has ended. Open work
 * is listed nearest deadline first.
 */
const INBOX_TABS: readonly (StateGroup & { readonly open: boolean; readonly empty: string })[] = [
  { key: 'dispatch', label: '待派单', states: ['pending_dispatch'], open: true, empty: '没有待派的工单' },
  {
    key: 'working',
    label: '处理中',
    states: ['pending_accept', 'accepted', 'in_service', 'referred', 'pending_confirm'],
    open: true,
    empty: '没有处理中的工单',
  },
  { key: 'ended', label: '已结束', states: ['closed', 'refused', 'cancelled'], open: false, empty: '还没有结束的工单' },
];

/** 下单: the company's orders, the most urgent first, each card with its deadline and what went wrong. */
export default function DispatcherInbox() {
  const [tab, setTab] = useState<string>('dispatch');
  const spec = INBOX_TABS.find((t) => t.key === tab) ?? INBOX_TABS[0]!;
  const filter = useMemo(() => ({ states: [...spec.states] }), [spec]);
  const list = useOrderList({ role: 'dispatcher', filter, sort: spec.open ? 'urgent' : 'recent' });
  return (
    <Screen>
      <RoleBar role="dispatcher" />
      <Notices role="dispatcher" />
      <FilterTabs options={groupTabs(list.counts, INBOX_TABS)} value={tab} onChange={setTab} />
      <OrderList
        list={list}
        forStaff
        emptyText={spec.empty}
        emptyHint={spec.key === 'dispatch' ? '居民的新点单会出现在这里' : undefined}
        onOpen={(o) => void Taro.navigateTo({ url: orderUrl('dispatcher', o.id) })}
      />
    </Screen>
  );
}
