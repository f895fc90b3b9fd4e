import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, STAGE_LABELS, type AdminView, type ServiceItem } from '@core';
import { DataTable, type Column } from '@/components/data-table';
import { yuan } from '@/components/format';
import { Button } from '@/components/nut/button';
import { Toggle } from '@/components/toggle';
import { confirmAction } from '@/hooks/feedback';
import { deadlinesText } from './duration';
import { useSave } from './use-save';

const COLUMNS: Column<ServiceItem>[] = [
  { key: 'name', title: '服务', text: (s) => s.name, sortBy: (s) => s.name, grow: 1.3 },
  { key: 'category', title: '类别', text: (s) => CATEGORY_LABELS[s.category], filterBy: true, sortBy: (s) => s.category, grow: 0.7 },
  { key: 'price', title: '红色价格', text: (s) => `${yuan(s.redPriceFen)}/${s.unit}`, sortBy: (s) => s.redPriceFen, grow: 0.9 },
  { key: 'market', title: '市场价', text: (s) => yuan(s.marketPriceFen), sortBy: (s) => s.marketPriceFen, grow: 0.7 },
  { key: 'deadlines', title: '时限', text: (s) => (s.deadlines ? deadlinesText(s.deadlines, STAGE_LABELS) : '社区默认'), grow: 2 },
  { key: 'active', title: '状态', text: (s) => (s.active ? '可点单' : '已下架'), filterBy: true, grow: 0.6 },
  { key: 'act', title: '操作', text: () => '', grow: 1.2 },
];

interface Props {
  readonly services: readonly ServiceItem[];
  readonly onEdit: (item: ServiceItem) => void;
  readonly onSaved: (view: AdminView) => void;
}

/** The catalogue at a desk: one row per service, sortable by price, filtered by category or state. */
export function ServiceTable({ services, onEdit, onSaved }: Props) {
  return (
    <DataTable
      caption="服务目录"
      rows={services}
      columns={COLUMNS}
      rowKey={(s) => s.id}
      searchable
      empty="服务目录还是空的"
      delivered="按目录顺序"
      cell={(c, s) => (c.key === 'act' ? <ServiceActions item={s} onEdit={onEdit} onSaved={onSaved} /> : <Text>{c.text(s)}</Text>)}
    />
  );
}

/** 上架/下架 and 修改, as on the phone's card (下架 asks first). */
function ServiceActions({ item, onEdit, onSaved }: { readonly item: ServiceItem } & Omit<Props, 'services'>) {
  const save = useSave(onSaved);
  const toggle = async (active: boolean) => {
    if (!active && !(await confirmAction(`下架“${item.name}”？`, '下架后居民不能再点这项服务，已下的工单照常办理。', '下架'))) return;
    await save.run(active ? '已上架' : '已下架', 'updateService', { serviceItemId: item.id, active });
  };
  return (
    <View className="service-actions">
      <Toggle checked={item.active} disabled={save.busy} label={`${item.name}可点单`} onChange={(v) => void toggle(v)} />
      <Button size="small" onClick={() => onEdit(item)}>
        修改
      </Button>
      {save.error ? <Text className="field-error">{save.error}</Text> : null}
    </View>
  );
}
