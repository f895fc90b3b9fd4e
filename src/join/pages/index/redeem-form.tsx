import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { JoinStatus } from '@core';
import { asApiError, redeemInvitation } from '@/api';
import { Button } from '@/components/nut/button';
import { isFormProblem, showFailure } from '@/hooks/feedback';

interface Props {
  /** A code the link or QR code carried. */
  readonly initialCode: string;
  /** The community the link named, if any. */
  readonly communityId: string | null;
  /** Members add a role; newcomers also say who they are. */
  readonly isMember: boolean;
  readonly onRedeemed: (status: JoinStatus) => void;
}

/** 我有邀请码: staff (and the first admin) join with the code the admin gave them. */
export function RedeemForm({ initialCode, communityId, isMember, onRedeemed }: Props) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [problems, setProblems] = useState<Readonly<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setProblems({});
    try {
      onRedeemed(await redeemInvitation(code.trim().toUpperCase(), communityId, isMember ? {} : { name, phone }));
    } catch (e) {
      const error = asApiError(e);
      if (isFormProblem(error)) setProblems(error.details);
      else if (error.code.startsWith('INVITE.')) setProblems({ code: error.message });
      else showFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const problem = (key: string) => (problems[key] ? <Text className="field-error">{problems[key]}</Text> : null);
  return (
    <View className="card join-form">
      <Text className="card-title">我有邀请码</Text>
      <Text className="muted">物业调度、服务队员、督单员和管理员凭社区管理员给的邀请码加入。</Text>
      <View className="field">
        <Text className="field-label">邀请码</Text>
        <Input className="text-input join-code" placeholder="8位邀请码" value={code} maxlength={8} onInput={(e) => setCode(e.detail.value)} />
        {problem('code')}
      </View>
      {isMember ? null : (
        <View>
          <View className="field">
            <Text className="field-label">姓名</Text>
            <Input className="text-input" placeholder="您的姓名" value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
            {problem('name')}
          </View>
          <View className="field">
            <Text className="field-label">手机号</Text>
            <Input className="text-input" type="number" placeholder="11位手机号" value={phone} maxlength={11} onInput={(e) => setPhone(e.detail.value)} />
            {problem('phone')}
          </View>
        </View>
      )}
      <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
        使用邀请码加入
      </Button>
    </View>
  );
}
