import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@core';
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
              <Text className="card-title">欢迎！您还没有加入社区</Text>
              <Text className="muted">居民请申请入户，工作人员请使用邀请码。</Text>
            </View>
          )}
          <ApplicationList items={s.applications} />
          {places.data ? <ApplyForm key={places.data.communityId ?? ''} places={places.data} onCommunity={setCommunityId} onApplied={status.setData} /> : null}
          <RedeemForm initialCode={params.invite ?? ''} communityId={params.community ?? null} isMember={s.member !== null} onRedeemed={status.setData} />
        </View>
      )}
    </Screen>
  );
}
