import { DataTable, type Column } from '@/components/data-table';
import { hours, percent } from '@/components/rates/format';
import type { RankRow } from './index';

/** One unit's figures as the console's tables show them (a team, company, compound, worker or category). */
export type RatesRow = RankRow & {
  readonly key: string;
  readonly avgHandlingHours?: number | null;
  readonly overdue?: number;
};

const rate = (key: 'responseRate' | 'resolutionRate' | 'satisfactionRate', title: string): Column<RatesRow> => ({
  key,
  title,
  text: (r) => percent(r[key]),
  sortBy: (r) => r[key],
});

/** Which columns a table carries: rankings have 名次 and 得分; workers and categories only the rates. */
function columns(ranked: boolean, handling: boolean): Column<RatesRow>[] {
  return [
    ...(ranked
      ? [{ key: 'rank', title: '名次', text: (r: RatesRow) => (r.rank === null ? '不排名' : `第${r.rank}名`), sortBy: (r: RatesRow) => r.rank, grow: 0.7 }]
      : []),
    { key: 'name', title: '名称', text: (r) => r.name, sortBy: (r) => r.name, grow: 1.6 },
    ...(ranked ? [{ key: 'score', title: '得分', text: (r: RatesRow) => `${r.score}`, sortBy: (r: RatesRow) => r.score, grow: 0.7 }] : []),
    { key: 'orders', title: '工单', text: (r) => `${r.orders}`, sortBy: (r) => r.orders, grow: 0.6 },
    rate('responseRate', '响应率'),
    rate('resolutionRate', '解决率'),
    rate('satisfactionRate', '满意率'),
    ...(handling
      ? [
          { key: 'handling', title: '平均办理', text: (r: RatesRow) => hours(r.avgHandlingHours ?? null), sortBy: (r: RatesRow) => r.avgHandlingHours ?? null },
          { key: 'overdue', title: '超时', text: (r: RatesRow) => `${r.overdue ?? 0}单`, sortBy: (r: RatesRow) => r.overdue ?? 0, grow: 0.6 },
        ]
      : []),
  ];
}

interface Props {
  readonly caption: string;
  readonly rows: readonly RatesRow[];
  readonly empty: string;
  /** Rankings (名次, 得分) or plain figures. */
  readonly ranked?: boolean;
  /** Adds 平均办理 and 超时 (the 考核's extra figures). */
  readonly handling?: boolean;
  /** The order the rows come in, said while no column is sorted. */
  readonly delivered?: string;
}

/** Rankings and per-unit figures at a desk: every figure a sortable column (ranked units first by 名次). */
export function RatesTable({ caption, rows, empty, ranked = false, handling = false, delivered = '按统计顺序' }: Props) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      columns={columns(ranked, handling)}
      rowKey={(r) => r.key}
      empty={empty}
      initialSort={ranked ? { key: 'rank', direction: 'asc' } : { key: 'orders', direction: 'desc' }}
      delivered={delivered}
    />
  );
}
