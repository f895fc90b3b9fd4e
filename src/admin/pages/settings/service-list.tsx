import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, STAGE_LABELS, type AdminView, type ServiceItem } from '@core';
import { Price } from '@/components/price';
import { Toggle } from '@/components/toggle';
import { confirmAction } from '@/hooks/feedback';
import { deadlinesText } from './duration';
import { useSave } from './use-save';

/** The catalogue: each service with its prices, deadlines, whether residents can order it, and an edit button. */
export function ServiceList({
  services,
  onEdit,
  onSaved,
}: {
  readonly services: readonly ServiceItem[];
  readonly onEdit: (item: ServiceItem) => void;
  readonly onSaved: (view: AdminView) => void;
}) {
  if (services.length === 0) return <Text className="muted">服务目录还是空的</Text>;
  return (
    <View>
      {services.map((s) => (
        <ServiceRow key={s.id} item={s} onEdit={onEdit} onSaved={onSaved} />
      ))}
    </View>
  );
}

function ServiceRow({
  item,
  onEdit,
  onSaved,
}: {
  readonly item: ServiceItem;
  readonly onEdit: (item: ServiceItem) => void;
  readonly onSaved: (view: AdminView) => void;
}) {
  const save = useSave(onSaved);
  const toggle = async (active: boolean) => {
    if (!active && !(await confirmAction(`下架“${item.name}”？`, '下架后居民不能再点这项服务，已下的工单照常办理。', '下架'))) return;
    await save.run(active ? '已上架' : '已下架', 'updateService', { serviceItemId: item.id, active });
  };
  return (
    <View className={`service-row${item.active ? '' : ' inactive'}`}>
      <View className="row-between">
        <View className="service-name-box">
          <Text className="service-name">{item.name}</Text>
          <Text className="muted">
            {CATEGORY_LABELS[item.category]} · {item.active ? '可点单' : '已下架'}
          </Text>
        </View>
        <Toggle label={`${item.name}可点单`} checked={item.active} disabled={save.busy} onChange={(v) => void toggle(v)} />
      </View>
      <Price redFen={item.redPriceFen} marketFen={item.marketPriceFen} unit={item.unit} />
      <Text className="service-deadlines">{item.deadlines ? `单独时限：${deadlinesText(item.deadlines, STAGE_LABELS)}` : '使用社区默认时限'}</Text>
      {save.error ? <Text className="field-error">{save.error}</Text> : null}
      <View className="service-edit" onClick={() => onEdit(item)}>
        <Text>修改时限和价格 ›</Text>
      </View>
    </View>
  );
}
