import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, type JoinStatus } from '@core';
import { joinPlaces, joinStatus } from '@/api';
import { ListStatus } from '@/components/list-status';
import { Button } from '@/components/nut/button';
import { Screen } from '@/components/screen';
import { useLoad } from '@/hooks/useLoad';
import { loadSession } from '@/hooks/useSession';
import { START } from '@/routes';
import { ApplicationList } from './application-list';
import { ApplyForm } from './apply-form';
import { RedeemForm } from './redeem-form';
import './index.scss';

/** 加入社区: where my applications stand, applying for a household, or redeeming an invitation code. */
export default function Join() {
  const { params } = useRouter();
  const [communityId, setCommunityId] = useState<string | null>(params.community ?? null);
  const status = useLoad(() => joinStatus(), 'status');
  const places = useLoad(() => joinPlaces(communityId), communityId ?? '');
  const s = status.data;

  // Forms open at once for a newcomer with nothing pending; otherwise they wait behind a tap, so the answer is what shows.
  const [opened, setOpened] = useState<'apply' | 'redeem' | null>(params.invite ? 'redeem' : null);
  const settled = !!s && (s.member !== null || s.applications.some((a) => a.state === 'pending'));
  const show = (form: 'apply' | 'redeem') => !settled || opened === form;
  const changed = (next: JoinStatus) => {
    status.setData(next);
    setOpened(null);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  const enter = async () => {
    await loadSession(true);
    void Taro.reLaunch({ url: `${START}?switch=1` });
  };

  return (
    <Screen>
      {!s ? (
        <ListStatus loading={status.loading} error={status.error} empty={false} emptyText="" onRetry={() => void status.reload()} offerStart={false} />
      ) : (
        <View>
          {s.member ? (
            <View className="card">
              <Text className="card-title">您已加入{s.member.communityName}</Text>
              <Text className="muted">
                {s.member.name} · {s.member.roles.map((r) => ROLE_LABELS[r]).join('、')}
              </Text>
              <Button type="primary" block onClick={() => void enter()}>
                进入社区服务
              </Button>
            </View>
          ) : (
            <View className="card">
              <Text className="card-title">{settled ? '申请已提交，请等待社区审核' : '欢迎！您还没有加入社区'}</Text>
              <Text className="muted">{settled ? '审核结果会显示在这里，下拉可刷新。' : '居民请申请入户，工作人员请使用邀请码。'}</Text>
            </View>
          )}
          <ApplicationList items={s.applications} />
          {places.data && show('apply') ? (
            <ApplyForm key={places.data.communityId ?? ''} places={places.data} onCommunity={setCommunityId} onApplied={changed} />
          ) : null}
          {show('redeem') ? (
            <RedeemForm initialCode={params.invite ?? ''} communityId={params.community ?? null} isMember={s.member !== null} onRedeemed={changed} />
          ) : null}
          {settled && opened === null ? (
            <View className="card">
              <View className="row-between join-more" onClick={() => setOpened('apply')}>
                <Text>为另一户申请入户（如亲属家）</Text>
                <Text className="link">›</Text>
              </View>
              <View className="row-between join-more" onClick={() => setOpened('redeem')}>
                <Text>我有邀请码</Text>
                <Text className="link">›</Text>
              </View>
            </View>
          ) : null}
        </View>
      )}
    </Screen>
  );
}
