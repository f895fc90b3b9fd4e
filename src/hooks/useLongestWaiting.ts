import { useCallback, useEffect, useState } from 'react';
import type { OrderListFilter, OrderState, OrderView } from '@core';
import { asApiError, listOrders, type ApiError } from '@/api';
import { subscribeOrders } from './order-bus';

/** States in which the resident is still waiting for the work to be done. */
const WAITING: readonly OrderState[] = ['pending_dispatch', 'pending_accept', 'accepted', 'in_service'];
const PAGE = 50;
const MAX_PAGES = 4;

/**
 * The open orders that have waited longest (oldest first). The list API pages newest-change first,
 * so this reads up to MAX_PAGES × PAGE open orders and sorts them here.
 */
export function useLongestWaiting(filter: OrderListFilter, top = 5) {
  const key = JSON.stringify(filter);
  const [items, setItems] = useState<readonly OrderView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [partial, setPartial] = useState(false);

  const reload = useCallback(async () => {
    setError(null);
    try {
      const states = filter.states ? filter.states.filter((s) => WAITING.includes(s)) : WAITING;
      let all: OrderView[] = [];
      let cursor: string | null = null;
      let pages = 0;
      if (states.length > 0) {
        do {
          const page = await listOrders('supervisor', { ...filter, states }, cursor, PAGE);
          all = all.concat(page.items);
          cursor = page.nextCursor;
          pages++;
        } while (cursor !== null && pages < MAX_PAGES);
      }
      setPartial(cursor !== null);
      setItems([...all].sort((a, b) => a.createdAt - b.createdAt).slice(0, top));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, top]);

  useEffect(() => {
    setLoading(true);
    void reload();
  }, [reload]);
  useEffect(() => subscribeOrders(() => void reload()), [reload]);

  return { items, loading, error, partial, reload };
}
