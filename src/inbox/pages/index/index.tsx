import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROLES, type Role } from '@core';
import { isLocalMode } from '@/api';
import { ListStatus } from '@/components/list-status';
import { Button } from '@/components/nut/button';
import { Screen } from '@/components/screen';
import { useInbox } from '@/hooks/useInbox';
import { InboxList } from './inbox-list';
import { OutboxSection } from './outbox-section';
import { SendingsSection } from './sendings-section';
import './index.scss';

const roleFrom = (value: string | undefined): Role => ((ROLES as readonly string[]).includes(value ?? '') ? (value as Role) : 'resident');

/** 消息: what happened to my orders, one group per order, unread first marked; tap to open the order. */
export default function InboxPage() {
  const role = roleFrom(useRouter().params.role);
  const inbox = useInbox(role);
  usePullDownRefresh(() => void inbox.reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <Screen className="inbox-page">
      <View className="inbox-top row-between">
        <Text className="inbox-count">{inbox.unread ? `${inbox.unread} 条未读` : '没有未读消息'}</Text>
        {inbox.unread ? (
          <Button size="small" fill="outline" type="primary" onClick={() => void inbox.markAllRead()}>
            全部标为已读
          </Button>
        ) : null}
      </View>
      {inbox.loading || inbox.error || inbox.groups.length === 0 ? (
        <ListStatus
          loading={inbox.loading}
          error={inbox.error}
          empty={inbox.groups.length === 0}
          emptyText="还没有消息"
          emptyHint="工单有了进展，会在这里告诉您"
          onRetry={() => void inbox.reload()}
        />
      ) : (
        <InboxList groups={inbox.groups} onOpen={inbox.open} onRead={(id) => void inbox.markOrderRead(id)} />
      )}
      <SendingsSection />
      {isLocalMode ? <OutboxSection /> : null}
    </Screen>
  );
}
