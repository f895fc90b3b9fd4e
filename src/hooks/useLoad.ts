import { useCallback, useEffect, useRef, useState } from 'react';
import { usePullDownRefresh } from '@tarojs/taro';
import Taro from '@tarojs/taro';
import { asApiError, type ApiError } from '@/api';

/**
 * Loads one thing for a page — again whenever `key` changes, and on pull-down refresh. Answers to
 * an older key are dropped, so switching months quickly never shows the wrong month.
 */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const value = await loadRef.current();
      if (mine === generation.current) setData(value);
    } catch (e) {
      if (mine === generation.current) setError(asApiError(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key means new data: load again
  useEffect(() => {
    void reload();
  }, [key, reload]);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return { data, loading, error, reload, setData };
}
