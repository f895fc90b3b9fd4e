import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Meeting } from '@core';
import { listMeetings } from '@/api/grievances';
import { Button } from '@/components/nut/button';
import { ListStatus } from '@/components/list-status';
import { MonthPicker, thisMonth } from '@/components/month-picker';
import { RoleBar } from '@/components/role-bar';
import { Screen } from '@/components/screen';
import { useLoad } from '@/hooks/useLoad';
import { dayText } from '@/resident/pages/grievances/day-text';
import { GrievanceStatsCards } from './stats-cards';
import { MeetingForm } from './meeting-form';
import { MinutesView } from './minutes-view';
import './index.scss';

/** The supervisor's 诉求: how they fare by category and route, which departments answer late, and the 圆桌会议 with their minutes. */
export default function Meetings() {
  const [month, setMonth] = useState(thisMonth());
  const meetings = useLoad(() => listMeetings('supervisor'), 'meetings');
  const [open, setOpen] = useState<Meeting | null>(null);
  const [creating, setCreating] = useState(false);

  if (open) return <MinutesView meeting={open} onBack={() => setOpen(null)} />;
  return (
    <Screen>
      <RoleBar role="supervisor" />
      <View className="row-between meetings-top">
        <Text className="section-title">圆桌会议</Text>
        <Button type="primary" onClick={() => setCreating((v) => !v)}>
          {creating ? '收起' : '召集会议'}
        </Button>
      </View>
      {creating ? (
        <MeetingForm
          onCreated={() => {
            setCreating(false);
            void meetings.reload();
          }}
        />
      ) : null}
      {!meetings.data || meetings.data.items.length === 0 ? (
        <ListStatus
          loading={meetings.loading}
          error={meetings.error}
          empty={meetings.data?.items.length === 0}
          emptyText="还没有召集过圆桌会议"
          onRetry={() => void meetings.reload()}
        />
      ) : (
        meetings.data.items.map((m) => (
          <View key={m.id} className="card meeting-card" onClick={() => setOpen(m)}>
            <View className="row-between">
              <Text className="card-title">{m.title}</Text>
              <Text className="link">会议纪要 ›</Text>
            </View>
            <Text className="muted">
              {dayText(m.at)} · {m.place}
            </Text>
          </View>
        ))
      )}
      <Text className="section-title">诉求统计</Text>
      <MonthPicker value={month} onChange={setMonth} />
      <GrievanceStatsCards month={month} />
    </Screen>
  );
}
