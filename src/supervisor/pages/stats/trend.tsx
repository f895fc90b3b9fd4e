import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { SupervisorBoard } from '@core';
import { Chart } from '@/components/chart';
import { dayLabel, dayText, latestWithOrders, plotPercent, trendDays } from '@/components/chart/trend-series';
import { percent } from '@/components/rates/format';

const RATE_SERIES = [
  { key: 'responseRate', name: '响应率', color: '#c8161d' },
  { key: 'resolutionRate', name: '解决率', color: '#1f5fbf' },
  { key: 'satisfactionRate', name: '满意率', color: '#d97a00' },
] as const;

/**
 * The period's daily trend: the three rates as lines (0–100 %), the orders and overdue orders as
 * columns, and the figures of one day in words — the latest day with orders, or the day tapped.
 */
export function TrendCards({ board, now }: { readonly board: SupervisorBoard; readonly now: number }) {
  const days = useMemo(() => trendDays(board.period, board.trend, now), [board, now]);
  const [picked, setPicked] = useState<number | null>(null);
  const index = picked !== null && picked < days.length ? picked : latestWithOrders(days);
  const day = days[index];
  const categories = days.map((d) => dayLabel(d.key));
  const any = days.some((d) => d.rates && d.rates.orders > 0);

  return (
    <View>
      <View className="card">
        <Text className="card-title">三率走势（按下单日）</Text>
        {any ? (
          <>
            <Chart
              type="line"
              unit="%"
              max={100}
              categories={categories}
              series={RATE_SERIES.map((s) => ({ name: s.name, color: s.color, data: days.map((d) => plotPercent(d.rates?.[s.key])) }))}
              onPick={setPicked}
            />
            {day ? (
              <View className="trend-day">
                <Text className="trend-day-title">
                  {dayText(day.key)}：{day.rates ? `${day.rates.orders}单` : '没有工单'}
                </Text>
                {day.rates ? (
                  <Text className="trend-day-figures">
                    响应率 {percent(day.rates.responseRate)} · 解决率 {percent(day.rates.resolutionRate)} · 满意率 {percent(day.rates.satisfactionRate)}
                  </Text>
                ) : null}
                <Text className="muted">点一下图表可查看其他日期；“—”表示当天还没有可统计的工单</Text>
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
            categories={categories}
            series={[
              { name: '工单数', color: '#c8161d', data: days.map((d) => d.rates?.orders ?? 0) },
              { name: '超时工单', color: '#7a3300', data: days.map((d) => d.rates?.overdue ?? 0) },
            ]}
            onPick={setPicked}
          />
        </View>
      ) : null}
    </View>
  );
}
