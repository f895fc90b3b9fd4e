import { Text, View } from '@tarojs/components';
import type { PublicBoard } from '@core';
import { durationText } from '@/components/format';

/** "11月29日" from "2026-11-29". */
const dayText = (key: string) => `${Number(key.slice(5, 7))}月${Number(key.slice(8, 10))}日`;
/** "★★★★☆ 4.3": whole stars drawn, the exact average beside them. */
const starsText = (stars: number) => `${'★'.repeat(Math.round(stars))}${'☆'.repeat(5 - Math.round(stars))} ${stars}`;

/** 最近办结: the month's latest finished and rated cases — what, where, how fast, how rated; never who. */
export function RecentCases({ cases }: { readonly cases: PublicBoard['recentCases'] }) {
  return (
    <View className="card board-cases">
      <Text className="card-title">最近办结</Text>
      {cases.length === 0 ? <Text className="muted">这个月还没有办结并评价的工单</Text> : null}
      {cases.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: cases carry no id (the public never sees one) and hold no state; the list is replaced whole
        <View key={`${c.day}-${i}`} className="board-case">
          <View className="row-between">
            <Text className="board-case-service">{c.service}</Text>
            <Text className="board-case-stars">{starsText(c.stars)}</Text>
          </View>
          <Text className="muted">
            {c.compound} · {dayText(c.day)}办结 · 用时{durationText(c.tookMinutes * 60_000)}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** 居民点赞: teams residents were satisfied with this month, most praised first. */
export function PraisedTeams({ teams }: { readonly teams: PublicBoard['praisedTeams'] }) {
  return (
    <View className="card board-praised">
      <Text className="card-title">居民点赞的服务队</Text>
      {teams.length === 0 ? <Text className="muted">这个月还没有居民点赞</Text> : null}
      {teams.map((t) => (
        <View key={t.name} className="row-between board-praised-row">
          <Text className="board-praised-name">{t.name}</Text>
          <Text className="board-praised-count">
            获赞{t.praised}次（共{t.rated}次评价）
          </Text>
        </View>
      ))}
    </View>
  );
}
