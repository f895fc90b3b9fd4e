import { Text, View } from '@tarojs/components';
import type { Rates } from '@core';
import { hours, percent } from './format';
import './index.scss';

/** The three rates of 接诉即办 and the two figures beside them, as large tiles. */
export function RateTiles({ rates }: { readonly rates: Rates }) {
  const tiles = [
    { label: '响应率', value: percent(rates.responseRate), hint: '按时接单' },
    { label: '解决率', value: percent(rates.resolutionRate), hint: '办结未返工' },
    { label: '满意率', value: percent(rates.satisfactionRate), hint: '4星以上或回访满意' },
    { label: '工单数', value: String(rates.orders), hint: '本期受理' },
    { label: '平均办理', value: hours(rates.avgHandlingHours), hint: '下单到办结' },
    { label: '超时工单', value: String(rates.overdue), hint: '有环节超时' },
  ];
  return (
    <View className="rate-tiles">
      {tiles.map((t) => (
        <View key={t.label} className="rate-tile">
          <Text className="rate-value">{t.value}</Text>
          <Text className="rate-label">{t.label}</Text>
          <Text className="rate-hint">{t.hint}</Text>
        </View>
      ))}
    </View>
  );
}
