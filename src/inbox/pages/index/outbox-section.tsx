import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { devOutbox, storage, type OutboxItem } from '@/api';
import { dateTime } from '@/components/format';

/**
 * The H5 app has no WeChat: the local server's simulated sender keeps what it would have pushed.
 * This shows the current demo user's share of it, each opening the page the message would open.
 */
export function OutboxSection() {
  const [items, setItems] = useState<readonly OutboxItem[] | null>(null);
  useEffect(() => {
    const me = storage.getDevUser();
    devOutbox()
      .then((all) => setItems(all.filter((i) => i.userId === me)))
      .catch(() => setItems(null));
  }, []);
  if (!items) return null;
  return (
    <View className="inbox-outbox">
      <Text className="section-title">模拟推送（本地开发）</Text>
      <View className="card">
        <Text className="muted">本地没有微信：以下是本机模拟发送器替您“推送”到微信服务通知的内容</Text>
        {items.length === 0 ? <Text className="inbox-outbox-empty">还没有推送</Text> : null}
        {items.map((i) => (
          <View key={`${i.at}-${i.templateId}-${i.page}`} className="inbox-outbox-item" onClick={() => void Taro.navigateTo({ url: `/${i.page}` })}>
            <Text className="inbox-outbox-values">
              {Object.values(i.data)
                .map((v) => v.value)
                .join(' · ')}
            </Text>
            <Text className="muted">
              {dateTime(i.at)} · 模板 {i.templateId}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
