import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { DEFAULT_TRAVEL_MINUTES, SETTING_BOUNDS, type AdminView, type CommunitySettings } from '@core';
import { Button } from '@/components/nut/button';
import { useSave } from './use-save';

/**
 * 路程预留: how long before a booked start the order must be accepted. Counted in minutes only: it
 * is short, and a unit switch for it would be one more decision for nothing.
 */
export function TravelCard({ settings, onSaved }: { readonly settings: CommunitySettings; readonly onSaved: (view: AdminView) => void }) {
  const [text, setText] = useState(String(settings.travelMinutes ?? DEFAULT_TRAVEL_MINUTES));
  const [problem, setProblem] = useState('');
  const save = useSave(onSaved);
  const { min, max } = SETTING_BOUNDS.travelMinutes;
  const submit = () => {
    const t = text.trim();
    const minutes = Number(t);
    if (!/^\d+$/.test(t) || minutes < min || minutes > max) return setProblem(`请填写${min}到${max}之间的分钟数`);
    setProblem('');
    void save.run('路程预留已保存', 'updateSettings', { travelMinutes: minutes });
  };
  const shown = problem || save.problems.travelMinutes || save.error;
  return (
    <View className="card">
      <Text className="card-title">预约单路程预留</Text>
      <Text className="muted admin-hint">
        居民预约了时间的工单，须在预约开始前这么久派出并接单；到场按预约开始时间计时，完工不早于预约结束时间。只影响之后下的工单。
      </Text>
      <View className="deadline-inputs">
        <Input
          className="text-input deadline-number"
          type="number"
          nativeProps={{ 'aria-label': '路程预留（分钟）' }}
          maxlength={4}
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className="unit-chip active">分钟</Text>
      </View>
      {shown ? <Text className="field-error">{shown}</Text> : null}
      <View className="gap" />
      <Button type="primary" block loading={save.busy} disabled={save.busy} onClick={submit}>
        保存路程预留
      </Button>
    </View>
  );
}
