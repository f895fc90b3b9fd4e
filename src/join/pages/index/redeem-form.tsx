import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { JoinStatus } from '@core';
import { redeemInvitation } from '@/api';
import { Field } from '@/components/action-forms/parts';
import { Button } from '@/components/nut/button';
import { ContactFields, useJoinSubmit } from './join-form';

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
  // A code that is unknown, used up, expired or revoked is the code field's problem.
  const { problems, busy, send } = useJoinSubmit(onRedeemed, (error) => (error.code.startsWith('INVITE.') ? { code: error.message } : null));
  const submit = () => send(() => redeemInvitation(code.trim().toUpperCase(), communityId, isMember ? {} : { name, phone }));

  return (
    <View className="card join-form">
      <Text className="card-title">我有邀请码</Text>
      <Text className="muted">物业调度、服务队员、督单员和管理员凭社区管理员给的邀请码加入。</Text>
      <Field label="邀请码" error={problems.code}>
        <Input className="text-input join-code" placeholder="8位邀请码" value={code} maxlength={8} onInput={(e) => setCode(e.detail.value)} />
      </Field>
      {isMember ? null : (
        <View>
          <ContactFields name={name} phone={phone} onName={setName} onPhone={setPhone} problems={problems} />
        </View>
      )}
      <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
        使用邀请码加入
      </Button>
    </View>
  );
}
