import { Text, View } from '@tarojs/components';
import { ORDER_STATES, STATE_LABELS, type OrderState } from '@core';

/** Counts per state; tapping one narrows the list to it (tap again for all). */
export function StateCounts({
  counts,
  selected,
  onSelect,
}: {
  readonly counts: Readonly<Record<OrderState, number>> | null;
  readonly selected: OrderState | null;
  readonly onSelect: (s: OrderState | null) => void;
}) {
  return (
    <View className="board-counts">
      {ORDER_STATES.map((s) => (
        <View key={s} className={`board-count${selected === s ? ' active' : ''}`} onClick={() => onSelect(selected === s ? null : s)}>
          <Text className="board-count-num">{counts ? (counts[s] ?? 0) : '–'}</Text>
          <Text className="board-count-label">{STATE_LABELS[s]}</Text>
        </View>
      ))}
    </View>
  );
}
