import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { OrderView } from '@core';
import { ListStatus } from '@/components/list-status';
import { OrderCard } from '@/components/order-card';
import type { OrderListState } from '@/hooks/useOrderList';
import './index.scss';

/** A titled run of cards (今天, 明天, 以后). */
export interface OrderSection {
  readonly key: string;
  readonly title: string;
  readonly items: readonly OrderView[];
}

interface Props {
  readonly list: OrderListState;
  readonly emptyText: string;
  readonly emptyHint?: string;
  readonly onOpen: (order: OrderView) => void;
  /** Deadlines, badges and waiting time for staff (see OrderCard). */
  readonly forStaff?: boolean;
  /** Quick buttons under a card (e.g. 抢单 in the pool). */
  readonly renderActions?: (order: OrderView) => ReactNode;
  /** Splits the loaded orders into titled sections, in the sections' order; one untitled run otherwise. */
  readonly sections?: (items: readonly OrderView[]) => readonly OrderSection[];
}

/** A list of order cards with its loading, empty, error and paging states. */
export function OrderList({ list, emptyText, emptyHint, onOpen, forStaff, renderActions, sections }: Props) {
  const now = Date.now();
  const card = (o: OrderView) => (
    <OrderCard key={o.id} order={o} onOpen={onOpen} forStaff={forStaff} now={now}>
      {renderActions?.(o)}
    </OrderCard>
  );
  return (
    <View>
      {sections
        ? sections(list.items).map((s) => (
            <View key={s.key} className="order-section">
              <Text className="order-section-title">
                {s.title}（{s.items.length}）
              </Text>
              {s.items.map(card)}
            </View>
          ))
        : list.items.map(card)}
      <ListStatus
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={emptyText}
        emptyHint={emptyHint}
        onRetry={() => void list.reload()}
        hasMore={list.hasMore}
        loadingMore={list.loadingMore}
        loadMoreError={list.loadMoreError}
        onMore={() => void list.loadMore()}
      />
    </View>
  );
}
