import { Text, View } from '@tarojs/components';
import type { SessionInfo } from '@core';
import { storage } from '@/api';
import { clearSession, loadSession } from '@/hooks/useSession';

/**
 * 社区切换: for a person who belongs to several communities, one chip per community; choosing another
 * makes every later request act there, and the roles below become theirs in it.
 */
export function CommunitySwitch({ session }: { readonly session: SessionInfo }) {
  const communities = session.communities ?? [];
  if (communities.length < 2) return null;
  const choose = (id: string) => {
    if (id === session.community.id) return;
    storage.setCommunity(id);
    storage.setRole(null);
    clearSession();
    void loadSession(true);
  };
  return (
    <View className="community-switch">
      <Text className="muted">您在多个社区有身份，请选择社区</Text>
      <View className="chips">
        {communities.map((c) => (
          <View key={c.id} className={`chip${c.id === session.community.id ? ' active' : ''}`} onClick={() => choose(c.id)}>
            <Text>{c.name}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
