import { describe, expect, it } from 'vitest';
import { toCsv } from '@backend/export/csv-export';

/** The CSV of one text column under a header, without its BOM, split back into lines. */
const csvOf = (...cells: (string | number)[]) =>
  toCsv({ headers: ['名称'], rows: cells.map((c) => [c]) })
    .toString('utf8')
    .replace(/^\uFEFF/, '');

describe('the CSV export', () => {
  it.each([
    ['=', '=HYPERLINK("http://x","点我")', `"'=HYPERLINK(""http://x"",""点我"")"`],
    ['+', '+1+1', "'+1+1"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(1,2)', `"'@SUM(1,2)"`],
    ['a tab', '\t=1+1', "'\t=1+1"],
    ['a carriage return', '\r=1+1', `"'\r=1+1"`],
  ])('defuses a text starting with %s, which a spreadsheet would run as a formula', (_, text, written) => {
    expect(csvOf(text)).toBe(`名称\r\n${written}\r\n`);
  });

  it('leaves ordinary text and numbers, negative ones included, as they are', () => {
    expect(csvOf('综合维修服务队', 'A=B', ' =1', -3, 0.5)).toBe('名称\r\n综合维修服务队\r\nA=B\r\n =1\r\n-3\r\n0.5\r\n');
  });

  it('quotes a cell holding a comma, a quote or a line break', () => {
    expect(csvOf('红心,物业', '说"好"', '第一行\n第二行')).toBe('名称\r\n"红心,物业"\r\n"说""好"""\r\n"第一行\n第二行"\r\n');
  });

  it('starts with a byte-order mark, so Excel reads the Chinese as UTF-8', () => {
    expect(toCsv({ headers: ['名称'], rows: [] }).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
