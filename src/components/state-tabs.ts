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
