import { Text, View } from '@tarojs/components';
import type { AssessmentRow, PublicRow } from '@core';
import { percent } from '@/components/rates/format';
import './index.scss';

/** What a ranking row needs: a name, its rates, score and rank (null: too few orders to rank). */
export type RankRow = Pick<PublicRow, 'name' | 'orders' | 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'score' | 'rank'> & {
  /** One more line of figures, e.g. handling time and overdue orders in the 考核. */
  readonly detail?: string;
};

/** A board's or report's row as a ranking line. */
export const rankRow = (r: AssessmentRow): RankRow => ({ name: r.name, score: r.score, rank: r.rank, ...r.rates });

/** A ranking as cards: rank, name, score, then the three rates. Units with too few orders say so. */
export function Ranking({ rows, empty }: { readonly rows: readonly RankRow[]; readonly empty: string }) {
  if (rows.length === 0) return <Text className="muted ranking-empty">{empty}</Text>;
  return (
    <View className="ranking">
      {rows.map((r) => (
        <View key={r.name} className="ranking-row">
          <View className="row-between">
            <Text className={`ranking-rank${r.rank !== null && r.rank <= 3 ? ' top' : ''}`}>{r.rank === null ? '—' : `第${r.rank}名`}</Text>
            <Text className="ranking-name">{r.name}</Text>
            <Text className="ranking-score">{r.score}分</Text>
          </View>
          <Text className="ranking-rates">
            工单{r.orders} · 响应{percent(r.responseRate)} · 解决{percent(r.resolutionRate)} · 满意{percent(r.satisfactionRate)}
          </Text>
          {r.detail ? <Text className="ranking-rates">{r.detail}</Text> : null}
          {r.rank === null ? <Text className="muted">工单少于5单，暂不排名（样本不足）</Text> : null}
        </View>
      ))}
    </View>
  );
}
