import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, type AssessmentRow, type OrderView, type Rates, type ServiceCategory, type StatsCut } from '@core';
import { supervisorBoard } from '@/api';
import { Chips } from '@/components/action-forms/parts';
import { ListStatus } from '@/components/list-status';
import { MonthPicker, thisMonth } from '@/components/month-picker';
import { RateTiles } from '@/components/rates';
import { percent } from '@/components/rates/format';
import { Ranking, rankRow } from '@/components/ranking';
import { RatesTable, type RatesRow } from '@/components/ranking/rates-table';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { useLoad } from '@/hooks/useLoad';
import { useWide } from '@/hooks/useWide';
import { ASSESSMENT, orderUrl } from '@/routes';
import { PlaceCut, cutName, cutOfParams, cutQuery, usePlaces } from '../../place-cut';
import { OnBehalfCard } from './on-behalf';
import { Queues } from './queues';
import { TrendCards } from './trend';
import './index.scss';

const PERIODS = [
  { value: 'month', label: '按月查看' },
  { value: 'recent', label: '近30天' },
] as const;

type Unit = { readonly key: string; readonly name: string; readonly rates: Rates };
const figuresRow = (u: Unit): RatesRow => ({ key: u.key, name: u.name, score: 0, rank: null, ...u.rates });
const rankedRow = (r: AssessmentRow): RatesRow => ({ key: r.id, ...rankRow(r) });

/**
 * 督单 statistics: the three rates with their daily trend, rankings, and what needs attention now.
 * At a desk (the console) the cards sit side by side and every ranking is a sortable table.
 */
export default function SupervisorStats() {
  const wide = useWide();
  const router = useRouter();
  const [month, setMonth] = useState(thisMonth());
  const [period, setPeriod] = useState<'month' | 'recent'>('month');
  const [cut, setCut] = useState<StatsCut>(() => cutOfParams(router.params));
  const places = usePlaces();
  const asked = period === 'recent' ? null : month;
  const board = useLoad(() => supervisorBoard('supervisor', asked, cut), `${asked ?? 'recent'}|${cutQuery(cut)}`);
  const open = (o: OrderView) => void Taro.navigateTo({ url: orderUrl('supervisor', o.id) });
  const b = board.data;
  const now = Date.now();

  return (
    <Screen wide={wide}>
      <RoleBar role="supervisor" />
      <View className="stats-period">
        <Chips options={PERIODS} value={period} onChange={setPeriod} />
      </View>
      {period === 'month' ? <MonthPicker value={month} onChange={setMonth} /> : <Text className="muted stats-note">最近30天下单的工单</Text>}
      <PlaceCut value={cut} onChange={setCut} places={places} />
      {!b || board.loading ? (
        <ListStatus loading={board.loading} error={board.error} empty={false} emptyText="" onRetry={() => void board.reload()} />
      ) : (
        <View>
          {period === 'month' && month === thisMonth() ? <Text className="muted stats-note">本月数据截至目前，还会随办理进展变化</Text> : null}
          {cut.compoundId ? <Text className="muted stats-note">以下全部数字只统计{cutName(b.cut, places)}的工单</Text> : null}
          <RateTiles rates={b.overall} />
          <View className={wide ? 'console-grid' : undefined}>
            <TrendCards board={b} now={now} />

            <View className="card">
              <View className="row-between">
                <Text className="card-title">服务队排名</Text>
                <Text
                  className="link"
                  onClick={() => void Taro.navigateTo({ url: `${ASSESSMENT}?month=${asked ?? thisMonth()}${cutQuery(cut) ? `&${cutQuery(cut)}` : ''}` })}
                >
                  月度考核 ›
                </Text>
              </View>
              {wide ? (
                <RatesTable caption="服务队排名" ranked rows={b.teams.map(rankedRow)} empty="这段时间还没有派给服务队的工单" />
              ) : (
                <Ranking rows={b.teams.map(rankRow)} empty="这段时间还没有派给服务队的工单" />
              )}
            </View>
            <View className="card">
              <Text className="card-title">小区排名</Text>
              {wide ? (
                <RatesTable caption="小区排名" ranked rows={b.compounds.map(rankedRow)} empty="这段时间还没有工单" />
              ) : (
                <Ranking rows={b.compounds.map(rankRow)} empty="这段时间还没有工单" />
              )}
            </View>
            <View className="card">
              <Text className="card-title">物业公司排名</Text>
              {wide ? (
                <RatesTable caption="物业公司排名" ranked rows={b.companies.map(rankedRow)} empty="这段时间还没有工单" />
              ) : (
                <Ranking rows={b.companies.map(rankRow)} empty="这段时间还没有工单" />
              )}
            </View>
            <View className="card">
              <Text className="card-title">队员</Text>
              {wide ? <RatesTable caption="队员" rows={b.workers.map(figuresRow)} empty="这段时间还没有队员接单" /> : null}
              {wide ? null : b.workers.length === 0 ? <Text className="muted">这段时间还没有队员接单</Text> : null}
              {wide
                ? null
                : b.workers.map((w) => (
                    <View key={w.key} className="stats-line">
                      <Text className="stats-name">{w.name}</Text>
                      <Text className="stats-figures">
                        {w.rates.orders}单 · 响应{percent(w.rates.responseRate)} · 解决{percent(w.rates.resolutionRate)} · 满意
                        {percent(w.rates.satisfactionRate)}
                        {w.rates.overdue > 0 ? ` · 超时${w.rates.overdue}单` : ''}
                      </Text>
                    </View>
                  ))}
            </View>
            <View className="card">
              <Text className="card-title">按服务类别</Text>
              {wide ? (
                <RatesTable
                  caption="按服务类别"
                  rows={b.categories.map((c) => figuresRow({ ...c, name: CATEGORY_LABELS[c.key as ServiceCategory] ?? c.name }))}
                  empty="这段时间还没有工单"
                />
              ) : null}
              {wide ? null : b.categories.length === 0 ? <Text className="muted">这段时间还没有工单</Text> : null}
              {wide
                ? null
                : b.categories.map((c) => (
                    <View key={c.key} className="stats-line">
                      <Text className="stats-name">{CATEGORY_LABELS[c.key as ServiceCategory] ?? c.name}</Text>
                      <Text className="stats-figures">
                        {c.rates.orders}单 · 响应{percent(c.rates.responseRate)} · 解决{percent(c.rates.resolutionRate)} · 满意
                        {percent(c.rates.satisfactionRate)}
                      </Text>
                    </View>
                  ))}
            </View>
            <OnBehalfCard counts={b.onBehalf} />
          </View>
          <Queues queues={b.queues} now={now} onOpen={open} />
        </View>
      )}
    </Screen>
  );
}
