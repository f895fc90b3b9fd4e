import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { dailyTooSparse, dayKeyOf, ROLLING_DAYS, type Rates, type SupervisorBoard } from '@core';
import { Chips } from '@/components/action-forms/parts';
import { Chart } from '@/components/chart';
import { dayLabel, dayText, latestWithOrders, plotPercent, trendDays, type TrendDay } from '@/components/chart/trend-series';
import { percent } from '@/components/rates/format';

const RATE_SERIES = [
  { key: 'responseRate', name: '响应率', color: '#c8161d' },
  { key: 'resolutionRate', name: '解决率', color: '#1f5fbf' },
  { key: 'satisfactionRate', name: '满意率', color: '#d97a00' },
] as const;

type Mode = 'rolling' | 'daily';
const MODES = [
  { value: 'rolling', label: `近${ROLLING_DAYS}天滚动` },
  { value: 'daily', label: '每日' },
] as const;

/** The rolling figures as days of the chart, in the same shape as the daily ones. */
const rollingDays = (board: SupervisorBoard): TrendDay[] => board.rolling.map((d) => ({ key: d.key, rates: d.rates }));

/**
 * The period's trend: the three rates as lines (0–100 %), either per day or over the 7 days ending
 * on each day — the default when days hold few orders, where one late order swings a day from 100 %
 * to 0 %. Today has not ended: its rates are not drawn (its orders are not yet answered or due) and
 * the chart says so. Columns show orders and overdue orders per day.
 */
export function TrendCards({ board, now }: { readonly board: SupervisorBoard; readonly now: number }) {
  const [mode, setMode] = useState<Mode>(() => (dailyTooSparse(board.trend) ? 'rolling' : 'daily'));
  const daily = useMemo(() => trendDays(board.period, board.trend, now), [board, now]);
  const days = mode === 'rolling' && board.rolling.length > 0 ? rollingDays(board) : daily;
  const today = dayKeyOf(now);
  const [picked, setPicked] = useState<number | null>(null);
  const index = picked !== null && picked < days.length ? picked : latestWithOrders(days);
  const day = days[index];
  const label = (key: string) => (key === today ? '今天' : dayLabel(key));
  const any = daily.some((d) => d.rates && d.rates.orders > 0);
  const plotted = (d: TrendDay, rate: keyof Pick<Rates, 'responseRate' | 'resolutionRate' | 'satisfactionRate'>) =>
    d.key === today ? null : plotPercent(d.rates?.[rate]);

  return (
    <View>
      <View className="card">
        <Text className="card-title">三率走势（按下单日）</Text>
        {any ? (
          <>
            <Chips options={MODES} value={mode} onChange={setMode} />
            <Chart
              type="line"
              unit="%"
              max={100}
              categories={days.map((d) => label(d.key))}
              series={RATE_SERIES.map((s) => ({ name: s.name, color: s.color, data: days.map((d) => plotted(d, s.key)) }))}
              onPick={setPicked}
            />
            {day ? (
              <View className="trend-day">
                <Text className="trend-day-title">
                  {mode === 'rolling' ? `截至${dayText(day.key)}的${ROLLING_DAYS}天` : dayText(day.key)}
                  {day.key === today ? '（今天还没过完）' : ''}：{day.rates ? `${day.rates.orders}单` : '没有工单'}
                </Text>
                {day.rates ? (
                  <Text className="trend-day-figures">
                    响应率 {percent(day.rates.responseRate)} · 解决率 {percent(day.rates.resolutionRate)} · 满意率 {percent(day.rates.satisfactionRate)}
                    {day.key === today ? '（截至此刻，还会变化）' : ''}
                  </Text>
                ) : null}
                <Text className="muted">
                  {mode === 'rolling' ? `每个点是到那天为止${ROLLING_DAYS}天的工单合计，单日工单少时更看得出走向。` : '每个点是当天下单的工单。'}
                  今天还没过完，不画入走势；点一下图表可查看其他日期，“—”表示没有可统计的工单。
                </Text>
              </View>
            ) : null}
          </>
        ) : (
          <Text className="muted stats-empty-line">这段时间还没有工单，暂无走势</Text>
        )}
      </View>
      {any ? (
        <View className="card">
          <Text className="card-title">每日工单与超时</Text>
          <Chart
            type="column"
            unit="单"
            categories={daily.map((d) => label(d.key))}
            series={[
              { name: '工单数', color: '#c8161d', data: daily.map((d) => d.rates?.orders ?? 0) },
              { name: '超时工单', color: '#7a3300', data: daily.map((d) => d.rates?.overdue ?? 0) },
            ]}
            onPick={setPicked}
          />
        </View>
      ) : null}
    </View>
  );
}
