import { Text, View } from '@tarojs/components';
import type { HouseholdView } from '@core';

/** Which household the service goes to: shown plainly if there is one, chosen if there are several (代办). */
export function HouseholdChoice({
  households,
  value,
  onChange,
}: {
  readonly households: readonly HouseholdView[];
  readonly value: HouseholdView | null;
  readonly onChange: (h: HouseholdView) => void;
}) {
  if (households.length === 1) return <Text className="choice-title">{households[0]!.address}</Text>;
  return (
    <View>
      {households.map((h) => (
        <View key={h.id} className={`choice${value?.id === h.id ? ' active' : ''}`} onClick={() => onChange(h)}>
          <View className="choice-main">
            <Text className="choice-title">{h.address}</Text>
            <Text className="muted">联系人：{h.contactName}</Text>
          </View>
          {value?.id === h.id ? <Text className="choice-change">已选</Text> : null}
        </View>
      ))}
    </View>
  );
}
