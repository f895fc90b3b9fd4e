import { useId, useMemo, useState, type ReactNode } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { useKeyboardPress } from './keyboard';
import { filterOptions, nextSort, orderNote, visibleRows, type Column, type FilterState, type SortState } from './table-model';
import './index.scss';

export type { Column } from './table-model';

interface Props<T> {
  /** The table's name, read out by screen readers and shown above the filters. */
  readonly caption: string;
  readonly rows: readonly T[];
  readonly columns: readonly Column<T>[];
  readonly rowKey: (row: T) => string;
  /** A richer cell than the column's text (tags, badges, buttons). */
  readonly cell?: (column: Column<T>, row: T) => ReactNode;
  /** Row click: e.g. open the order beside the table. */
  readonly onOpen?: (row: T) => void;
  readonly selectedKey?: string | null;
  /** Offers a search box over this text of each row (every column's text when omitted and `searchable`). */
  readonly searchText?: (row: T) => string;
  readonly searchable?: boolean;
  readonly empty: string;
  /** Under the rows: 加载更多, a total. */
  readonly footer?: ReactNode;
  readonly initialSort?: SortState | null;
  /** The order the rows come in, in words (时限最近的在前, 按响应率排名): said above the table while no column is sorted. */
  readonly delivered: string;
  /** Set while the rows are not all there are (a paged list still loading or capped): said above the table. */
  readonly partial?: string | null;
}

/**
 * A table with sortable columns (click a header: ascending, descending, as delivered), a filter per
 * column that declares `filterBy`, and an optional search box. It sorts and filters the rows it was
 * given, so callers give it every row (a paged list loads them all, see useOrderList's `all`) or say
 * in `partial` that these are not all; the line above the rows says how many and in what order.
 */
export function DataTable<T>({
  caption,
  rows,
  columns,
  rowKey,
  cell,
  onOpen,
  selectedKey,
  searchText,
  searchable,
  empty,
  footer,
  initialSort = null,
  delivered,
  partial = null,
}: Props<T>) {
  const [sort, setSort] = useState<SortState | null>(initialSort);
  const [filters, setFilters] = useState<FilterState>({});
  const [query, setQuery] = useState('');
  const shown = useMemo(() => visibleRows(rows, columns, { sort, filters, query, searchText }), [rows, columns, sort, filters, query, searchText]);
  // A filter with one value to choose from filters nothing: it shows once the rows differ (or while chosen).
  const filtered = columns.filter((c) => c.filterBy && (filters[c.key] !== undefined || filterOptions(c, rows).length > 1));
  const choose = (key: string, value: string | null) =>
    setFilters((old) => {
      const next = { ...old };
      if (value === null) delete next[key];
      else next[key] = value;
      return next;
    });
  const style = (c: Column<T>) => ({ flexGrow: c.grow ?? 1, flexBasis: 0 });
  // React's ids (":r1:") are not valid in a selector's shorthand; getElementById takes any.
  const id = `data-table${useId()}`;
  useKeyboardPress(id);

  return (
    <View className="data-table" id={id}>
      {filtered.length > 0 || searchable || searchText ? (
        <View className="data-table-tools">
          {searchable || searchText ? (
            <Input className="data-table-search" value={query} placeholder="搜索" aria-label={`在${caption}中搜索`} onInput={(e) => setQuery(e.detail.value)} />
          ) : null}
          {filtered.map((c) => (
            <View key={c.key} className="data-table-filter" role="group" aria-label={`按${c.title}筛选`}>
              <Text className="data-table-filter-label">{c.title}</Text>
              {[null, ...filterOptions(c, rows)].map((v) => {
                const on = (filters[c.key] ?? null) === v;
                return (
                  <View key={v ?? ''} className={`data-table-chip${on ? ' active' : ''}`} role="button" aria-pressed={on} onClick={() => choose(c.key, v)}>
                    <Text>{v ?? '全部'}</Text>
                  </View>
                );
              })}
            </View>
          ))}
        </View>
      ) : null}
      {rows.length > 0 ? (
        <Text className="muted data-table-note" aria-live="polite">
          {orderNote(columns, { sort, delivered, total: rows.length, shown: shown.length, partial })}
        </Text>
      ) : null}
      <View className="data-table-grid" role="table" aria-label={caption}>
        <View className="data-table-row data-table-head" role="row">
          {columns.map((c) => {
            const dir = sort?.key === c.key ? sort.direction : null;
            return (
              <View
                key={c.key}
                className={`data-table-th${c.sortBy ? ' sortable' : ''}`}
                style={style(c)}
                role="columnheader"
                aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                onClick={c.sortBy ? () => setSort((s) => nextSort(s, c.key)) : undefined}
              >
                <Text>{c.title}</Text>
                {c.sortBy ? <Text className="data-table-arrow">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</Text> : null}
              </View>
            );
          })}
        </View>
        {shown.map((row) => {
          const key = rowKey(row);
          return (
            <View
              key={key}
              className={`data-table-row${onOpen ? ' openable' : ''}${key === selectedKey ? ' selected' : ''}`}
              role="row"
              aria-selected={onOpen ? key === selectedKey : undefined}
              onClick={onOpen ? () => onOpen(row) : undefined}
            >
              {columns.map((c) => (
                <View key={c.key} className="data-table-td" style={style(c)} role="cell">
                  {cell ? cell(c, row) : <Text>{c.text(row)}</Text>}
                </View>
              ))}
            </View>
          );
        })}
      </View>
      {shown.length === 0 && (empty || rows.length > 0) ? (
        <Text className="muted data-table-empty">{rows.length === 0 ? empty : '没有符合筛选的记录'}</Text>
      ) : null}
      {footer}
    </View>
  );
}
