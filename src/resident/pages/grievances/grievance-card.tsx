import { Text, View } from '@tarojs/components';
import { TERMINAL_STATES, type BoardItem } from '@core';
import { Button } from '@/components/nut/button';
import { dayText } from './day-text';

interface Props {
  readonly item: BoardItem;
  readonly busy: boolean;
  /** The resident's own 诉求 opens as their order; others' do not open. */
  readonly onOpen?: () => void;
  readonly onMeToo: () => void;
  readonly onFollow: () => void;
}

/** One 诉求 on the board: what and where, who handles it, what came of it, and how many share it. */
export function GrievanceCard({ item, busy, onOpen, onMeToo, onFollow }: Props) {
  const open = !TERMINAL_STATES.includes(item.state);
  return (
    <View className="card grievance-card" onClick={onOpen}>
      <View className="row-between">
        <Text className="card-title">{item.title}</Text>
        <Text className={`grievance-state${open ? '' : ' done'}`}>{item.stateLabel}</Text>
      </View>
      <Text className="grievance-desc">{item.description}</Text>
      <Text className="muted">
        {item.where} · {dayText(item.createdAt)}
        {item.level ? ` · ${item.level}` : ''}
        {item.handledBy ? ` · ${item.handledBy}办理` : ''}
      </Text>
      {item.agenda ? (
        <Text className="grievance-outcome">
          圆桌会议议定：{item.agenda.decision}（{item.agenda.responsible}负责，{dayText(item.agenda.dueAt)}前）
        </Text>
      ) : null}
      {item.outcome ? <Text className="grievance-outcome">办理结果：{item.outcome}</Text> : null}
      <View className="row-between grievance-actions">
        <Text className="grievance-voices">{item.voices}位居民反映</Text>
        {item.mine ? (
          <Text className="muted">我提的</Text>
        ) : open ? (
          <View className="grievance-buttons">
            {item.following ? null : (
              <Button
                size="small"
                disabled={busy}
                onClick={(e) => {
                  e.stopPropagation();
                  onFollow();
                }}
              >
                关注
              </Button>
            )}
            <Button
              size="small"
              type="primary"
              disabled={busy || item.joined}
              onClick={(e) => {
                e.stopPropagation();
                onMeToo();
              }}
            >
              {item.joined ? '已表示也遇到' : '我也遇到'}
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  );
}
