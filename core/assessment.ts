import type { Millis } from './community';
import { MIN_ORDERS_TO_RANK, scoreOf, type Rates, type ScoreWeights } from './metrics';

/** One assessed unit: a service team, a property company, or (on the boards) a compound. */
export interface AssessmentRow {
  readonly kind: 'team' | 'company' | 'compound';
  readonly id: string;
  readonly name: string;
  readonly rates: Rates;
  readonly score: number;
  /** Null when the unit had too few orders to be ranked fairly. */
  readonly rank: number | null;
}

/** 考核: a month's report, frozen when published. */
export interface Assessment {
  /** `${communityId}:${month}` — one report per community and month. */
  readonly id: string;
  readonly communityId: string;
  readonly month: string;
  readonly weights: ScoreWeights;
  readonly rows: readonly AssessmentRow[];
  /** Statistics as of this moment; later changes to orders do not alter a published report. */
  readonly asOf: Millis;
  readonly publishedAt: Millis | null;
  readonly publishedBy: string | null;
}

/** Scores and ranks units of one kind: by score, then by more orders; units under the minimum are listed unranked. */
export function rankRows(kind: AssessmentRow['kind'], units: readonly { id: string; name: string; rates: Rates }[], weights: ScoreWeights): AssessmentRow[] {
  const scored = units.map((u) => ({ ...u, kind, score: scoreOf(u.rates, weights) }));
  const ranked = scored.filter((u) => u.rates.orders >= MIN_ORDERS_TO_RANK).sort((a, b) => b.score - a.score || b.rates.orders - a.rates.orders);
  const unranked = scored.filter((u) => u.rates.orders < MIN_ORDERS_TO_RANK).sort((a, b) => b.rates.orders - a.rates.orders);
  return [...ranked.map((u, i) => ({ ...u, rank: i + 1 })), ...unranked.map((u) => ({ ...u, rank: null }))];
}

const KIND_LABELS: Readonly<Record<AssessmentRow['kind'], string>> = { team: '服务队', company: '物业公司', compound: '小区' };

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** The report as a table with Chinese headers: what CSV and XLSX exports write. */
export function assessmentTable(a: Assessment): { headers: string[]; rows: (string | number)[][] } {
  const headers = ['类型', '名称', '工单数', '响应率', '解决率', '满意率', '平均办理时长(小时)', '超时工单', '综合得分', '排名'];
  const rows = a.rows.map((r) => [
    KIND_LABELS[r.kind],
    r.name,
    r.rates.orders,
    pct(r.rates.responseRate),
    pct(r.rates.resolutionRate),
    pct(r.rates.satisfactionRate),
    r.rates.avgHandlingHours === null ? '—' : Number(r.rates.avgHandlingHours.toFixed(1)),
    r.rates.overdue,
    r.score,
    r.rank ?? '样本不足',
  ]);
  return { headers, rows };
}
