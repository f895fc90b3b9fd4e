import { describe, expect, it } from 'vitest';
import { filterOptions, nextSort, orderNote, visibleRows, type Column } from '../../src/components/data-table/table-model';

/** The console's table: what it shows for a sort, a filter and search words (the component only draws this). */
interface Row {
  readonly id: string;
  readonly service: string;
  readonly kind: string;
  readonly due: number | null;
}
const ROWS: readonly Row[] = [
  { id: 'a', service: '送餐', kind: '送餐', due: 300 },
  { id: 'b', service: '水电急修', kind: '维修', due: 100 },
  { id: 'c', service: '门窗维修', kind: '维修', due: null },
  { id: 'd', service: '保洁', kind: '保洁', due: 200 },
];
const COLUMNS: Column<Row>[] = [
  { key: 'service', title: '服务', text: (r) => r.service, sortBy: (r) => r.service },
  { key: 'kind', title: '类别', text: (r) => r.kind, filterBy: true },
  { key: 'due', title: '时限', text: (r) => String(r.due ?? '—'), sortBy: (r) => r.due },
];
const ids = (rows: readonly Row[]) => rows.map((r) => r.id).join('');
const show = (opts: Partial<Parameters<typeof visibleRows<Row>>[2]>) => ids(visibleRows(ROWS, COLUMNS, { sort: null, filters: {}, query: '', ...opts }));

describe('the console table', () => {
  it('keeps the order the rows came in until a column is sorted', () => {
    expect(show({})).toBe('abcd');
  });

  it('sorts numbers as numbers both ways, rows without a value last either way', () => {
    expect(show({ sort: { key: 'due', direction: 'asc' } })).toBe('bdac');
    expect(show({ sort: { key: 'due', direction: 'desc' } })).toBe('adbc');
  });

  it('sorts Chinese words by pinyin', () => {
    // bǎo jié, mén chuāng, shuǐ diàn, sòng cān
    expect(show({ sort: { key: 'service', direction: 'asc' } })).toBe('dcba');
  });

  it('filters by a column value and offers each value once, in the order they appear', () => {
    expect(filterOptions(COLUMNS[1]!, ROWS)).toEqual(['送餐', '维修', '保洁']);
    expect(show({ filters: { kind: '维修' } })).toBe('bc');
    expect(show({ filters: { kind: '维修' }, sort: { key: 'due', direction: 'asc' } })).toBe('bc');
  });

  it('keeps rows holding every search word', () => {
    expect(show({ query: '维修' })).toBe('bc');
    expect(show({ query: '门窗 维修' })).toBe('c');
    expect(show({ query: '电梯' })).toBe('');
  });

  it('cycles a header: ascending, descending, then as delivered; another header starts ascending', () => {
    const first = nextSort(null, 'due');
    expect(first).toEqual({ key: 'due', direction: 'asc' });
    const second = nextSort(first, 'due');
    expect(second).toEqual({ key: 'due', direction: 'desc' });
    expect(nextSort(second, 'due')).toBeNull();
    expect(nextSort(second, 'service')).toEqual({ key: 'service', direction: 'asc' });
  });

  describe('the line above the rows says how many and in what order', () => {
    const note = (o: Partial<Parameters<typeof orderNote>[1]>) => orderNote(COLUMNS, { sort: null, delivered: '时限最近的在前', total: 4, shown: 4, ...o });

    it('names the delivered order while no column is sorted, and that every row is there', () => {
      expect(note({})).toBe('共 4 条，已全部载入 · 时限最近的在前');
    });

    it('names the sorted column and its direction', () => {
      expect(note({ sort: { key: 'due', direction: 'asc' } })).toBe('共 4 条，已全部载入 · 按时限升序');
      expect(note({ sort: { key: 'service', direction: 'desc' } })).toBe('共 4 条，已全部载入 · 按服务降序');
    });

    it('counts what a filter kept out of all, and says when the rows are not all there are', () => {
      expect(note({ shown: 2 })).toBe('筛出 2 / 4 条，已全部载入 · 时限最近的在前');
      expect(note({ partial: '只载入最近 50 条' })).toBe('共 4 条（只载入最近 50 条）· 时限最近的在前');
    });
  });
});
