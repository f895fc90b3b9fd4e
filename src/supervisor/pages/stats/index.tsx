import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, type OrderView, type Rates, type ServiceCategory } from '@core';
import { supervisorBoard } from '@/api';
import { BarChart } from '@/components/chart';
import { Chips } from '@/components/action-forms/parts';
import { ListStatus } from '@/components/list-status';
import { MonthPicker, thisMonth } from '@/components/month-picker';
import { OrderCard } from '@/components/order-card';
import { RateTiles } from '@/components/rates';
import { percent } from '@/components/rates/format';
import { Ranking, rankRow } from '@/components/ranking';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { useLoad } from '@/hooks/useLoad';
import { ASSESSMENT, orderUrl } from '@/routes';
import './index.scss';

type Measure = 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'orders';
const MEASURES: readonly { value: Measure; label: string }[] = [
  { value: 'responseRate', label: '响应率' },
  { value: 'resolutionRate', label: '解决率' },
  { value: 'satisfactionRate', label: '满意率' },
  { value: 'orders', label: '工单数' },
];
const QUEUES = [
  { key: 'overdue', title: '超时工单', empty: '没有超时的工单' },
  { key: 'escalated', title: '已升级的工单', empty: '没有升级到社区的工单' },
  { key: 'complaints', title: '待答复的投诉', empty: '没有待答复的投诉' },
  { key: 'instructions', title: '待回复的督办', empty: '督办都已回复' },
] as const;

const valueOf = (r: Rates, m: Measure) => (m === 'orders' ? r.orders : r[m]);

/** 督单 statistics: the month's three rates with their daily trend, rankings, and what needs attention. */
export default function SupervisorStats() {
  const [month, setMonth] = useState(thisMonth());
  const [measure, setMeasure] = useState<Measure>('responseRate');
  const board = useLoad(() => supervisorBoard('supervisor', month), month);
  const open = (o: OrderView) => void Taro.navigateTo({ url: orderUrl('supervisor', o.id) });
  const b = board.data;

  return (
    <Screen>
      <RoleBar role="supervisor" />
      <MonthPicker value={month} onChange={setMonth} />
      {!b ? (
        <ListStatus loading={board.loading} error={board.error} empty={false} emptyText="" onRetry={() => void board.reload()} />
      ) : (
        <View>
          <RateTiles rates={b.overall} />

          <View className="card">
            <Text className="card-title">每日趋势</Text>
            <Chips options={MEASURES} value={measure} onChange={setMeasure} />
            <BarChart
              points={b.trend.map((t) => ({ key: t.key, value: valueOf(t.rates, measure) }))}
              max={measure === 'orders' ? undefined : 1}
              format={(v) => (measure === 'orders' ? String(v) : percent(v))}
              label={(key) => `${Number(key.slice(8))}日`}
            />
          </View>

          <View className="card">
            <View className="row-between">
              <Text className="card-title">服务队排名</Text>
              <Text className="link" onClick={() => void Taro.navigateTo({ url: `${ASSESSMENT}?month=${month}` })}>
                月度考核 ›
              </Text>
            </View>
            <Ranking rows={b.teams.map(rankRow)} empty="本月还没有派给服务队的工单" />
          </View>
          <View className="card">
            <Text className="card-title">小区排名</Text>
            <Ranking rows={b.compounds.map(rankRow)} empty="本月还没有工单" />
          </View>
          <View className="card">
            <Text className="card-title">队员</Text>
            {b.workers.length === 0 ? <Text className="muted">本月还没有队员接单</Text> : null}
            {b.workers.map((w) => (
              <View key={w.key} className="stats-line">
                <Text className="stats-name">{w.name}</Text>
                <Text className="stats-figures">
                  {w.rates.orders}单 · 响应{percent(w.rates.responseRate)} · 解决{percent(w.rates.resolutionRate)} · 满意{percent(w.rates.satisfactionRate)}
                  {w.rates.overdue > 0 ? ` · 超时${w.rates.overdue}单` : ''}
                </Text>
              </View>
            ))}
          </View>
          <View className="card">
            <Text className="card-title">按服务类别</Text>
            {b.categories.length === 0 ? <Text className="muted">本月还没有工单</Text> : null}
            {b.categories.map((c) => (
              <View key={c.key} className="stats-line">
                <Text className="stats-name">{CATEGORY_LABELS[c.key as ServiceCategory] ?? c.name}</Text>
                <Text className="stats-figures">
                  {c.rates.orders}单 · 响应{percent(c.rates.responseRate)} · 解决{percent(c.rates.resolutionRate)} · 满意{percent(c.rates.satisfactionRate)}
                </Text>
              </View>
            ))}
          </View>

          {QUEUES.map((q) => (
            <View key={q.key}>
              <Text className="section-title">
                {q.title}（{b.queues[q.key].length}）
              </Text>
              {b.queues[q.key].length === 0 ? <Text className="muted stats-empty">{q.empty}</Text> : null}
              {b.queues[q.key].map((o) => (
                <OrderCard key={o.id} order={o} onOpen={open} showWaiting />
              ))}
            </View>
          ))}
        </View>
      )}
    </Screen>
  );
}
