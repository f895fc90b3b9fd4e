import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, SERVICE_CATEGORIES, chinaMidnight, type OrderListFilter, type ServiceCategory, type StatsCut } from '@core';
import { Chips } from '@/components/action-forms/parts';

const DAY = 86_400_000;
export type Period = 'all' | 'today' | 'week' | 'month';
const PERIODS: { value: Period; label: string }[] = [
  { value: 'all', label: '不限' },
  { value: 'today', label: '今天' },
  { value: 'week', label: '近7天' },
  { value: 'month', label: '近30天' },
];

/** The board's filters other than state (the counts grid picks the state) and place (the cut's chips pick it). */
export interface BoardFilters {
  readonly teamId: string | null;
  readonly category: ServiceCategory | null;
  readonly period: Period;
}
export const NO_FILTERS: BoardFilters = { teamId: null, category: null, period: 'all' };

/** The list filter for these choices and the chosen place; dates are counted back from today's midnight. */
export function toListFilter(f: BoardFilters, cut: StatsCut, now: number): OrderListFilter {
  const midnight = chinaMidnight(now);
  const back = { all: null, today: 0, week: 6, month: 29 }[f.period];
  return {
    ...(cut.compoundId ? { compoundId: cut.compoundId } : {}),
    ...(cut.buildingId ? { buildingId: cut.buildingId } : {}),
    ...(f.teamId ? { teamId: f.teamId } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(back === null ? {} : { createdFrom: midnight - back * DAY }),
  };
}

interface Props {
  readonly value: BoardFilters;
  readonly onChange: (f: BoardFilters) => void;
  readonly teams: readonly { readonly id: string; readonly name: string }[];
}

/** 服务队 · 服务类别 · 下单时间 */
export function FilterPanel({ value, onChange, teams }: Props) {
  const set = (patch: Partial<BoardFilters>) => onChange({ ...value, ...patch });
  return (
    <View className="card board-filters">
      {teams.length > 0 ? (
        <Row label="服务队">
          <Chips
            options={[{ value: null, label: '全部' }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
            value={value.teamId}
            onChange={(teamId) => set({ teamId })}
          />
        </Row>
      ) : null}
      <Row label="服务类别">
        <Chips
          options={[{ value: null, label: '全部' }, ...SERVICE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]}
          value={value.category}
          onChange={(category) => set({ category })}
        />
      </Row>
      <Row label="下单时间">
        <Chips options={PERIODS} value={value.period} onChange={(period) => set({ period })} />
      </Row>
    </View>
  );
}

function Row({ label, children }: { readonly label: string; readonly children: React.ReactNode }) {
  return (
    <View className="board-filter-row">
      <Text className="field-label">{label}</Text>
      {children}
    </View>
  );
}
