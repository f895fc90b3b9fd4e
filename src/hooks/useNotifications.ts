import { useCallback, useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { Role, StoredNotificationView } from '@core';
import { listNotifications } from '@/api';

/** The latest notifications for a role; quietly empty when they cannot be loaded. */
export function useNotifications(role: Role) {
  const [items, setItems] = useState<readonly StoredNotificationView[]>([]);
  const reload = useCallback(async () => {
    try {
      setItems((await listNotifications(role)).items);
    } catch {
      // Notices are a convenience; the lists below carry the real state.
    }
  }, [role]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useDidShow(() => void reload());
  return { items, reload };
}
