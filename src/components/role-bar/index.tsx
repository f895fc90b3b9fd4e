import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, type Role } from '@core';
import { Toggle } from '@/components/toggle';
import { useElderMode } from '@/hooks/useElderMode';
import { useSession } from '@/hooks/useSession';
import { START } from '@/routes';
import './index.scss';

/** Who I am acting as, a way back to the role picker, and the 长辈模式 switch. */
export function RoleBar({ role }: { readonly role: Role }) {
  const { session } = useSession();
  const [elder, setElder] = useElderMode();
  return (
    <View className="role-bar">
      <View className="role-bar-who">
        <Text className="role-bar-role">{ROLE_LABELS[role]}</Text>
        {session ? <Text className="role-bar-name">{session.user.name}</Text> : null}
        {/* Whoever belongs to several communities sees which one they act in (社区切换 is on the start page). */}
        {(session?.communities?.length ?? 0) > 1 ? <Text className="role-bar-name">{session!.community.name}</Text> : null}
      </View>
      <View className="row">
        <Text className="role-bar-elder">长辈模式</Text>
        <Toggle label="长辈模式" checked={elder} onChange={(v) => setElder(v)} />
        {(session?.user.roles.length ?? 0) > 1 || process.env.TARO_ENV === 'h5' ? (
          <Text className="role-bar-switch" onClick={() => void Taro.reLaunch({ url: `${START}?switch=1` })}>
            切换身份
          </Text>
        ) : null}
      </View>
    </View>
  );
}
