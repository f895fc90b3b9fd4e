import { Text, View } from '@tarojs/components';
import { dayName } from '@/components/format';
import type { TimeChoice } from '@/components/time-window';
import { presetOptions, slotLabel } from '@/components/time-window/presets';

/** 长辈模式's time: the suggested slot (already chosen) and the quick choices; no calendar. */
export function ElderTime({
  suggested,
  value,
  onChange,
  now,
}: {
  readonly suggested: TimeChoice;
  readonly value: TimeChoice;
  readonly onChange: (v: TimeChoice) => void;
  readonly now: number;
}) {
  const suggestedLabel = suggested.key === 'custom' && suggested.day && suggested.slot ? `${dayName(suggested.day, now)} ${slotLabel(suggested.slot)}` : null;
  const same = (a: TimeChoice, b: TimeChoice) => a.key === b.key && a.day === b.day && a.slot?.from === b.slot?.from;
  return (
    <View className="chips">
      {suggestedLabel ? (
        <View className={`chip${same(value, suggested) ? ' active' : ''}`} onClick={() => onChange(suggested)}>
          <Text>{suggestedLabel}</Text>
        </View>
      ) : null}
      {presetOptions(now).map((o) => (
        <View key={o.key} className={`chip${value.key === o.key ? ' active' : ''}`} onClick={() => onChange({ key: o.key, day: null, slot: null })}>
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}
