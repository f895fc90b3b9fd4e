import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, type Role } from '@core';
import { asApiError, demoUsers, storage, type ApiError, type DemoUser } from '@/api';
import { Button } from '@/components/nut/button';
import { clearSession, loadSession } from '@/hooks/useSession';

/** Local H5 mode only: act as one of the demo users (the mini-program knows who you are). */
export function DemoUserPicker() {
  const [users, setUsers] = useState<readonly DemoUser[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [current, setCurrent] = useState(storage.getDevUser());

  const load = () => {
    setError(null);
    demoUsers()
      .then(setUsers)
      .catch((e: unknown) => setError(asApiError(e)));
  };
  useEffect(load, []);

  const pick = (id: string) => {
    if (id === current) return;
    storage.setDevUser(id);
    storage.setRole(null);
    setCurrent(id);
    clearSession();
    void loadSession(true);
  };

  return (
    <View className="card">
      <Text className="card-title">演示账号（本地调试）</Text>
      {error ? (
        <View>
          <Text className="field-error">{error.message}</Text>
          <Button onClick={load}>重新加载</Button>
        </View>
      ) : (
        <View className="chips">
          {users.map((u) => (
            <View key={u.id} className={`chip${u.id === current ? ' active' : ''}`} onClick={() => pick(u.id)}>
              <Text>{u.name}</Text>
              {/* Which role each demo person plays, so a first-time tester knows whom to pick. */}
              <Text className="demo-user-roles">{u.roles.map((r) => ROLE_LABELS[r as Role] ?? r).join('·')}</Text>
            </View>
          ))}
          {/* A WeChat user the community does not know yet: a fresh one each time, to walk the join flow. */}
          <View className={`chip${current.startsWith('newcomer-') ? ' active' : ''}`} onClick={() => pick(`newcomer-${Date.now().toString(36)}`)}>
            <Text>新用户</Text>
            <Text className="demo-user-roles">未加入社区</Text>
          </View>
        </View>
      )}
      {!current && !error ? <Text className="muted">请先选择一个演示账号</Text> : null}
    </View>
  );
}
