import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { toXlsx } from '@backend/export/xlsx-export';
import { useManageWorld } from './manage-world';

const m = useManageWorld();
const HEADER = ['小区', '楼栋', '单元', '门牌', '姓名', '电话'];
const ROWS = [
  ['阳光小区', '3号楼', '1', '101', '赵六', '13800005555'],
  ['阳光小区', '3号楼', '1', '101', '赵小六', '13800006666'],
  ['和平小区', '5号楼', '3', '601', '李建国', '13800003333'],
];
const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`).toString('base64');
/** An XLSX as SheetJS writes it (phones as numbers, the way a typed-in column usually is). */
const sheetJs = (rows: (string | number)[][]) => {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '住户');
  return (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
};
/** An XLSX of one hand-written worksheet part, as a hostile or broken file may hold it. */
const rawXlsx = (sheetData: string) =>
  Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`) })).toString('base64');
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const headerRow = `<row r="1">${HEADER.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;
const importing = (base64: string, dryRun: boolean, fileName = '住户.csv') => m.admin({ action: 'importSheet', fileName, base64, dryRun });
const counts = async () => {
  const v = await m.overview();
  return { buildings: v.buildings.length, households: v.households.length, residents: v.residents.length };
};

describe('importing the household sheet', () => {
  it('dry-runs without writing anything, then imports, then re-imports without duplicates', async () => {
    const before = await counts();
    const dry = await importing(csv([HEADER, ...ROWS]), true);
    expect(dry).toMatchObject({ applied: false, sheetProblem: null, counts: { new: 2, update: 0, same: 1, problem: 0 } });
    expect(await counts()).toEqual(before);

    expect(await importing(csv([HEADER, ...ROWS]), false)).toMatchObject({ applied: true, counts: { new: 2, same: 1 } });
    const after = await counts();
    expect(after).toEqual({ buildings: before.buildings + 1, households: before.households + 1, residents: before.residents + 2 });
    expect((await m.audit())[0]).toMatchObject({ what: 'sheet.imported', subject: '住户.csv' });

    const again = await importing(csv([HEADER, ...ROWS]), false);
    expect(again.counts).toEqual({ new: 0, update: 0, same: 3, problem: 0 });
    expect(await counts()).toEqual(after);

    const renamed = await importing(csv([HEADER, ['阳光小区', '3号楼', '1', '101', '赵老六', '13800005555']]), false);
    expect(renamed.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['update']);
    expect(await counts()).toEqual(after);
    const zhao = (await m.overview()).residents.find((r: { phone: string }) => r.phone === '13800005555');
    expect(zhao.name).toBe('赵老六');
  });

  it('writes nothing when any row has a problem, and says how many rows to fix', async () => {
    const before = await counts();
    const sheet = csv([HEADER, ...ROWS, ['阳光小区', '1号楼', '', '101', '某某', '138'], ['阳光小区', '1号楼', '', '', '某', '1']]);
    const dry = await importing(sheet, true);
    expect(dry.rows.filter((r: { outcome: string }) => r.outcome === 'problem').map((r: { line: number }) => r.line)).toEqual([5, 6]);
    expect(await m.codeOf({ action: 'importSheet', fileName: '住户.csv', base64: sheet, dryRun: false })).toBe('IMPORT.HAS_PROBLEMS');
    expect(await counts()).toEqual(before);
  });

  it('lists the compounds a sheet would add in its dry run, adds them with the import, and logs it', async () => {
    const sheet = csv([HEADER, ['月亮小区', '1号楼', '1', '101', '周七', '13800007777'], ['月亮小区', '2号楼', '1', '201', '', '']]);
    const dry = await importing(sheet, true);
    expect(dry).toMatchObject({ newCompounds: ['月亮小区'], newCompoundsCompany: '红心物业服务有限公司', applied: false });
    expect((await m.w.store.listRefs('compounds', 'c-xingfuli')).map((c) => c.name)).not.toContain('月亮小区');
    const done = await importing(sheet, false);
    expect(done.applied).toBe(true);
    const moon = (await m.w.store.listRefs('compounds', 'c-xingfuli')).find((c) => c.name === '月亮小区');
    expect(moon).toMatchObject({ companyId: 'pc-hongxin' });
    const buildings = (await m.w.store.listRefs('buildings')).filter((b) => b.compoundId === moon!.id);
    expect(buildings.map((b) => b.name).sort()).toEqual(['1号楼', '2号楼']);
    expect((await m.audit())[0]!.detail).toContain('新建小区月亮小区');
    // Imported again, it finds the compound it added: nothing new.
    expect((await importing(sheet, true)).newCompounds).toEqual([]);
  });

  it('reads XLSX written by Excel-like tools, phones stored as numbers included', async () => {
    const dry = await importing(sheetJs([HEADER, ...ROWS.map((r) => [...r.slice(0, 5), Number(r[5])])]), true, '住户.xlsx');
    expect(dry.rows.map((r: { name: string; phone: string; door: string }) => [r.name, r.phone, r.door])).toEqual([
      ['赵六', '13800005555', '1单元101'],
      ['赵小六', '13800006666', '1单元101'],
      ['李建国', '13800003333', '3单元601'],
    ]);
    const ours = (await toXlsx([{ name: '住户', columns: HEADER.map((header) => ({ header, format: 'text' as const })), rows: ROWS }])).toString('base64');
    expect((await importing(ours, true, 'ours.xlsx')).counts).toEqual({ new: 2, update: 0, same: 1, problem: 0 });
  });

  it('reads a CSV that Excel saved in GB18030', async () => {
    const gbk = iconv.encode([HEADER, ...ROWS].map((r) => r.join(',')).join('\r\n'), 'gb18030').toString('base64');
    expect((await importing(gbk, true)).rows[0]).toMatchObject({ compound: '阳光小区', name: '赵六' });
  });

  it.each([
    ['an empty file', '', '文件是空的'],
    ['an old .xls file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).toString('base64'), '不支持旧版 xls 格式'],
    ['a zip that is not a workbook', Buffer.from('PK\u0003\u0004garbage').toString('base64'), '不是有效的 xlsx 文件'],
  ])('refuses %s with a reason', async (_name, base64, reason) => {
    const reply = await m.raw('demo-admin', { action: 'importSheet', role: 'admin', fileName: 'x', base64, dryRun: true });
    expect(reply).toMatchObject({ ok: false, error: { code: 'IMPORT.UNREADABLE' } });
    expect(reply.ok || reply.error.message).toContain(reason);
  });

  it.each([
    ['a row numbered in the millions', rawXlsx(`${headerRow}<row r="99999999">${inline('A99999999', 'x')}</row>`), '一次最多导入5000行'],
    ['a character reference past Unicode', rawXlsx(`<row r="1">${inline('A1', '&#x110000;')}</row>`), '不是有效的 xlsx 文件'],
  ])('refuses an XLSX with %s, at once and whole', async (_name, base64, reason) => {
    const reply = await m.raw('demo-admin', { action: 'importSheet', role: 'admin', fileName: 'x.xlsx', base64, dryRun: true });
    expect(reply).toMatchObject({ ok: false, error: { code: 'IMPORT.UNREADABLE' } });
    expect(reply.ok || reply.error.message).toContain(reason);
  });

  it('skips blank formatted rows far down an XLSX and cells far to the right of its columns', async () => {
    const row2 = `<row r="2">${ROWS[0]!.map((v, i) => inline(`${String.fromCharCode(65 + i)}2`, v)).join('')}${inline('ZZZZZZZZ2', '备注')}</row>`;
    const dry = await importing(rawXlsx(`${headerRow}${row2}<row r="1048576"><c r="A1048576" s="1"/></row>`), true, 'x.xlsx');
    expect(dry.rows).toHaveLength(1);
    expect(dry.rows[0]).toMatchObject({ compound: '阳光小区', name: '赵六' });
  });

  it('reports a sheet without the columns it needs as a whole', async () => {
    const dry = await importing(
      csv([
        ['姓名', '电话'],
        ['赵六', '13800005555'],
      ]),
      true,
    );
    expect(dry.sheetProblem).toContain('表头缺少');
  });

  it('is the admin’s alone', async () => {
    expect(await m.codeOf({ action: 'importSheet', fileName: 'x.csv', base64: csv([HEADER]), dryRun: true }, 'demo-dispatcher', 'dispatcher')).toBe(
      'AUTH.FORBIDDEN',
    );
  });
});

describe('exporting the same list', () => {
  it.each(['csv', 'xlsx'] as const)('as %s, reads back with the import columns, and re-imports as unchanged', async (format) => {
    const file = await m.admin({ action: 'exportSheet', format });
    const book = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: false, defval: '' });
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toContainEqual(['阳光小区', '1号楼', '2单元', '301', '张秀兰', '13800001111']);
    const back = await importing(file.base64, true, file.filename);
    expect(back.counts).toMatchObject({ new: 0, update: 0, problem: 0 });
  });
});
