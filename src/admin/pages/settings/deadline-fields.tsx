import { Input, Text, View } from '@tarojs/components';
import { STAGES, STAGE_LABELS, type Stage } from '@core';
import { UNIT_LABELS, type DeadlineDraft, type DurationUnit } from './duration';

const UNITS: readonly DurationUnit[] = ['minute', 'hour', 'day'];
const HINTS: Readonly<Record<Stage, string>> = {
  dispatch: '下单后物业派出',
  accept: '派单后队员接单',
  start: '接单后到场开始',
  complete: '开始后完工上报',
  confirm: '完工后居民确认（超时自动办结）',
};

/** The five stage deadlines, each a number and a unit (分钟 / 小时 / 天), with its problem under it. */
export function DeadlineFields({
  value,
  onChange,
  errors,
}: {
  readonly value: DeadlineDraft;
  readonly onChange: (next: DeadlineDraft) => void;
  readonly errors: Partial<Record<Stage, string>>;
}) {
  const set = (stage: Stage, patch: Partial<DeadlineDraft[Stage]>) => onChange({ ...value, [stage]: { ...value[stage], ...patch } });
  return (
    <View>
      {STAGES.map((stage) => (
        <View key={stage} className="deadline-row">
          <View className="deadline-head">
            <Text className="deadline-label">{STAGE_LABELS[stage]}</Text>
            <Text className="muted">{HINTS[stage]}</Text>
          </View>
          <View className="deadline-inputs">
            <Input
              className="text-input deadline-number"
              type="number"
              nativeProps={{ 'aria-label': `${STAGE_LABELS[stage]}时限` }}
              value={value[stage].text}
              maxlength={5}
              onInput={(e) => set(stage, { text: e.detail.value })}
            />
            {UNITS.map((u) => (
              <Text key={u} className={`unit-chip${value[stage].unit === u ? ' active' : ''}`} onClick={() => set(stage, { unit: u })}>
                {UNIT_LABELS[u]}
              </Text>
            ))}
          </View>
          {errors[stage] ? <Text className="field-error">{errors[stage]}</Text> : null}
        </View>
      ))}
    </View>
  );
}
