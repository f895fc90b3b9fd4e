import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import type { OrderListFilter, OrderView } from '@core';
import { ACTION_LABELS, HELD_STATES, POOL_STATE } from '@core';
import { FilterTabs } from '@/components/filter-tabs';
import { Button } from '@/components/nut/button';
import { OrderList } from '@/components/order-list';
import { Notices } from '@/components/notices';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { useOrderList } from '@/hooks/useOrderList';
import { useQuickAction } from '@/hooks/useQuickAction';
import { orderUrl } from '@/routes';

/** The worker's three views: their open tasks, the team pool, and what they finished. */
const TABS: Record<string, { label: string; filter: OrderListFilter; empty: string }> = {
  todo: { label: '我的任务', filter: { states: [...HELD_STATES], holder: 'mine' }, empty: '手头没有任务' },
  pool: { label: '队伍抢单池', filter: { states: [POOL_STATE], holder: 'pool' }, empty: '抢单池里暂时没有工单' },
  done: { label: '已完工', filter: { states: ['pending_confirm', 'closed'], holder: 'mine' }, empty: '还没有完工的工单' },
};

/** 接单: my tasks and my team's pool, with 抢单 right on the card. */
export default function WorkerTasks() {
  const [tab, setTab] = useState('todo');
  const spec = TABS[tab]!;
  const filter = useMemo(() => spec.filter, [spec]);
  const list = useOrderList({ role: 'worker', filter });
  const quick = useQuickAction('worker', '抢到后这单就由您负责，请按约定时间上门。');

  const grab = async (o: OrderView) => {
    const next = await quick.run(o, 'grab');
    if (next) {
      list.remove(o.id);
      void Taro.navigateTo({ url: orderUrl('worker', o.id) });
    }
  };

  return (
    <Screen>
      <RoleBar role="worker" />
      <Notices role="worker" />
      <FilterTabs options={Object.entries(TABS).map(([key, t]) => ({ key, label: t.label }))} value={tab} onChange={setTab} />
      <OrderList
        list={list}
        emptyText={spec.empty}
        onOpen={(o) => void Taro.navigateTo({ url: orderUrl('worker', o.id) })}
        renderActions={(o) =>
          tab === 'pool' && o.actions.includes('grab') ? (
            <Button type="primary" loading={quick.busy === o.id} disabled={quick.busy !== null} onClick={() => void grab(o)}>
              {ACTION_LABELS.grab}
            </Button>
          ) : null
        }
      />
    </Screen>
  );
}
