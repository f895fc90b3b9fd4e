import { useCallback, useEffect, useState } from 'react';
import type { OrderListFilter, OrderState, OrderView } from '@core';
import { asApiError, listOrders, type ApiError } from '@/api';
import { subscribeOrders } from './order-bus';

/** States in which the resident is still waiting for the work to be done. */
const WAITING: readonly OrderState[] = ['pending_dispatch', 'pending_accept', 'accepted', 'in_service'];
/** The open orders that have waited longest: placed longest ago first, as the server sorts them. */
export function useLongestWaiting(filter: OrderListFilter, top = 5) {
  const key = JSON.stringify(filter);
  const [items, setItems] = useState<readonly OrderView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    setError(null);
    try {
      const states = filter.states ? filter.states.filter((s) => WAITING.includes(s)) : WAITING;
      setItems(states.length > 0 ? (await listOrders('supervisor', { ...filter, states: [...states] }, null, top, 'oldest')).items : []);
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

  return { items, loading, error, reload };
}
