import { ORDER_STATES, STATE_LABELS, type OrderState } from '@core';
import type { TabOption } from '@/components/filter-tabs';

export const ALL_TAB = 'all';

/** Tabs "全部" plus one per state, each with its count from the list reply. */
export function stateTabs(counts: Readonly<Record<OrderState, number>> | null, states: readonly OrderState[] = ORDER_STATES): TabOption[] {
  const total = counts ? ORDER_STATES.reduce((n, s) => n + (counts[s] ?? 0), 0) : undefined;
  return [
    { key: ALL_TAB, label: '全部', count: total },
    ...states.map((s) => ({ key: s, label: STATE_LABELS[s], count: counts ? (counts[s] ?? 0) : undefined })),
  ];
}

/** The list filter for a tab key. */
export const statesOf = (tab: string): OrderState[] | undefined => (tab === ALL_TAB ? undefined : [tab as OrderState]);

/** A tab over several states at once (处理中 = 待接单 + 已接单 + 服务中). */
export interface StateGroup {
  readonly key: string;
  readonly label: string;
  readonly states: readonly OrderState[];
}

/** One tab per group, each counting the orders of its states. */
export function groupTabs(counts: Readonly<Record<OrderState, number>> | null, groups: readonly StateGroup[]): TabOption[] {
  return groups.map((g) => ({ key: g.key, label: g.label, count: counts ? g.states.reduce((n, s) => n + (counts[s] ?? 0), 0) : undefined }));
}
