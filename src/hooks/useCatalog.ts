import { useCallback, useEffect, useState } from 'react';
import type { ServiceItem } from '@core';
import { asApiError, listCatalog, type ApiError } from '@/api';

interface Catalog {
  readonly items: readonly ServiceItem[];
  /** Item ids, most used first (the resident's own orders, then the community's). */
  readonly popular: readonly string[];
}
let cached: Catalog | null = null;

/** The service catalogue (kept for the app run; pull down to refresh). */
export function useCatalog() {
  const [catalog, setCatalog] = useState<Catalog>(cached ?? { items: [], popular: [] });
  const [loading, setLoading] = useState(cached === null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    setError(null);
    try {
      const reply = await listCatalog();
      cached = { items: reply.items, popular: reply.popular ?? [] };
      setCatalog(cached);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (cached === null) void reload();
  }, [reload]);

  return { items: catalog.items, popular: catalog.popular, loading, error, reload };
}
