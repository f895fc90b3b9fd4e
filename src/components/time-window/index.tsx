import { Picker, Text, View } from '@tarojs/components';
import { dayName, isoDate, parseIsoDate } from '@/components/format';
import { presetOptions, SLOTS, slotLabel, type PresetKey, type Slot } from './presets';
import './index.scss';

export interface TimeChoice {
  readonly key: PresetKey;
  readonly day: number | null;
  readonly slot: Slot | null;
}

interface Props {
  readonly value: TimeChoice;
  readonly onChange: (v: TimeChoice) => void;
  /** 长辈模式 offers the quick choices only. */
  readonly simple: boolean;
  readonly now: number;
}

/** When the service should come: quick choices, or a day and a two-hour slot. */
export function TimeWindowPicker({ value, onChange, simple, now }: Props) {
  const options = presetOptions(now);
  const custom = value.key === 'custom';
  return (
    <View>
      <View className="chips">
        {options.map((o) => (
          <View key={o.key} className={`chip${value.key === o.key ? ' active' : ''}`} onClick={() => onChange({ key: o.key, day: null, slot: null })}>
            <Text>{o.label}</Text>
          </View>
        ))}
        {simple ? null : (
          <View className={`chip${custom ? ' active' : ''}`} onClick={() => onChange({ key: 'custom', day: value.day, slot: value.slot })}>
            <Text>指定时间</Text>
          </View>
        )}
      </View>
      {custom && !simple ? (
        <View className="time-custom">
          <Picker
            mode="date"
            value={isoDate(value.day ?? now)}
            start={isoDate(now)}
            end={isoDate(now + 59 * 86_400_000)}
            onChange={(e) => onChange({ ...value, day: parseIsoDate(String(e.detail.value)) })}
          >
            <View className="time-day">
              <Text>{value.day ? `${dayName(value.day, now)}（${isoDate(value.day)}）` : '选择日期'}</Text>
              <Text className="time-day-change">更改 ›</Text>
            </View>
          </Picker>
          <View className="chips">
            {SLOTS.map((s) => (
              <View key={s.from} className={`chip${value.slot?.from === s.from ? ' active' : ''}`} onClick={() => onChange({ ...value, slot: s })}>
                <Text>{slotLabel(s)}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}
