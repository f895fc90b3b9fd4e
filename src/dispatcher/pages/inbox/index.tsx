import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import type { OrderView } from '@core';
import { FilterTabs } from '@/components/filter-tabs';
import { OrderDetailPane } from '@/components/order-detail';
import { OrderList } from '@/components/order-list';
import { OrderTable } from '@/components/order-table';
import { Notices } from '@/components/notices';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { SplitView } from '@/components/split-view';
import { groupTabs, type StateGroup } from '@/components/state-tabs';
import { useOrderList } from '@/hooks/useOrderList';
import { useWide } from '@/hooks/useWide';
import { orderUrl } from '@/routes';

/**
 * Three tabs that fit a phone instead of one per state: what to dispatch, what is under way (up to
 * the resident's confirmation; each card's state tag says which step), and what has ended. Open work
 * is listed exceptions first (late, complained about, 督办: each card's badges say which), then
 * nearest deadline first.
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

/**
 * 下单: the company's orders, exceptions and then the nearest deadlines first. On a phone each is a
 * card that opens its page; at a desk (the console) a sortable, filterable table with the chosen
 * order beside it.
 */
export default function DispatcherInbox() {
  const wide = useWide();
  const [tab, setTab] = useState<string>('dispatch');
  const [openId, setOpenId] = useState<string | null>(null);
  const spec = INBOX_TABS.find((t) => t.key === tab) ?? INBOX_TABS[0]!;
  const filter = useMemo(() => ({ states: [...spec.states] }), [spec]);
  // At a desk the table sorts and filters over every order of the tab, so it loads them all.
  const list = useOrderList({ role: 'dispatcher', filter, sort: spec.open ? 'urgent' : 'recent', all: wide });
  const tabs = <FilterTabs options={groupTabs(list.counts, INBOX_TABS)} value={tab} onChange={setTab} />;
  const open = (o: OrderView) => (wide ? setOpenId(o.id) : void Taro.navigateTo({ url: orderUrl('dispatcher', o.id) }));

  if (wide) {
    return (
      <Screen wide>
        <RoleBar role="dispatcher" />
        <Notices role="dispatcher" />
        <SplitView
          sideLabel="工单详情"
          hint="点左侧表格中的一行，在这里查看并办理这张工单"
          side={openId ? <OrderDetailPane key={openId} role="dispatcher" orderId={openId} onGone={() => setOpenId(null)} /> : null}
        >
          {tabs}
          <OrderTable
            caption={`${spec.label}工单`}
            list={list}
            selectedId={openId}
            onOpen={open}
            emptyText={spec.empty}
            delivered={spec.open ? '有异常的在前，其余按时限' : '最近有变动的在前'}
          />
        </SplitView>
      </Screen>
    );
  }
  return (
    <Screen>
      <RoleBar role="dispatcher" />
      <Notices role="dispatcher" />
      {tabs}
      <OrderList list={list} forStaff emptyText={spec.empty} emptyHint={spec.key === 'dispatch' ? '居民的新点单会出现在这里' : undefined} onOpen={open} />
    </Screen>
  );
}
