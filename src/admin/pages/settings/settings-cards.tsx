import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { SETTING_BOUNDS, type AdminView, type CommunitySettings, type Stage } from '@core';
import { Button } from '@/components/nut/button';
import { DeadlineFields } from './deadline-fields';
import { deadlinesDraft, parseDeadlines, parseDuration, toDraft, UNIT_LABELS, type DurationUnit } from './duration';
import { useSave } from './use-save';

type Saved = (view: AdminView) => void;

/** 社区默认办理时限: what every service without its own deadlines gets. */
export function DefaultDeadlinesCard({ settings, onSaved }: { readonly settings: CommunitySettings; readonly onSaved: Saved }) {
  const [draft, setDraft] = useState(() => deadlinesDraft(settings.defaultDeadlines));
  const [errors, setErrors] = useState<Partial<Record<Stage, string>>>({});
  const save = useSave(onSaved);
  const submit = () => {
    const parsed = parseDeadlines(draft);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (parsed.ok) void save.run('办理时限已保存', 'updateSettings', { defaultDeadlines: parsed.value });
  };
  return (
    <View className="card">
      <Text className="card-title">社区默认办理时限</Text>
      <Text className="muted admin-hint">没有单独设置时限的服务都按这里计时；超过时限即为超时。已下的工单不受影响。</Text>
      <DeadlineFields value={draft} onChange={setDraft} errors={{ ...save.problems, ...errors }} />
      {save.error ? <Text className="field-error">{save.error}</Text> : null}
      <Button type="primary" block loading={save.busy} disabled={save.busy} onClick={submit}>
        保存办理时限
      </Button>
    </View>
  );
}

const WEIGHTS = [
  { key: 'response', label: '响应率' },
  { key: 'resolution', label: '解决率' },
  { key: 'satisfaction', label: '满意率' },
] as const;
type WeightKey = (typeof WEIGHTS)[number]['key'];

/** 考核权重, typed as whole percentages and sent as the fractions the settings keep. */
export function WeightsCard({ settings, onSaved }: { readonly settings: CommunitySettings; readonly onSaved: Saved }) {
  const [draft, setDraft] = useState<Record<WeightKey, string>>(() => ({
    response: String(Math.round(settings.weights.response * 100)),
    resolution: String(Math.round(settings.weights.resolution * 100)),
    satisfaction: String(Math.round(settings.weights.satisfaction * 100)),
  }));
  const [problem, setProblem] = useState('');
  const save = useSave(onSaved);
  const numbers = WEIGHTS.map((w) => (/^\d+$/.test(draft[w.key].trim()) ? Number(draft[w.key]) : NaN));
  const total = numbers.reduce((a, b) => a + b, 0);
  const submit = () => {
    if (numbers.some((n) => Number.isNaN(n) || n > 100)) return setProblem('每项请填写0到100的整数');
    if (total <= 0) return setProblem('三项之和应大于0');
    setProblem('');
    const [response, resolution, satisfaction] = (numbers as [number, number, number]).map((percent) => percent / 100) as [number, number, number];
    void save.run('考核权重已保存', 'updateSettings', { weights: { response, resolution, satisfaction } });
  };
  return (
    <View className="card">
      <Text className="card-title">考核权重</Text>
      <Text className="muted admin-hint">月度考核的综合得分按这三项加权计算。</Text>
      {WEIGHTS.map((w) => (
        <View key={w.key}>
          <View className="weight-row">
            <Text className="weight-label">{w.label}</Text>
            <Input
              className="text-input weight-number"
              type="number"
              nativeProps={{ 'aria-label': `${w.label}权重（%）` }}
              maxlength={3}
              value={draft[w.key]}
              onInput={(e) => setDraft({ ...draft, [w.key]: e.detail.value })}
            />
            <Text className="weight-unit">%</Text>
          </View>
          {save.problems[w.key] ? <Text className="field-error">{save.problems[w.key]}</Text> : null}
        </View>
      ))}
      <Text className={total === 100 ? 'muted weight-total' : 'weight-total warn'}>
        合计 {Number.isNaN(total) ? '—' : `${total}%`}
        {total !== 100 && !Number.isNaN(total) ? '（不是100%时按比例折算）' : ''}
      </Text>
      {problem || save.problems.weights || save.error ? <Text className="field-error">{problem || save.problems.weights || save.error}</Text> : null}
      <Button type="primary" block loading={save.busy} disabled={save.busy} onClick={submit}>
        保存考核权重
      </Button>
    </View>
  );
}

const ESCALATION_UNITS: readonly DurationUnit[] = ['minute', 'hour'];

/** 升级间隔: how long an overdue order waits before it goes one level up. */
export function EscalationCard({ settings, onSaved }: { readonly settings: CommunitySettings; readonly onSaved: Saved }) {
  const [draft, setDraft] = useState(() => {
    const d = toDraft(settings.escalationMinutes);
    return d.unit === 'day' ? { text: String(Number(d.text) * 24), unit: 'hour' as DurationUnit } : d;
  });
  const [problem, setProblem] = useState('');
  const save = useSave(onSaved);
  const submit = () => {
    const minutes = parseDuration(draft, SETTING_BOUNDS.escalationMinutes);
    if (typeof minutes === 'string') return setProblem(minutes);
    setProblem('');
    void save.run('升级间隔已保存', 'updateSettings', { escalationMinutes: minutes });
  };
  return (
    <View className="card">
      <Text className="card-title">超时升级间隔</Text>
      <Text className="muted admin-hint">工单超时后先提醒经办人；再过这么久仍未处理，升级到社区督单，再过同样时间升级到社区书记。</Text>
      <View className="deadline-inputs">
        <Input
          className="text-input deadline-number"
          type="number"
          nativeProps={{ 'aria-label': '超时升级间隔' }}
          maxlength={5}
          value={draft.text}
          onInput={(e) => setDraft({ ...draft, text: e.detail.value })}
        />
        {ESCALATION_UNITS.map((u) => (
          <Text key={u} className={`unit-chip${draft.unit === u ? ' active' : ''}`} onClick={() => setDraft({ ...draft, unit: u })}>
            {UNIT_LABELS[u]}
          </Text>
        ))}
      </View>
      {problem || save.problems.escalationMinutes || save.error ? (
        <Text className="field-error">{problem || save.problems.escalationMinutes || save.error}</Text>
      ) : null}
      <View className="gap" />
      <Button type="primary" block loading={save.busy} disabled={save.busy} onClick={submit}>
        保存升级间隔
      </Button>
    </View>
  );
}
