import { useCallback, useEffect, useState } from 'react';
import { UNFINISHED_STATES, type OrderListFilter, type OrderView } from '@core';
import { asApiError, listOrders, type ApiError } from '@/api';
import { subscribeOrders } from './order-bus';

/** The resident is still waiting while the work is not done (the core's list). */
const WAITING = UNFINISHED_STATES;
/** The open orders that have waited longest: placed longest ago first, as the server sorts them. */
export function useLongestWaiting(filter: OrderListFilter, top = 5) {
  const key = JSON.stringify(filter);
  const [items, setItems] = useState<readonly OrderView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filter, compared by value
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
  }, [key, top]);

  useEffect(() => {
    setLoading(true);
    void reload();
  }, [reload]);
  useEffect(() => subscribeOrders(() => void reload()), [reload]);

  return { items, loading, error, reload };
}
