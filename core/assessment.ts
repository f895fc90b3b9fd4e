import { chinaParts } from './china-time';
import type { Millis } from './community';
import { monthOf, shiftMonth } from './metric-groups';
import { MIN_ORDERS_TO_RANK, scoreOf, type Rates, type ScoreWeights } from './metrics';
import type { StatsCut } from './stats-cut';

/** One assessed unit: a service team, a property company, a worker, or (on the boards) a compound. */
export interface AssessmentRow {
  readonly kind: 'team' | 'company' | 'worker' | 'compound';
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
  /** Cut to a compound or building (never published; absent for the whole community). */
  readonly cut?: StatsCut;
}

/** Scores and ranks units of one kind: by score, then by more orders; units under the minimum are listed unranked. */
export function rankRows(kind: AssessmentRow['kind'], units: readonly { id: string; name: string; rates: Rates }[], weights: ScoreWeights): AssessmentRow[] {
  const scored = units.map((u) => ({ ...u, kind, score: scoreOf(u.rates, weights) }));
  const ranked = scored.filter((u) => u.rates.orders >= MIN_ORDERS_TO_RANK).sort((a, b) => b.score - a.score || b.rates.orders - a.rates.orders);
  const unranked = scored.filter((u) => u.rates.orders < MIN_ORDERS_TO_RANK).sort((a, b) => b.rates.orders - a.rates.orders);
  return [...ranked.map((u, i) => ({ ...u, rank: i + 1 })), ...unranked.map((u) => ({ ...u, rank: null }))];
}

/** The kinds a month's 考核 assesses, in the order its report lists them; compounds appear on the boards only. */
export const ASSESSED_KINDS = ['team', 'company', 'worker'] as const;

const KIND_LABELS: Readonly<Record<AssessmentRow['kind'], string>> = { team: '服务队', company: '物业公司', compound: '小区', worker: '服务队员' };

/** How a report column shows its figures; each export decides what that means in its own format. */
export type ReportFormat = 'text' | 'integer' | 'percent' | 'decimal';

/** A report cell: a figure as measured (rates as fractions), or a text saying why there is none. */
export type ReportCell = string | number;

export interface ReportColumn {
  readonly header: string;
  readonly format: ReportFormat;
}

/** One sheet of the report: one assessed kind, its rows in rank order. */
export interface ReportSheet {
  readonly name: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly ReportCell[])[];
}

const NO_FIGURE = '—';
const orNone = (x: number | null): ReportCell => x ?? NO_FIGURE;

/** The report's columns beside what each one reads from a row: the one place both exports take them from. */
const COLUMNS: readonly (ReportColumn & { readonly cell: (r: AssessmentRow) => ReportCell })[] = [
  { header: '名称', format: 'text', cell: (r) => r.name },
  { header: '工单数', format: 'integer', cell: (r) => r.rates.orders },
  { header: '响应率', format: 'percent', cell: (r) => orNone(r.rates.responseRate) },
  { header: '解决率', format: 'percent', cell: (r) => orNone(r.rates.resolutionRate) },
  { header: '满意率', format: 'percent', cell: (r) => orNone(r.rates.satisfactionRate) },
  { header: '平均办理时长(小时)', format: 'decimal', cell: (r) => orNone(r.rates.avgHandlingHours) },
  { header: '超时工单', format: 'integer', cell: (r) => r.rates.overdue },
  { header: '综合得分', format: 'decimal', cell: (r) => r.score },
  { header: '排名', format: 'integer', cell: (r) => r.rank ?? '样本不足' },
];

/** The report as one sheet per assessed kind (服务队, 物业公司, 服务队员), figures unrounded: what the XLSX export writes. */
export function assessmentSheets(a: Assessment): ReportSheet[] {
  const columns = COLUMNS.map(({ header, format }) => ({ header, format }));
  return ASSESSED_KINDS.map((kind) => ({
    name: KIND_LABELS[kind],
    columns,
    rows: a.rows.filter((r) => r.kind === kind).map((r) => COLUMNS.map((c) => c.cell(r))),
  }));
}

/** A figure as plain text shows it: rates as percentages, hours rounded to a tenth. */
function asText(cell: ReportCell, format: ReportFormat): ReportCell {
  if (typeof cell === 'string') return cell;
  if (format === 'percent') return `${(cell * 100).toFixed(1)}%`;
  return format === 'decimal' ? Number(cell.toFixed(1)) : cell;
}

/** The report as one table with Chinese headers, the kind in its first column: what the CSV export writes. */
export function assessmentTable(a: Assessment): { headers: string[]; rows: ReportCell[][] } {
  const headers = ['类型', ...COLUMNS.map((c) => c.header)];
  const rows = ASSESSED_KINDS.flatMap((kind) =>
    a.rows.filter((r) => r.kind === kind).map((r) => [KIND_LABELS[kind], ...COLUMNS.map((c) => asText(c.cell(r), c.format))]),
  );
  return { headers, rows };
}

/**
 * Days at the start of a month during which 考核 opens on the month just ended: a month's report is
 * published once the month is over, and a supervisor opening the page then wants that one, not the
 * few hours of the new month.
 */
export const PUBLISHING_DAYS = 7;

/** The month ("2026-11") the 考核 page opens on at `now`, by the China calendar. */
export function assessmentMonthAt(now: Millis): string {
  return chinaParts(now).day <= PUBLISHING_DAYS ? shiftMonth(monthOf(now), -1) : monthOf(now);
}
