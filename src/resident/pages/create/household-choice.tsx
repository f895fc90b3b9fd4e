import { Text, View } from '@tarojs/components';
import { PROXY_LABELS, type HouseholdView } from '@core';

/** What ordering for this household means: nothing for one's home, 代下单 and as whom for another's. */
const proxyNote = (h: HouseholdView): string | null =>
  h.relation && h.relation !== 'own' ? `代${h.contactName}下单（${PROXY_LABELS[h.relation]}），工单会记下由您代办` : null;

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
  if (households.length === 1) {
    const note = proxyNote(households[0]!);
    return (
      <View>
        <Text className="choice-title">{households[0]!.address}</Text>
        {note ? <Text className="muted proxy-note">{note}</Text> : null}
      </View>
    );
  }
  return (
    <View>
      {households.map((h) => {
        const note = proxyNote(h);
        return (
          <View key={h.id} className={`choice${value?.id === h.id ? ' active' : ''}`} onClick={() => onChange(h)}>
            <View className="choice-main">
              <Text className="choice-title">{h.address}</Text>
              <Text className="muted">联系人：{h.contactName}</Text>
              {note && value?.id === h.id ? <Text className="muted proxy-note">{note}</Text> : null}
            </View>
            {value?.id === h.id ? <Text className="choice-change">已选</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
