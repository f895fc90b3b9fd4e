import { useState } from 'react';
import { Input, ScrollView, Text, View } from '@tarojs/components';
import { STAGE_LABELS, type AdminView, type ServiceItem, type Stage, type StageDeadlines } from '@core';
import { Chips, Field } from '@/components/action-forms/parts';
import { Button } from '@/components/nut/button';
import { Popup } from '@/components/nut/popup';
import { DeadlineFields } from './deadline-fields';
import { deadlinesDraft, deadlinesText, fenText, parseDeadlines, parseYuan } from './duration';
import { useSave } from './use-save';

const MODES = [
  { value: 'default', label: '使用社区默认' },
  { value: 'own', label: '单独设置' },
] as const;

/** A sheet to change one service: its own deadlines or the community's, and its two prices. */
export function ServiceEditor({
  item,
  defaults,
  onSaved,
  onClose,
}: {
  readonly item: ServiceItem | null;
  readonly defaults: StageDeadlines;
  readonly onSaved: (view: AdminView) => void;
  readonly onClose: () => void;
}) {
  return (
    <Popup visible={item !== null} position="bottom" round closeable destroyOnClose title={item ? `修改：${item.name}` : ''} onClose={onClose}>
      <ScrollView scrollY className="admin-sheet">
        {item ? <EditorForm item={item} defaults={defaults} onSaved={onSaved} onClose={onClose} /> : null}
      </ScrollView>
    </Popup>
  );
}

function EditorForm({
  item,
  defaults,
  onSaved,
  onClose,
}: {
  readonly item: ServiceItem;
  readonly defaults: StageDeadlines;
  readonly onSaved: (view: AdminView) => void;
  readonly onClose: () => void;
}) {
  const [mode, setMode] = useState<'default' | 'own'>(item.deadlines ? 'own' : 'default');
  const [draft, setDraft] = useState(() => deadlinesDraft(item.deadlines ?? defaults));
  const [red, setRed] = useState(fenText(item.redPriceFen));
  const [market, setMarket] = useState(fenText(item.marketPriceFen));
  const [errors, setErrors] = useState<Partial<Record<Stage | 'red' | 'market', string>>>({});
  const save = useSave(onSaved);

  const submit = async () => {
    const problems: Partial<Record<Stage | 'red' | 'market', string>> = {};
    const redFen = parseYuan(red);
    const marketFen = parseYuan(market);
    if (redFen === null) problems.red = '请填写价格，如 40 或 39.5';
    if (marketFen === null) problems.market = '请填写价格，如 80';
    if (redFen !== null && marketFen !== null && redFen > marketFen) problems.red = '红色价格应不高于市场价';
    const parsed = mode === 'own' ? parseDeadlines(draft) : null;
    if (parsed && !parsed.ok) Object.assign(problems, parsed.errors);
    setErrors(problems);
    if (Object.keys(problems).length > 0 || redFen === null || marketFen === null) return;
    const deadlines = parsed?.ok ? { deadlines: parsed.value } : { useDefaultDeadlines: true };
    const done = await save.run('服务已保存', 'updateService', { serviceItemId: item.id, redPriceFen: redFen, marketPriceFen: marketFen, ...deadlines });
    if (done) onClose();
  };

  return (
    <View>
      <Field label="办理时限">
        <Chips options={MODES} value={mode} onChange={setMode} />
      </Field>
      {mode === 'own' ? (
        <DeadlineFields value={draft} onChange={setDraft} errors={{ ...save.problems, ...errors }} />
      ) : (
        <Text className="muted admin-hint">社区默认：{deadlinesText(defaults, STAGE_LABELS)}</Text>
      )}
      <Field label={`红色价格（元/${item.unit}）`} error={errors.red ?? save.problems.redPriceFen}>
        <Input
          className="text-input"
          type="digit"
          nativeProps={{ 'aria-label': '红色价格（元）' }}
          value={red}
          maxlength={9}
          onInput={(e) => setRed(e.detail.value)}
        />
      </Field>
      <Field label={`市场价（元/${item.unit}）`} error={errors.market ?? save.problems.marketPriceFen}>
        <Input
          className="text-input"
          type="digit"
          nativeProps={{ 'aria-label': '市场价（元）' }}
          value={market}
          maxlength={9}
          onInput={(e) => setMarket(e.detail.value)}
        />
      </Field>
      {save.error ? <Text className="field-error">{save.error}</Text> : null}
      <Button type="primary" block loading={save.busy} disabled={save.busy} onClick={() => void submit()}>
        保存
      </Button>
    </View>
  );
}
