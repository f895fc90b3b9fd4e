import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { SessionInfo } from '@core';
import { asApiError, registerVolunteer } from '@/api';
import { Button } from '@/components/nut/button';
import { showFailure, toastOk } from '@/hooks/feedback';
import { loadSession } from '@/hooks/useSession';

/**
 * 在职党员报到: a party member who works elsewhere tells the community where they live what they can
 * do; from then on they take 志愿服务 orders as a member of its volunteer team. Once registered, the
 * card says so and lets them change what they offer.
 */
export function VolunteerCard({ session }: { readonly session: SessionInfo }) {
  const registered = session.user.volunteer;
  const [open, setOpen] = useState(false);
  const [skills, setSkills] = useState(registered?.skills ?? '');
  const [workplace, setWorkplace] = useState(registered?.workplace ?? '');
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    try {
      await registerVolunteer(skills, workplace);
      toastOk(registered ? '已更新' : '报到成功');
      setOpen(false);
      void loadSession(true);
    } catch (e) {
      showFailure(asApiError(e));
    } finally {
      setSending(false);
    }
  };
  if (!open) {
    return (
      <View className="card row-between" onClick={() => setOpen(true)}>
        <View className="start-elder">
          <Text className="card-title">在职党员报到</Text>
          <Text className="muted">{registered ? `已报到 · ${registered.skills}` : '在外单位工作的党员，到居住社区报到，参加志愿服务'}</Text>
        </View>
        <Text className="link">{registered ? '修改 ›' : '报到 ›'}</Text>
      </View>
    );
  }
  return (
    <View className="card">
      <Text className="card-title">在职党员报到</Text>
      <Text className="muted">工作单位</Text>
      <Input className="text-input" value={workplace} maxlength={50} placeholder="例如：市供电公司" onInput={(e) => setWorkplace(e.detail.value)} />
      <Text className="muted">能提供的志愿服务</Text>
      <Input className="text-input" value={skills} maxlength={100} placeholder="例如：陪老人聊天、修小电器" onInput={(e) => setSkills(e.detail.value)} />
      <Button type="primary" block loading={sending} disabled={sending || !skills.trim() || !workplace.trim()} onClick={() => void send()}>
        {registered ? '保存' : '报到'}
      </Button>
    </View>
  );
}
