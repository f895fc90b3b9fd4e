import { Text, View } from '@tarojs/components';
import './index.scss';

export interface Point {
  /** The x label, e.g. "2026-11-05". */
  readonly key: string;
  /** Null where nothing was measured: drawn as a gap, not as zero. */
  readonly value: number | null;
}

/**
 * A bar chart drawn with plain views, so it renders the same in the mini-program and in H5 and its
 * numbers stay text (large, readable, no canvas). `max` fixes the scale (1 for rates).
 */
export function BarChart({ points, max, format, label }: { readonly points: readonly Point[]; readonly max?: number; readonly format: (v: number) => string; readonly label: (key: string) => string }) {
  if (points.length === 0) return <Text className="muted chart-empty">本期还没有数据</Text>;
  const top = max ?? Math.max(1, ...points.map((p) => p.value ?? 0));
  const every = Math.max(1, Math.ceil(points.length / 6));
  const showValues = points.length <= 8;
  return (
    <View className="chart">
      <View className="chart-bars">
        {points.map((p) => (
          <View key={p.key} className="chart-column">
            {showValues && p.value !== null ? <Text className="chart-value">{format(p.value)}</Text> : null}
            <View className={`chart-bar${p.value === null ? ' empty' : ''}`} style={{ height: `${p.value === null ? 2 : Math.max(2, (p.value / top) * 100)}%` }} />
          </View>
        ))}
      </View>
      <View className="chart-axis">
        {points.map((p, i) => (
          <Text key={p.key} className="chart-tick">
            {i % every === 0 ? label(p.key) : ''}
          </Text>
        ))}
      </View>
    </View>
  );
}
