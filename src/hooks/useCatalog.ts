import { useCallback, useEffect, useState } from 'react';
import type { ServiceItem } from '@core';
import { asApiError, listCatalog, type ApiError } from '@/api';

let cached: readonly ServiceItem[] | null = null;

/** The service catalogue (kept for the app run; pull down to refresh). */
export function useCatalog() {
  const [items, setItems] = useState<readonly ServiceItem[]>(cached ?? []);
  const [loading, setLoading] = useState(cached === null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    setError(null);
    try {
      cached = (await listCatalog()).items;
      setItems(cached);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (cached === null) void reload();
  }, [reload]);

  return { items, loading, error, reload };
}
