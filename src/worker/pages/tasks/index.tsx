import { useEffect, useMemo, useState } from 'react';
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OrderListFilter, OrderView } from '@core';
import { ACTION_LABELS, byBookedDay, HELD_STATES, POOL_STATE, type BookedDay } from '@core';
import { FilterTabs } from '@/components/filter-tabs';
import { Button } from '@/components/nut/button';
import { OrderList, type OrderSection } from '@/components/order-list';
import { Notices } from '@/components/notices';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { useOrderList } from '@/hooks/useOrderList';
import { useQuickAction } from '@/hooks/useQuickAction';
import { useSession } from '@/hooks/useSession';
import { orderUrl } from '@/routes';
import { grabBlock, heldCount } from './grab-block';
import './index.scss';

/** The worker's three views: their open tasks, the team pool, and what they finished. */
const TABS: Record<string, { label: string; filter: OrderListFilter; empty: string; byDay: boolean }> = {
  todo: { label: '我的任务', filter: { states: [...HELD_STATES], holder: 'mine' }, empty: '手头没有任务', byDay: true },
  pool: { label: '队伍抢单池', filter: { states: [POOL_STATE], holder: 'pool' }, empty: '抢单池里暂时没有工单', byDay: true },
  done: { label: '已完工', filter: { states: ['pending_confirm', 'closed'], holder: 'mine' }, empty: '还没有完工的工单', byDay: false },
};

const DAY_TITLES: Readonly<Record<BookedDay, string>> = { today: '今天', tomorrow: '明天', later: '以后' };

/**
 * Open work by the day it is booked for, soonest first. A worker holds a handful of open orders (the
 * cap) and a pool is small, so the first page holds them all and sorting what is loaded is enough.
 */
const byDay = (items: readonly OrderView[]): OrderSection[] =>
  byBookedDay(items, Date.now()).map((s) => ({ key: s.day, title: DAY_TITLES[s.day], items: s.orders }));

/** What a card offers at once: 抢单 in the pool, 接单 on an order offered to me by name. */
const QUICK = ['grab', 'accept'] as const;
const QUESTIONS: Readonly<Record<(typeof QUICK)[number], string>> = {
  grab: '抢到后这单就由您负责，请按约定时间上门。',
  accept: '接单后请按约定时间上门。',
};

/** 接单: my tasks by day and my team's pool, with 抢单 and 接单 right on the card. */
export default function WorkerTasks() {
  const [tab, setTab] = useState('todo');
  const spec = TABS[tab]!;
  const filter = useMemo(() => spec.filter, [spec]);
  const list = useOrderList({ role: 'worker', filter });
  const grab = useQuickAction('worker', QUESTIONS.grab);
  const accept = useQuickAction('worker', QUESTIONS.accept);
  const busy = grab.busy ?? accept.busy;
  const { session } = useSession();
  // What I hold, known from my own tab (the page opens on it): the pool then says at once that I
  // am full or off duty, instead of a 抢单 that can only be refused.
  const [held, setHeld] = useState<number | null>(null);
  useEffect(() => {
    if (tab === 'todo' && list.counts) setHeld(heldCount(list.counts));
  }, [tab, list.counts]);
  const blocked = tab === 'pool' ? grabBlock(session?.user ?? null, held) : null;

  const run = async (o: OrderView, action: (typeof QUICK)[number]) => {
    const next = await (action === 'grab' ? grab : accept).run(o, action);
    if (next && action === 'grab') {
      list.remove(o.id);
      void Taro.navigateTo({ url: orderUrl('worker', o.id) });
    }
  };

  return (
    <Screen>
      <RoleBar role="worker" />
      <Notices role="worker" />
      <FilterTabs options={Object.entries(TABS).map(([key, t]) => ({ key, label: t.label }))} value={tab} onChange={setTab} />
      {blocked ? <Text className="grab-blocked">{blocked}</Text> : null}
      <OrderList
        list={list}
        forStaff={tab !== 'done'}
        emptyText={spec.empty}
        sections={spec.byDay ? byDay : undefined}
        onOpen={(o) => void Taro.navigateTo({ url: orderUrl('worker', o.id) })}
        renderActions={(o) => {
          const action = QUICK.find((a) => o.actions.includes(a));
          return action ? (
            <Button
              type="primary"
              loading={busy === o.id}
              disabled={busy !== null || (action === 'grab' && blocked !== null)}
              onClick={() => void run(o, action)}
            >
              {ACTION_LABELS[action]}
            </Button>
          ) : null;
        }}
      />
    </Screen>
  );
}
