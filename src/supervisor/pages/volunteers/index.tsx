import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { asApiError, exportVolunteerHours, saveFile, volunteerHours } from '@/api';
import { ListStatus } from '@/components/list-status';
import { MonthPicker, thisMonth } from '@/components/month-picker';
import { Button } from '@/components/nut/button';
import { Screen } from '@/components/screen';
import { showFailure, toastOk } from '@/hooks/feedback';
import { useLoad } from '@/hooks/useLoad';
import './index.scss';

/** 在职党员报到: each registered volunteer's 志愿服务 orders and hours in a month, and its XLSX for their units. */
export default function VolunteerHours() {
  const [month, setMonth] = useState(thisMonth());
  const record = useLoad(() => volunteerHours(month), month);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await saveFile(await exportVolunteerHours(month));
      toastOk('已导出');
    } catch (e) {
      showFailure(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const items = record.data?.items ?? [];
  const total = items.reduce((sum, v) => sum + v.hours, 0);
  return (
    <Screen>
      <MonthPicker value={month} onChange={setMonth} />
      {!record.data ? (
        <ListStatus loading={record.loading} error={record.error} empty={false} emptyText="" onRetry={() => void record.reload()} />
      ) : (
        <View className="card">
          <Text className="card-title">
            {month} 志愿服务 · {items.length}人 · 共{total}小时
          </Text>
          {items.length === 0 ? <Text className="muted">还没有在职党员报到</Text> : null}
          {items.map((v) => (
            <View key={v.userId} className="volunteer-row">
              <View className="row-between">
                <Text className="volunteer-name">{v.name}</Text>
                <Text className="volunteer-name">{v.hours}小时</Text>
              </View>
              <Text className="muted">
                {v.workplace} · {v.skills} · 服务{v.orders}单
              </Text>
            </View>
          ))}
          {items.length > 0 ? (
            <View className="volunteer-actions">
              <Button type="primary" loading={busy} disabled={busy} onClick={() => void download()}>
                导出 Excel
              </Button>
            </View>
          ) : null}
        </View>
      )}
    </Screen>
  );
}
