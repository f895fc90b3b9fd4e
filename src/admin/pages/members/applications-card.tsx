import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { ApplicationView } from '@core';
import { asApiError, decideApplication, type GridRole } from '@/api';
import { dateTime } from '@/components/format';
import { Button } from '@/components/nut/button';
import { showFailure, toastOk } from '@/hooks/feedback';

/** 入户申请 waiting for the admin: approve, or refuse with a reason the applicant will read. */
export function ApplicationsCard({
  items,
  onDecided,
  role = 'admin',
}: {
  readonly items: readonly ApplicationView[];
  readonly onDecided: () => void;
  /** A 楼栋党小组长 decides those of their buildings (the grid page). */
  readonly role?: GridRole;
}) {
  const [refusing, setRefusing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const decide = async (id: string, approve: boolean) => {
    try {
      await decideApplication(id, approve, approve ? '' : reason, role);
      toastOk(approve ? '已通过' : '已拒绝');
      setRefusing(null);
      setReason('');
      onDecided();
    } catch (e) {
      showFailure(asApiError(e));
    }
  };
  return (
    <View className="card">
      <Text className="card-title">待审核的入户申请（{items.length}）</Text>
      {items.length === 0 ? <Text className="muted">没有等待审核的申请</Text> : null}
      {items.map((a) => (
        <View key={a.id} className="members-row">
          <Text className="members-name">
            {a.name} · {a.phone}
          </Text>
          <Text className="muted">
            申请入户 {a.address} · {dateTime(a.createdAt)}
          </Text>
          {refusing === a.id ? (
            <View>
              <Input className="text-input" placeholder="拒绝原因（申请人会看到）" value={reason} maxlength={200} onInput={(e) => setReason(e.detail.value)} />
              <View className="members-actions">
                <Button size="small" onClick={() => setRefusing(null)}>
                  取消
                </Button>
                <Button size="small" type="danger" onClick={() => void decide(a.id, false)}>
                  确定拒绝
                </Button>
              </View>
            </View>
          ) : (
            <View className="members-actions">
              <Button size="small" onClick={() => setRefusing(a.id)}>
                拒绝
              </Button>
              <Button size="small" type="primary" onClick={() => void decide(a.id, true)}>
                通过
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
