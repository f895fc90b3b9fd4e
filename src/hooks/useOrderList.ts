import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { OrderListFilter, OrderSort, OrderState, OrderView, Role } from '@core';
import { asApiError, listOrders, type ApiError } from '@/api';
import { subscribeOrders } from './order-bus';

export interface OrderListState {
  readonly items: readonly OrderView[];
  readonly counts: Readonly<Record<OrderState, number>> | null;
  /** First page loading (nothing to show yet). */
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly loadMoreError: ApiError | null;
  readonly reload: () => Promise<void>;
  readonly loadMore: () => Promise<void>;
  /** Drops one order from the list at once (e.g. a pool order someone else took). */
  readonly remove: (orderId: string) => void;
}

interface Options {
  readonly role: Role;
  readonly filter: OrderListFilter;
  /** The server's order: latest change first unless told (`urgent`: exceptions, then the nearest deadline, first). */
  readonly sort?: OrderSort;
  /** Narrows what the server returned (e.g. the worker's own tasks vs the team pool). */
  readonly select?: (order: OrderView) => boolean;
  /** Whether this list owns the page's pull-down refresh and bottom-reached events. */
  readonly bindPage?: boolean;
  /**
   * Load every page (up to ALL_ROWS_CAP orders) instead of waiting for the bottom: the console's
   * tables sort and filter over all rows, not over what happens to be loaded.
   */
  readonly all?: boolean;
}

/** The most orders a console table loads on its own; past it the table says its sorting covers only these. */
export const ALL_ROWS_CAP = 1000;
/** The contract's largest page, used while loading everything: fewer requests. */
const ALL_PAGE_SIZE = 50;

/** Pages a caller skips through at most to fill a screen when `select` filters a page out. */
const MAX_SKIPPED_PAGES = 4;

/**
 * One list of orders: first page, paging by cursor, pull-down refresh, counts per state for tabs,
 * and live updates from detail pages. Stale answers (the filter changed meanwhile) are dropped.
 */
export function useOrderList({ role, filter, sort = 'recent', select, bindPage = true, all = false }: Options): OrderListState {
  const key = `${role}|${sort}|${all}|${JSON.stringify(filter)}`;
  const [items, setItems] = useState<readonly OrderView[]>([]);
  const [counts, setCounts] = useState<Record<OrderState, number> | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<ApiError | null>(null);
  const generation = useRef(0);
  const stale = useRef(false);
  const selectRef = useRef(select);
  selectRef.current = select;

  /** Fetches from `from` on, skipping pages that `select` empties, up to a few. */
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for role, sort and filter, compared by value
  const fetchFrom = useCallback(
    async (from: string | null) => {
      let next = from;
      let picked: OrderView[] = [];
      let lastCounts: Record<OrderState, number> | null = null;
      for (let i = 0; i <= MAX_SKIPPED_PAGES; i++) {
        const page = await listOrders(role, filter, next, all ? ALL_PAGE_SIZE : undefined, sort);
        lastCounts = page.counts;
        picked = picked.concat(selectRef.current ? page.items.filter(selectRef.current) : page.items);
        next = page.nextCursor;
        if (picked.length > 0 || next === null) break;
      }
      return { picked, next, counts: lastCounts };
    },
    [key],
  );

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    stale.current = false;
    setError(null);
    setLoadMoreError(null);
    try {
      const page = await fetchFrom(null);
      if (gen !== generation.current) return;
      setItems(page.picked);
      setCursor(page.next);
      if (page.counts) setCounts(page.counts);
    } catch (e) {
      if (gen === generation.current) setError(asApiError(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, [fetchFrom]);

  const loadMore = useCallback(async () => {
    if (cursor === null || loadingMore || loading) return;
    const gen = generation.current;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      const page = await fetchFrom(cursor);
      if (gen !== generation.current) return;
      setItems((old) => {
        const seen = new Set(old.map((o) => o.id));
        return old.concat(page.picked.filter((o) => !seen.has(o.id)));
      });
      setCursor(page.next);
      if (page.counts) setCounts(page.counts);
    } catch (e) {
      if (gen === generation.current) setLoadMoreError(asApiError(e));
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, loadingMore, loading, fetchFrom]);

  // Everything, page after page, while nothing failed: a failed page shows its 重试 and stops here.
  useEffect(() => {
    if (all && !loading && !loadingMore && !loadMoreError && cursor !== null && items.length < ALL_ROWS_CAP) void loadMore();
  }, [all, loading, loadingMore, loadMoreError, cursor, items.length, loadMore]);

  const remove = useCallback((orderId: string) => setItems((old) => old.filter((o) => o.id !== orderId)), []);

  useEffect(() => {
    setLoading(true);
    setItems([]);
    setCursor(null);
    void reload();
  }, [reload]);

  // A detail page changed an order: show it at once, and refresh counts when we are seen again.
  useEffect(
    () =>
      subscribeOrders((news) => {
        stale.current = true;
        if (news.kind === 'gone') remove(news.orderId);
        else setItems((old) => old.map((o) => (o.id === news.order.id ? news.order : o)));
      }),
    [remove],
  );

  useDidShow(() => {
    if (stale.current) void reload();
  });
  usePullDownRefresh(() => {
    if (!bindPage) return;
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (bindPage) void loadMore();
  });

  return { items, counts, loading, error, hasMore: cursor !== null, loadingMore, loadMoreError, reload, loadMore, remove };
}
