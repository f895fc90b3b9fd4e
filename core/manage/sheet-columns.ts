/**
 * The sheet communities keep of their households: one row a resident (or a household with nobody
 * on file yet), in columns 小区, 楼栋, 单元, 门牌, 姓名, 电话. Headers are recognised by the names
 * communities actually use; the order of the columns does not matter.
 */
export const SHEET_COLUMNS = ['小区', '楼栋', '单元', '门牌', '姓名', '电话'] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

const ALIASES: Readonly<Record<SheetColumn, readonly string[]>> = {
  小区: ['小区', '小区名称', '院落'],
  楼栋: ['楼栋', '楼号', '楼栋号', '栋'],
  单元: ['单元', '单元号'],
  门牌: ['门牌', '门牌号', '房号', '户号', '房间号'],
  姓名: ['姓名', '户主', '联系人', '居民姓名'],
  电话: ['电话', '手机', '手机号', '联系电话', '电话号码'],
};

/** Columns a sheet cannot do without (单元 may be part of 门牌). */
const REQUIRED: readonly SheetColumn[] = ['小区', '楼栋', '门牌', '姓名', '电话'];

const clean = (text: string) => text.replace(/[\s\u3000]+/g, '');

/** Where each column is in the header row, or the names of the required ones it lacks. */
export function locateColumns(header: readonly string[]): { ok: true; at: Readonly<Record<SheetColumn, number>> } | { ok: false; missing: SheetColumn[] } {
  const names = header.map(clean);
  const at = {} as Record<SheetColumn, number>;
  for (const col of SHEET_COLUMNS) at[col] = names.findIndex((n) => ALIASES[col].includes(n));
  const missing = REQUIRED.filter((c) => at[c] < 0);
  return missing.length ? { ok: false, missing } : { ok: true, at };
}

/** A door from the sheet's 单元 and 门牌: "2" and "301" read as 2单元301; a 门牌 that names its unit stands alone. */
export function doorOf(unit: string, door: string): string {
  const u = clean(unit);
  const d = clean(door);
  if (!u || d.includes('单元')) return d;
  return `${/单元$/.test(u) ? u : `${u}单元`}${d}`;
}

/** A stored door split back into the sheet's 单元 and 门牌, so an export reads like what was imported. */
export function splitDoor(door: string): { unit: string; door: string } {
  const m = /^(.+?单元)(.+)$/.exec(door);
  return m ? { unit: m[1]!, door: m[2]! } : { unit: '', door };
}
