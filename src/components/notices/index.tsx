import { useState } from 'react';
import Taro from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import type { Role } from '@core';
import { dateTime } from '@/components/format';
import { Popup } from '@/components/nut/popup';
import { useNotifications } from '@/hooks/useNotifications';
import { orderUrl } from '@/routes';
import './index.scss';

/** The newest message in a strip; tap for the recent ones, each opening its order. */
export function Notices({ role }: { readonly role: Role }) {
  const { items } = useNotifications(role);
  const [open, setOpen] = useState(false);
  const latest = items[0];
  if (!latest) return null;
  const go = (orderId: string) => {
    setOpen(false);
    void Taro.navigateTo({ url: orderUrl(role, orderId) });
  };
  return (
    <View>
      <View className="notice-strip" onClick={() => setOpen(true)}>
        <Text className="notice-badge">消息</Text>
        <Text className="notice-text">{latest.about ? `${latest.about}：${latest.text}` : latest.text}</Text>
        <Text className="notice-more">全部 ›</Text>
      </View>
      <Popup visible={open} position="bottom" round closeable title="最新消息" onClose={() => setOpen(false)}>
        <ScrollView scrollY className="notice-sheet">
          {items.map((n) => (
            <View key={n.id} className="notice-item" onClick={() => go(n.orderId)}>
              {n.about ? <Text className="notice-item-about">{n.about}</Text> : null}
              <Text className="notice-item-text">{n.text}</Text>
              <Text className="muted">{dateTime(n.at)} · 查看工单 ›</Text>
            </View>
          ))}
        </ScrollView>
      </Popup>
    </View>
  );
}
