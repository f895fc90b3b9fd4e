import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CODE_ALPHABET, CODE_LENGTH } from '@core';
import { asApiError, leaveCommunity, storage } from '@/api';
import { Button } from '@/components/nut/button';
import { confirmAction, showFailure, toastOk } from '@/hooks/feedback';
import { clearSession, loadSession } from '@/hooks/useSession';
import { JOIN } from '@/routes';

const CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** The invitation code a link (`?invite=`) or a QR code (`scene=i%3D…`) opened the app with, if any. */
export function inviteFromParams(params: Readonly<Record<string, string | undefined>>): string | null {
  const scene = params.scene ? decodeURIComponent(params.scene) : '';
  const code = params.invite ?? (scene.startsWith('i=') ? scene.slice(2) : '');
  return CODE.test(code) ? code : null;
}

/** What an unknown WeChat user sees instead of an error: the way in. */
export function JoinCard() {
  return (
    <View className="card">
      <Text className="card-title">您还没有加入社区</Text>
      <Text className="muted">居民申请入户，社区审核后即可下单；工作人员凭邀请码加入。</Text>
      <Button type="primary" block onClick={() => void Taro.navigateTo({ url: JOIN })}>
        加入社区
      </Button>
    </View>
  );
}

/** For members: another household (a relative's) or a new role from an invitation code. */
export function JoinMoreCard() {
  return (
    <View className="card row-between" onClick={() => void Taro.navigateTo({ url: JOIN })}>
      <View className="start-elder">
        <Text className="card-title">申请入户 · 邀请码</Text>
        <Text className="muted">为亲属家申请入户，或凭邀请码获得新身份</Text>
      </View>
      <Text className="link">前往 ›</Text>
    </View>
  );
}

/** 退出社区, asked twice: what goes and what stays is said before anything happens. */
export function LeaveLink({ communityName }: { readonly communityName: string }) {
  const leave = async () => {
    const sure = await confirmAction(
      '退出社区',
      `退出${communityName}后，您的身份和住户绑定都会取消，姓名和手机号将被清除；已下的工单作为服务记录保留。`,
      '确定退出',
    );
    if (!sure) return;
    try {
      await leaveCommunity();
      storage.setRole(null);
      clearSession();
      toastOk('已退出社区');
      void loadSession(true);
    } catch (e) {
      showFailure(asApiError(e));
    }
  };
  return (
    <View className="start-leave" onClick={() => void leave()}>
      <Text className="muted">退出社区</Text>
    </View>
  );
}
