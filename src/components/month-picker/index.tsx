import { Text, View } from '@tarojs/components';
import { monthOf, shiftMonth } from '@core';
import './index.scss';

/** This month in China time. */
export const thisMonth = (): string => monthOf(Date.now());

const label = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** A month with large ‹ › buttons; the future is not offered. */
export function MonthPicker({ value, onChange }: { readonly value: string; readonly onChange: (month: string) => void }) {
  const latest = thisMonth();
  return (
    <View className="month-picker">
      <Text className="month-step" onClick={() => onChange(shiftMonth(value, -1))}>
        ‹ 上月
      </Text>
      <Text className="month-label">{label(value)}</Text>
      <Text className={`month-step${value >= latest ? ' disabled' : ''}`} onClick={() => value < latest && onChange(shiftMonth(value, 1))}>
        下月 ›
      </Text>
    </View>
  );
}
