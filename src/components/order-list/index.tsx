import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { OrderView } from '@core';
import { ListStatus } from '@/components/list-status';
import { OrderCard } from '@/components/order-card';
import type { OrderListState } from '@/hooks/useOrderList';

interface Props {
  readonly list: OrderListState;
  readonly emptyText: string;
  readonly emptyHint?: string;
  readonly onOpen: (order: OrderView) => void;
  readonly showWaiting?: boolean;
  /** The household's own list: no back-office flags about themselves (core/event-texts.ts). */
  readonly forResident?: boolean;
  /** Quick buttons under a card (e.g. 抢单 in the pool). */
  readonly renderActions?: (order: OrderView) => ReactNode;
}

/** A list of order cards with its loading, empty, error and paging states. */
export function OrderList({ list, emptyText, emptyHint, onOpen, showWaiting, forResident, renderActions }: Props) {
  const now = Date.now();
  return (
    <View>
      {list.items.map((o) => (
        <OrderCard key={o.id} order={o} onOpen={onOpen} showWaiting={showWaiting} forResident={forResident} now={now}>
          {renderActions?.(o)}
        </OrderCard>
      ))}
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
