import { Text, View } from '@tarojs/components';
import type { ApplicationView } from '@core';
import { dateTime } from '@/components/format';

const STATE_TEXT = { pending: '等待社区审核', approved: '已通过', refused: '未通过' } as const;

/** Where each of my applications stands, in plain words: what happens next, or why it was refused. */
export function ApplicationList({ items }: { readonly items: readonly ApplicationView[] }) {
  if (items.length === 0) return null;
  return (
    <View className="card">
      <Text className="card-title">我的入户申请</Text>
      {items.map((a) => (
        <View key={a.id} className={`join-application ${a.state}`}>
          <View className="row-between">
            <Text className="join-address">{a.address}</Text>
            <Text className={`join-state ${a.state}`}>{STATE_TEXT[a.state]}</Text>
          </View>
          <Text className="muted">
            {a.communityName} · {a.name} · {dateTime(a.createdAt)}提交
          </Text>
          {a.state === 'pending' ? <Text className="join-next">社区管理员审核通过后，您就可以为这一户下单了。</Text> : null}
          {a.state === 'refused' ? <Text className="join-reason">原因：{a.reason}</Text> : null}
          {a.state === 'approved' ? <Text className="join-next">您已是这一户的居民。</Text> : null}
        </View>
      ))}
    </View>
  );
}
