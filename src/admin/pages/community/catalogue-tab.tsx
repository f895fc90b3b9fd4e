import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  CATEGORY_LABELS,
  PAYMENT_LABELS,
  PAYMENT_MODES,
  SERVICE_CATEGORIES,
  isRetired,
  paymentOf,
  type ManageView,
  type PaymentMode,
  type ServiceCategory,
  type ServiceItem,
} from '@core';
import { asApiError, manageSave } from '@/api';
import { Chips, Field } from '@/components/action-forms/parts';
import { Button } from '@/components/nut/button';
import { confirmAction, showFailure, toastOk } from '@/hooks/feedback';
import { fenText, parseYuan } from '../settings/duration';
import { FormCard, ListRow, TextField } from './form-parts';
import { useManageSave } from './use-manage-save';

interface Props {
  readonly view: ManageView;
  readonly onSaved: () => void;
}

/** 服务目录: add a service, change one, or retire it for good (old orders keep showing it). */
export function CatalogueTab({ view, onSaved }: Props) {
  const [editing, setEditing] = useState<ServiceItem | null>(null);
  const [name, setName] = useState('');
  const [category, setCategory] = useState<ServiceCategory>('homecare');
  const [unit, setUnit] = useState('次');
  const [red, setRed] = useState('');
  const [market, setMarket] = useState('');
  const [description, setDescription] = useState('');
  const [payment, setPayment] = useState<PaymentMode>('at_door');
  const clear = () => {
    setEditing(null);
    setName('');
    setRed('');
    setMarket('');
    setDescription('');
  };
  const save = useManageSave(() => {
    clear();
    onSaved();
  });
  const edit = (s: ServiceItem) => {
    setEditing(s);
    setName(s.name);
    setCategory(s.category);
    setUnit(s.unit);
    setRed(fenText(s.redPriceFen));
    setMarket(fenText(s.marketPriceFen));
    setDescription(s.description);
    setPayment(paymentOf(s));
  };
  const retire = async (s: ServiceItem) => {
    if (!(await confirmAction(`永久下架“${s.name}”？`, '下架后居民不能再点这项服务，也不能再上架；已下的工单照常办理、照常显示。', '永久下架'))) return;
    try {
      await manageSave('retireService', { id: s.id, rev: s.rev ?? 0 });
      toastOk('已永久下架');
      clear();
      onSaved();
    } catch (e) {
      showFailure(asApiError(e));
    }
  };
  const onOffer = view.services.filter((s) => !isRetired(s));
  const retired = view.services.filter(isRetired);
  return (
    <View>
      <Text className="section-title">服务目录（{onOffer.length}项在售）</Text>
      <View className="card">
        {onOffer.map((s) => (
          <ListRow
            key={s.id}
            title={s.name}
            tag={s.active ? CATEGORY_LABELS[s.category] : '暂停'}
            detail={`¥${fenText(s.redPriceFen)}/${s.unit}（市场价¥${fenText(s.marketPriceFen)}）· ${PAYMENT_LABELS[paymentOf(s)]}`}
            onClick={() => edit(s)}
          />
        ))}
        {retired.length ? <Text className="muted manage-hint">已永久下架：{retired.map((s) => s.name).join('、')}</Text> : null}
      </View>
      <FormCard
        title={editing ? `修改：${editing.name}` : '添加服务'}
        editing={editing !== null}
        busy={save.busy}
        error={save.error}
        onCancel={clear}
        onSave={() =>
          void save.run('saveService', {
            ...(editing ? { id: editing.id, rev: editing.rev ?? 0 } : {}),
            name,
            category,
            unit,
            description,
            payment,
            // A price that does not parse goes as -1, so the contract's own check names the field.
            redPriceFen: parseYuan(red) ?? -1,
            marketPriceFen: parseYuan(market) ?? -1,
          })
        }
      >
        <TextField label="服务名称" value={name} onChange={setName} max={30} error={save.problems.name} />
        <Field label="类别" error={save.problems.category}>
          <Chips options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} value={category} onChange={setCategory} />
        </Field>
        <TextField label="红色价格（元）" value={red} onChange={setRed} max={9} type="digit" error={save.problems.redPriceFen} />
        <TextField label="市场价（元）" value={market} onChange={setMarket} max={9} type="digit" error={save.problems.marketPriceFen} />
        <TextField label="单位" value={unit} onChange={setUnit} max={10} error={save.problems.unit} placeholder="次、天、餐…" />
        <TextField label="说明" value={description} onChange={setDescription} max={200} error={save.problems.description} />
        <Field label="付款方式">
          <Chips options={PAYMENT_MODES.map((p) => ({ value: p, label: PAYMENT_LABELS[p] }))} value={payment} onChange={setPayment} />
        </Field>
        {editing ? (
          <Button size="small" onClick={() => void retire(editing)}>
            永久下架
          </Button>
        ) : null}
      </FormCard>
    </View>
  );
}
