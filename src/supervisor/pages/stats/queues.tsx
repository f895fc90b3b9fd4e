import { Text, View } from '@tarojs/components';
import type { OrderView, SupervisorBoard } from '@core';
import { clockText, overdueStagesText } from '@/components/deadline/deadline-text';
import { OrderCard } from '@/components/order-card';
import './queues.scss';

export type QueueKey = 'overdue' | 'escalated' | 'complaints' | 'instructions';

const QUEUES: readonly { key: QueueKey; title: string; empty: string }[] = [
  { key: 'escalated', title: '已升级到社区的工单', empty: '没有升级到社区的工单' },
  { key: 'overdue', title: '其他超时工单', empty: '没有其他超时的工单' },
  { key: 'complaints', title: '待答复的投诉', empty: '没有待答复的投诉' },
  { key: 'instructions', title: '待回复的督办', empty: '督办都已回复' },
];

/** The server sends at most this many of each queue, the longest-waiting first. */
const QUEUE_SIZE = 10;

/** Why the order is in this queue, in one or two lines. */
export function reasons(key: QueueKey, o: OrderView, now: number): { text: string; late: boolean }[] {
  if (key === 'complaints') return o.complaints.filter((c) => !c.answer).map((c) => ({ text: `投诉：${c.text}`, late: false }));
  if (key === 'instructions') {
    return o.instructions
      .filter((i) => !i.answer)
      .map((i) => ({ text: `督办${i.to === 'worker' ? '服务队员' : '物业调度'}：${i.text}${i.overdue ? '（已超时未回复）' : ''}`, late: i.overdue }));
  }
  if (o.clock && o.clock.level > 0) return [clockText(o.clock, now)];
  return o.overdueStages.length > 0 ? [{ text: `超时环节：${overdueStagesText(o)}`, late: true }] : [];
}

/** What needs the community's attention: escalated and overdue orders, open complaints, unanswered 督办. */
export function Queues({ queues, now, onOpen }: { readonly queues: SupervisorBoard['queues']; readonly now: number; readonly onOpen: (o: OrderView) => void }) {
  return (
    <View>
      {QUEUES.map((q) => {
        const sent = queues[q.key];
        // Escalated orders are overdue too: listed once, under the escalated ones.
        const shown = q.key === 'overdue' ? sent.filter((o) => !queues.escalated.some((e) => e.id === o.id)) : sent;
        const full = sent.length >= QUEUE_SIZE;
        return (
          <View key={q.key}>
            <Text className="section-title">
              {q.title}（{full ? `最久的${shown.length}单` : shown.length}）
            </Text>
            {shown.length === 0 ? <Text className="muted stats-empty">{full ? '更多工单请在督单首页按状态查看' : q.empty}</Text> : null}
            {shown.map((o) => (
              <OrderCard key={o.id} order={o} onOpen={onOpen} forStaff now={now}>
                <View className="queue-reasons" onClick={() => onOpen(o)}>
                  {reasons(q.key, o, now).map((r) => (
                    <Text key={r.text} className={r.late ? 'queue-reason late' : 'queue-reason'}>
                      {r.text}
                    </Text>
                  ))}
                </View>
              </OrderCard>
            ))}
          </View>
        );
      })}
    </View>
  );
}
