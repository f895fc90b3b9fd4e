import { useMemo, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { STATE_LABELS, WHOLE_COMMUNITY, type OrderState, type OrderView, type StatsCut } from '@core';
import { ListStatus } from '@/components/list-status';
import { OrderCard } from '@/components/order-card';
import { OrderDetailPane } from '@/components/order-detail';
import { OrderList } from '@/components/order-list';
import { OrderTable } from '@/components/order-table';
import { Notices } from '@/components/notices';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { SplitView } from '@/components/split-view';
import { useLongestWaiting } from '@/hooks/useLongestWaiting';
import { useOrderList } from '@/hooks/useOrderList';
import { useTeams } from '@/hooks/useTeams';
import { useWide } from '@/hooks/useWide';
import { supervisorBoard } from '@/api';
import { useLoad } from '@/hooks/useLoad';
import { ASSESSMENT, SUPERVISOR_MEETINGS, SUPERVISOR_STATS, VOLUNTEER_HOURS, orderUrl } from '@/routes';
import { PlaceCut, cutQuery, usePlaces } from '../../place-cut';
import { StateCounts } from './counts';
import { Exceptions } from './exceptions';
import { FilterPanel, NO_FILTERS, toListFilter, type BoardFilters } from './filters';
import './index.scss';

/**
 * 督单: the exceptions first, then counts per state, the longest waits, and every order under filters.
 * At a desk (the console) the orders are a sortable table (已等待 sorts the longest waits first) and
 * the chosen order opens beside it.
 */
export default function SupervisorBoard() {
  const wide = useWide();
  const [openId, setOpenId] = useState<string | null>(null);
  const { teams } = useTeams('supervisor');
  const places = usePlaces();
  const [cut, setCut] = useState<StatsCut>(WHOLE_COMMUNITY);
  const [filters, setFilters] = useState<BoardFilters>(NO_FILTERS);
  const [state, setState] = useState<OrderState | null>(null);
  const [showFilters, setShowFilters] = useState(false);
  const base = useMemo(() => toListFilter(filters, cut, Date.now()), [filters, cut]);
  const filter = useMemo(() => (state ? { ...base, states: [state] } : base), [base, state]);
  // At a desk the table sorts and filters over every order the filters select, so it loads them all.
  const list = useOrderList({ role: 'supervisor', filter, all: wide });
  const waiting = useLongestWaiting(base);
  // The exceptions come with the board's figures (last 30 days); useLoad refreshes them on pull-down.
  const board = useLoad(() => supervisorBoard('supervisor', null, cut), `recent|${cutQuery(cut)}`);
  usePullDownRefresh(() => void waiting.reload());
  // The statistics and the 考核 open on the place chosen here.
  const withCut = (url: string) => (cutQuery(cut) ? `${url}?${cutQuery(cut)}` : url);
  const open = (o: OrderView) => (wide ? setOpenId(o.id) : void Taro.navigateTo({ url: orderUrl('supervisor', o.id) }));
  const active = [filters.teamId, filters.category, filters.period !== 'all' ? 1 : null].filter(Boolean).length;
  const links = (
    <View className="board-links">
      <Text className="board-link" onClick={() => void Taro.navigateTo({ url: withCut(SUPERVISOR_STATS) })}>
        三率统计 ›
      </Text>
      <Text className="board-link" onClick={() => void Taro.navigateTo({ url: withCut(ASSESSMENT) })}>
        月度考核 ›
      </Text>
      <Text className="board-link" onClick={() => void Taro.navigateTo({ url: VOLUNTEER_HOURS })}>
        志愿服务时长 ›
      </Text>
      <Text className="board-link" onClick={() => void Taro.navigateTo({ url: SUPERVISOR_MEETINGS })}>
        {/* Two unbreakable halves: a narrow tile breaks between them, never leaving the › alone. */}
        <Text className="board-link-part">诉求与</Text>
        <Text className="board-link-part">圆桌会议 ›</Text>
      </Text>
    </View>
  );
  const placeCut = <PlaceCut value={cut} onChange={setCut} places={places} />;
  const listTitle = state ? `${STATE_LABELS[state]}的工单` : '全部工单';

  if (wide) {
    return (
      <Screen wide>
        <RoleBar role="supervisor" />
        <Notices role="supervisor" />
        <SplitView
          sideLabel="工单详情"
          hint="点一张工单，在这里查看、督办或回访"
          side={openId ? <OrderDetailPane key={openId} role="supervisor" orderId={openId} onGone={() => setOpenId(null)} /> : null}
        >
          {links}
          {placeCut}
          <Exceptions board={board.data} loading={board.loading} error={board.error} onRetry={() => void board.reload()} onOpen={open} />
          <Text className="section-title">各状态工单</Text>
          <StateCounts counts={list.counts} selected={state} onSelect={setState} />
          <FilterPanel value={filters} onChange={setFilters} teams={teams.filter((t) => !t.removed)} />
          <Text className="section-title">{listTitle}</Text>
          <OrderTable caption={listTitle} list={list} selectedId={openId} onOpen={open} emptyText="没有符合条件的工单" delivered="最近有变动的在前" />
        </SplitView>
      </Screen>
    );
  }
  return (
    <Screen>
      <RoleBar role="supervisor" />
      <Notices role="supervisor" />
      {links}
      {placeCut}
      <Exceptions board={board.data} loading={board.loading} error={board.error} onRetry={() => void board.reload()} onOpen={open} />
      <Text className="section-title">各状态工单</Text>
      <StateCounts counts={list.counts} selected={state} onSelect={setState} />
      <View className="board-filter-toggle" onClick={() => setShowFilters((v) => !v)}>
        <Text className="board-filter-title">筛选条件：{active > 0 ? `已选${active}项` : '全部'}</Text>
        <Text className="board-filter-link">{showFilters ? '收起筛选' : '展开筛选'}</Text>
      </View>
      {showFilters ? <FilterPanel value={filters} onChange={setFilters} teams={teams.filter((t) => !t.removed)} /> : null}

      <Text className="section-title">等待最久</Text>
      {waiting.items.length > 0 ? (
        waiting.items.map((o) => <OrderCard key={o.id} order={o} onOpen={open} forStaff />)
      ) : (
        <ListStatus loading={waiting.loading} error={waiting.error} empty emptyText="没有等待中的工单" onRetry={() => void waiting.reload()} />
      )}

      <Text className="section-title">{listTitle}</Text>
      <OrderList list={list} forStaff emptyText="没有符合条件的工单" onOpen={open} />
    </Screen>
  );
}
