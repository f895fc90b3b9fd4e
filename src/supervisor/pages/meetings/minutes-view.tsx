import { Text, View } from '@tarojs/components';
import type { Meeting } from '@core';
import { asApiError, saveFile } from '@/api';
import { exportMinutes, meetingMinutes } from '@/api/grievances';
import { Button } from '@/components/nut/button';
import { ListStatus } from '@/components/list-status';
import { Screen } from '@/components/screen';
import { showFailure } from '@/hooks/feedback';
import { useLoad } from '@/hooks/useLoad';
import { dayText } from '@/resident/pages/grievances/day-text';

/**
 * A meeting's minutes: the five parties' attendees, and each agenda item with its decision,
 * responsible party, deadline and progress. The export is an HTML document that prints to PDF.
 */
export function MinutesView({ meeting, onBack }: { readonly meeting: Meeting; readonly onBack: () => void }) {
  const minutes = useLoad(() => meetingMinutes('supervisor', meeting.id), meeting.id);
  const m = minutes.data;
  const download = async () => {
    try {
      await saveFile(await exportMinutes('supervisor', meeting.id));
    } catch (e) {
      showFailure(asApiError(e));
    }
  };
  return (
    <Screen
      footer={
        <View className="minutes-footer">
          <Button onClick={onBack}>返回</Button>
          <Button type="primary" onClick={() => void download()}>
            导出会议纪要（可打印为PDF）
          </Button>
        </View>
      }
    >
      <View className="card minutes-head">
        <Text className="card-title">{meeting.title}</Text>
        <Text className="muted">
          {dayText(meeting.at)} · {meeting.place}
        </Text>
        {m?.attendees.map((a) => (
          <View key={a.party} className="row-between stats-row">
            <Text>{a.label}</Text>
            <Text className="muted">{a.names}</Text>
          </View>
        ))}
      </View>
      {!m ? (
        <ListStatus loading={minutes.loading} error={minutes.error} empty={false} emptyText="" onRetry={() => void minutes.reload()} />
      ) : m.items.length === 0 ? (
        <ListStatus
          loading={false}
          error={null}
          empty
          emptyText="还没有诉求列入这次会议"
          emptyHint="在诉求的“转办”里选择提交圆桌会议"
          onRetry={() => void minutes.reload()}
        />
      ) : (
        m.items.map((it, i) => (
          <View key={it.orderId} className="card minutes-item">
            <View className="row-between">
              <Text className="card-title">
                {i + 1}. {it.title}
              </Text>
              <Text className={it.done ? 'done' : 'late'}>{it.stateLabel}</Text>
            </View>
            <Text className="grievance-desc">{it.description}</Text>
            <Text className="muted">
              {it.where} · {it.voices}位居民反映
            </Text>
            <Text className="minutes-decision">
              {it.decision ? `决定：${it.decision}（${it.responsible}负责，${it.dueAt ? dayText(it.dueAt) : ''}前）` : '待会议议定'}
            </Text>
            {it.outcome ? <Text className="muted minutes-line">结果：{it.outcome}</Text> : null}
            {it.rating ? <Text className="muted minutes-line">居民评价：{it.rating}星</Text> : null}
          </View>
        ))
      )}
    </Screen>
  );
}
