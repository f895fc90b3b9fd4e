import { Picker, Text, View } from '@tarojs/components';
import { dayName, isoDate, parseIsoDate } from '@/components/format';
import type { TimeChoice } from '@/components/time-window';
import { presetOptions, slotLabel, type Slot } from '@/components/time-window/presets';

/** Another day keeps the suggested hours, or the morning's first slot when the suggestion is "now". */
const MORNING: Slot = { from: 8, to: 10 };

const label = (c: TimeChoice, now: number) => (c.key === 'custom' && c.day && c.slot ? `${dayName(c.day, now)} ${slotLabel(c.slot)}` : null);
const same = (a: TimeChoice, b: TimeChoice) => a.key === b.key && a.day === b.day && a.slot?.from === b.slot?.from;

/** 长辈模式's time: the suggested slot (already chosen), the quick choices, and another day if wanted. */
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
  const suggestedLabel = label(suggested, now);
  const otherDay = value.key === 'custom' && !same(value, suggested) ? label(value, now) : null;
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
      <Picker
        mode="date"
        value={isoDate(value.day ?? now)}
        start={isoDate(now + 86_400_000)}
        end={isoDate(now + 59 * 86_400_000)}
        onChange={(e) => onChange({ key: 'custom', day: parseIsoDate(String(e.detail.value)), slot: suggested.slot ?? MORNING })}
      >
        <View className={`chip${otherDay ? ' active' : ''}`}>
          <Text>{otherDay ?? '另选日期'}</Text>
        </View>
      </Picker>
    </View>
  );
}
