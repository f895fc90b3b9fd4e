import { Text, View } from '@tarojs/components';
import { dateTime } from '@/components/format';
import type { InboxEntry } from '@/hooks/useInbox';

interface Props {
  readonly groups: readonly InboxEntry[];
  readonly onOpen: (orderId: string) => void;
  readonly onRead: (orderId: string) => void;
}

/** The phone's layout of the inbox: a card per order, its service and place, its messages newest first. */
export function InboxList({ groups, onOpen, onRead }: Props) {
  return (
    <View className="inbox-list">
      {groups.map((g) => (
        <View key={g.orderId} className={`card inbox-group${g.unread ? ' unread' : ''}`} onClick={() => onOpen(g.orderId)}>
          <View className="row-between inbox-group-head">
            <Text className="inbox-about">{g.about ?? '工单消息'}</Text>
            {g.unread ? <Text className="inbox-unread">{g.unread} 条未读</Text> : null}
          </View>
          {g.items.slice(0, 3).map((n) => (
            <View key={n.id} className={`inbox-item${n.unread ? ' unread' : ''}`}>
              {n.unread ? <View className="inbox-dot" /> : null}
              <Text className="inbox-text">{n.text}</Text>
              <Text className="muted inbox-time">{dateTime(n.at)}</Text>
            </View>
          ))}
          {g.items.length > 3 ? <Text className="muted">还有 {g.items.length - 3} 条较早的消息</Text> : null}
          <View className="row-between inbox-group-foot">
            <Text className="inbox-open">查看工单 ›</Text>
            {g.unread ? (
              <Text
                className="inbox-mark"
                onClick={(e) => {
                  e.stopPropagation();
                  onRead(g.orderId);
                }}
              >
                标为已读
              </Text>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}
