import { Text, View } from '@tarojs/components';
import type { OrderEvent } from '@core';
import { dateTime } from '@/components/format';
import { actorText, eventTitle, moveText, payloadLines, type Names } from './event-text';
import './index.scss';

const NO_NAMES: Names = new Map();

/** The order's whole record, oldest first: who did what, when, and why. */
export function Timeline({ events, names = NO_NAMES }: { readonly events: readonly OrderEvent[]; readonly names?: Names }) {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <View className="timeline">
      {sorted.map((e, i) => {
        const move = moveText(e);
        return (
          <View key={e.seq} className={`timeline-item${i === sorted.length - 1 ? ' last' : ''}`}>
            <View className="timeline-dot" />
            <View className="timeline-body">
              <View className="row-between">
                <Text className="timeline-title">{eventTitle(e)}</Text>
                <Text className="muted">{dateTime(e.at)}</Text>
              </View>
              <Text className="muted">
                {actorText(e)}
                {move ? ` · ${move}` : ''}
              </Text>
              {payloadLines(e, names).map((line, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an event's lines are fixed once written and never reorder
                <Text key={j} className="timeline-line">
                  {line}
                </Text>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
