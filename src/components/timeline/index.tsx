import { Text, View } from '@tarojs/components';
import type { Audience, OrderEvent } from '@core';
import { Button } from '@/components/nut/button';
import { dateTime } from '@/components/format';
import { actorText, eventTitle, moveText, payloadLines, type Names } from './event-text';
import './index.scss';

const NO_NAMES: Names = new Map();

/** Where the record has more before what is shown: the button that loads it. */
export interface OlderEvents {
  readonly loading: boolean;
  readonly load: () => void;
}

/**
 * The order's record, oldest first: who did what, when, and why. The server sends the newest events;
 * `older`, when there are events before them, shows a "更早的记录" button above.
 */
export function Timeline({
  events,
  names = NO_NAMES,
  older,
  audience = 'staff',
}: {
  readonly events: readonly OrderEvent[];
  readonly names?: Names;
  readonly older?: OlderEvents;
  /** Residents read plain words, no internal steps (core/event-texts.ts). */
  readonly audience?: Audience;
}) {
  const sorted = [...events].filter((e) => eventTitle(e, audience) !== null).sort((a, b) => a.seq - b.seq);
  return (
    <View className="timeline">
      {older ? (
        <View className="timeline-older">
          <Button size="small" loading={older.loading} disabled={older.loading} onClick={older.load}>
            更早的记录
          </Button>
        </View>
      ) : null}
      {sorted.map((e, i) => {
        const move = audience === 'staff' ? moveText(e) : null;
        return (
          <View key={e.seq} className={`timeline-item${i === sorted.length - 1 ? ' last' : ''}`}>
            <View className="timeline-dot" />
            <View className="timeline-body">
              <View className="row-between">
                <Text className="timeline-title">{eventTitle(e, audience)}</Text>
                <Text className="muted">{dateTime(e.at)}</Text>
              </View>
              {audience === 'staff' ? (
                <Text className="muted">
                  {actorText(e)}
                  {move ? ` · ${move}` : ''}
                </Text>
              ) : null}
              {payloadLines(e, names, audience).map((line, j) => (
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
