import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { InboxGroup, Role, StoredNotificationView } from '@core';
import { asApiError, getInbox, markRead, type ApiError } from '@/api';
import { orderUrl } from '@/routes';

export type InboxEntry = InboxGroup<StoredNotificationView>;

/**
 * The inbox's data, apart from any layout (the phone's list here, a desktop table elsewhere): the
 * groups per order, the unread count, and reading — marking one order, or all, read.
 * `quiet`: a home page's strip, which shows nothing rather than an error.
 */
export function useInbox(role: Role, quiet = false) {
  const [groups, setGroups] = useState<readonly InboxEntry[]>([]);
  const [unread, setUnread] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    try {
      const inbox = await getInbox(role);
      setGroups(inbox.groups);
      setUnread(inbox.unread);
      setError(null);
    } catch (e) {
      if (!quiet) setError(asApiError(e));
    } finally {
      setLoading(false);
    }
  }, [role, quiet]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useDidShow(() => void reload());

  /** Shows the order's messages as read at once; the server's count follows. */
  const readLocally = (orderId: string | null) =>
    setGroups((gs) =>
      gs.map((g) => (orderId === null || g.orderId === orderId ? { ...g, unread: 0, items: g.items.map((i) => ({ ...i, unread: false })) } : g)),
    );

  const markOrderRead = async (orderId: string) => {
    readLocally(orderId);
    setUnread((await markRead(role, orderId).catch(() => ({ unread })))?.unread ?? unread);
  };
  const markAllRead = async () => {
    readLocally(null);
    setUnread(0);
    setUnread((await markRead(role, null).catch(() => ({ unread }))).unread);
  };
  /** Opens the order the messages are about; they count as read. */
  const open = (orderId: string) => {
    void markOrderRead(orderId);
    void Taro.navigateTo({ url: orderUrl(role, orderId) });
  };

  return { groups, unread, loading, error, reload, markOrderRead, markAllRead, open };
}
