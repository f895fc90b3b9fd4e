import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Role } from '@core';
import { useInbox } from '@/hooks/useInbox';
import { inboxUrl } from '@/routes';
import './index.scss';

/** A role's home: the newest message and how many are unread; tap for the inbox. */
export function Notices({ role }: { readonly role: Role }) {
  const { groups, unread } = useInbox(role, true);
  const latest = groups[0]?.items[0];
  if (!latest) return null;
  const about = groups[0]?.about;
  return (
    <View className="notice-strip" onClick={() => void Taro.navigateTo({ url: inboxUrl(role) })}>
      <Text className={`notice-badge${unread ? '' : ' read'}`}>{unread ? `${unread > 99 ? '99+' : unread} 条未读` : '消息'}</Text>
      <Text className="notice-text">{about ? `${about}：${latest.text}` : latest.text}</Text>
      <Text className="notice-more">全部 ›</Text>
    </View>
  );
}
