/** What a table column shows and how it sorts and filters; pure, so it can be tested without a page. */
export interface Column<T> {
  readonly key: string;
  readonly title: string;
  /** The cell's text; `DataTable` may draw it richer with `cell`. */
  readonly text: (row: T) => string;
  /** The value the column sorts by (numbers compare as numbers, text by pinyin order); no sorting without it. */
  readonly sortBy?: (row: T) => number | string | null;
  /** Offers a filter over the column's distinct values (e.g. 服务类别); the value is what `text` says unless given. */
  readonly filterBy?: true | ((row: T) => string);
  /** Relative width (flex grow); 1 unless told. */
  readonly grow?: number;
}

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  readonly key: string;
  readonly direction: SortDirection;
}

/** Chosen value per filtered column (absent: all). */
export type FilterState = Readonly<Record<string, string>>;

export const filterValueOf = <T>(column: Column<T>, row: T): string => (typeof column.filterBy === 'function' ? column.filterBy(row) : column.text(row));

/** The distinct values a filter offers, in the order they first appear. */
export function filterOptions<T>(column: Column<T>, rows: readonly T[]): string[] {
  return [...new Set(rows.map((r) => filterValueOf(column, r)))].filter((v) => v !== '');
}

const collator = typeof Intl !== 'undefined' ? new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true }) : null;

function compare(a: number | string | null, b: number | string | null): number {
  // Rows without a value (no deadline, no rating) go last whichever way the column is sorted.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator ? collator.compare(String(a), String(b)) : String(a).localeCompare(String(b));
}

/** Header click: first ascending, then descending, then back to the order the rows came in. */
export function nextSort(current: SortState | null, key: string): SortState | null {
  if (current?.key !== key) return { key, direction: 'asc' };
  return current.direction === 'asc' ? { key, direction: 'desc' } : null;
}

/**
 * The rows a table shows: those matching every chosen filter and the search words, sorted by the
 * chosen column (stable: equal rows keep the order they came in, e.g. the server's urgency order).
 */
export function visibleRows<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  opts: { readonly sort: SortState | null; readonly filters: FilterState; readonly query: string; readonly searchText?: (row: T) => string },
): T[] {
  const words = opts.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const chosen = columns.filter((c) => c.filterBy && opts.filters[c.key] !== undefined);
  const kept = rows.filter((row) => {
    if (!chosen.every((c) => filterValueOf(c, row) === opts.filters[c.key])) return false;
    if (words.length === 0) return true;
    const text = (opts.searchText ? opts.searchText(row) : columns.map((c) => c.text(row)).join(' ')).toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const column = opts.sort ? columns.find((c) => c.key === opts.sort?.key && c.sortBy) : undefined;
  if (!column?.sortBy || !opts.sort) return kept;
  const by = column.sortBy;
  const sign = opts.sort.direction === 'asc' ? 1 : -1;
  return kept
    .map((row, i) => ({ row, i, v: by(row) }))
    .sort((x, y) => {
      const nulls = x.v === null || y.v === null;
      const c = nulls ? compare(x.v, y.v) : sign * compare(x.v, y.v);
      return c !== 0 ? c : x.i - y.i;
    })
    .map((x) => x.row);
}

/**
 * The line above a table saying how many rows there are and in what order they stand, so a sorted
 * column is never mistaken for the whole picture: `delivered` names the order the rows came in
 * (e.g. 时限最近的在前), `partial` says when the rows are not all there are.
 */
export function orderNote<T>(
  columns: readonly Column<T>[],
  opts: { readonly sort: SortState | null; readonly delivered: string; readonly total: number; readonly shown: number; readonly partial?: string | null },
): string {
  const column = opts.sort ? columns.find((c) => c.key === opts.sort?.key) : undefined;
  const order = column && opts.sort ? `按${column.title}${opts.sort.direction === 'asc' ? '升序' : '降序'}` : opts.delivered;
  const count = opts.shown === opts.total ? `共 ${opts.total} 条` : `筛出 ${opts.shown} / ${opts.total} 条`;
  return opts.partial ? `${count}（${opts.partial}）· ${order}` : `${count}，已全部载入 · ${order}`;
}
