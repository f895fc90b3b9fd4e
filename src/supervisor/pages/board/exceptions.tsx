import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { OrderView, SupervisorBoard } from '@core';
import { ListStatus } from '@/components/list-status';
import { OrderCard } from '@/components/order-card';
import { reasons, type QueueKey } from '../stats/queues';

/** The exceptions, most serious first; overdue counts those not yet escalated, so no order is counted twice. */
const TILES: readonly { key: QueueKey; label: string; empty: string }[] = [
  { key: 'escalated', label: '已升级', empty: '没有升级到社区的工单' },
  { key: 'overdue', label: '超时', empty: '没有其他超时的工单' },
  { key: 'complaints', label: '投诉待答', empty: '没有待答复的投诉' },
  { key: 'instructions', label: '督办待回', empty: '督办都已回复' },
];

const LATENESS: readonly QueueKey[] = ['escalated', 'overdue'];

interface Props {
  readonly board: SupervisorBoard | null;
  readonly loading: boolean;
  readonly error: Parameters<typeof ListStatus>[0]['error'];
  readonly onRetry: () => void;
  readonly onOpen: (o: OrderView) => void;
}

/** 需要处理: how many orders each exception holds, and the longest-waiting orders of the one picked. */
export function Exceptions({ board, loading, error, onRetry, onOpen }: Props) {
  const [picked, setPicked] = useState<QueueKey | null>(null);
  if (!board) return <ListStatus loading={loading} error={error} empty={false} emptyText="" onRetry={onRetry} />;
  const c = board.exceptionCounts;
  const count: Record<QueueKey, number> = { ...c, overdue: Math.max(0, c.overdue - c.escalated) };
  const shownOf = (key: QueueKey) =>
    key === 'overdue' ? board.queues.overdue.filter((o) => !board.queues.escalated.some((e) => e.id === o.id)) : board.queues[key];
  // Until one is tapped, the most serious exception that has orders is open.
  const key = picked ?? TILES.find((t) => count[t.key] > 0)?.key ?? 'escalated';
  const tile = TILES.find((t) => t.key === key)!;
  const shown = shownOf(key);
  const now = Date.now();
  return (
    <View className="exceptions">
      <Text className="section-title">需要处理</Text>
      <View className="board-counts exception-counts">
        {TILES.map((t) => (
          <View key={t.key} className={`board-count${t.key === key ? ' active' : ''}${count[t.key] > 0 ? ' alert' : ''}`} onClick={() => setPicked(t.key)}>
            <Text className="board-count-num">{count[t.key]}</Text>
            <Text className="board-count-label">{t.label}</Text>
          </View>
        ))}
      </View>
      {shown.length === 0 ? <Text className="muted exception-empty">{tile.empty}</Text> : null}
      {shown.map((o) => (
        <OrderCard key={o.id} order={o} onOpen={onOpen} forStaff now={now}>
          {/* Lateness is on the card already; a complaint or 督办 is quoted, so it can be answered. */}
          {LATENESS.includes(key) ? null : (
            <View className="queue-reasons" onClick={() => onOpen(o)}>
              {reasons(key, o, now).map((r) => (
                <Text key={r.text} className={r.late ? 'queue-reason late' : 'queue-reason'}>
                  {r.text}
                </Text>
              ))}
            </View>
          )}
        </OrderCard>
      ))}
      {count[key] > shown.length && shown.length > 0 ? (
        <Text className="muted exception-empty">
          共{count[key]}单，这里是等待最久的{shown.length}单
        </Text>
      ) : null}
    </View>
  );
}
