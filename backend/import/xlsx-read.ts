import { strFromU8, unzipSync } from 'fflate';

/**
 * The first worksheet of an XLSX file as rows of text. An XLSX is a zip of XML parts; what a sheet
 * of names, doors and phones needs is small: the shared strings, and each cell's reference, type
 * and value (shared string, inline string, formula text, number or boolean). Unzipped with fflate
 * (no dependencies of its own, already what write-excel-file writes with); styles, dates and
 * formulas' logic are not read: a cell shows the value Excel last stored for it.
 */
export class NotAnXlsx extends Error {}
/** A cell with text in a row past the limit the caller gave. */
export class SheetTooLong extends Error {}

/** The largest unpacked part read: a sheet of 5000 rows is a few MB of XML. */
const MAX_PART = 32 * 1024 * 1024;
/** All parts read, unpacked together: a small zip of many parts stays packed too. */
const MAX_UNPACKED = 64 * 1024 * 1024;
/**
 * Columns kept of each row: the sheet's six with room for notes beside them. A cell further right is
 * ignored, so a reference such as "ZZZZZZZZ1" costs nothing instead of a row of millions of cells.
 */
export const MAX_COLUMNS = 64;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** A character reference's character; one past Unicode's last code point means a broken file, not a crash. */
const character = (codePoint: number) => {
  if (!(codePoint <= 0x10ffff)) throw new NotAnXlsx('character reference out of range');
  return String.fromCodePoint(codePoint);
};
const unescapeXml = (text: string) =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? character(Number.parseInt(e.slice(2), 16)) : e.startsWith('#') ? character(Number(e.slice(1))) : ENTITIES[e]!,
  );

/** The text of every <t> in a fragment, joined: a rich-text string keeps its runs' text, without phonetic hints. */
const textOf = (xml: string) =>
  unescapeXml([...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => m[1] ?? '').join(''));

/** Column letters of a reference ("AB12") as a zero-based index. */
const columnOf = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** A number cell as people typed it: 13800001111, not 1.3800001111E10; 3.0 as 3. */
const numberText = (raw: string) => {
  const n = Number(raw);
  return Number.isFinite(n) && Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : raw;
};

/** The path of the first sheet, as the workbook lists it (falling back to the usual name). */
function firstSheetPath(files: Record<string, Uint8Array>): string {
  const workbook = files['xl/workbook.xml'] && strFromU8(files['xl/workbook.xml']);
  const rels = files['xl/_rels/workbook.xml.rels'] && strFromU8(files['xl/_rels/workbook.xml.rels']);
  const rid = workbook && /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const rel = rid && rels ? [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`)) : undefined;
  const target = rel && /\bTarget="([^"]+)"/.exec(rel)?.[1];
  if (!target) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * The first sheet's rows, up to `maxRows`: a row further down is skipped when it is empty (a
 * formatted but blank row) and refused with SheetTooLong when it holds text, so neither a row
 * number in the millions nor a long sheet is ever laid out in memory.
 */
export function readXlsx(bytes: Uint8Array, maxRows: number): string[][] {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    // Only the parts read below, and none that would unpack past MAX_PART, nor all of them past
    // MAX_UNPACKED (a zip bomb stays packed: fflate unpacks a part into its declared size at most).
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.originalSize <= MAX_PART && (f.name.endsWith('.rels') || (f.name.startsWith('xl/') && f.name.endsWith('.xml')));
        if (wanted) unpacked += f.originalSize;
        return wanted && unpacked <= MAX_UNPACKED;
      },
    });
  } catch {
    throw new NotAnXlsx('not a zip');
  }
  const sheet = files[firstSheetPath(files)];
  if (!sheet) throw new NotAnXlsx('no worksheet');
  const sharedXml = files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : '';
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!));

  const rows: string[][] = [];
  for (const rowMatch of strFromU8(sheet).matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const rowNumber = Number(/\br="(\d+)"/.exec(rowMatch[1]!)?.[1] ?? rows.length + 1);
    if (rowNumber < 1) throw new NotAnXlsx('row number 0');
    const cells: string[] = [];
    let next = 0;
    for (const c of rowMatch[2]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const col = ref ? columnOf(ref) : next;
      next = col + 1;
      if (col >= MAX_COLUMNS) continue;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 's' && v !== undefined) text = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') text = textOf(body);
      else if (type === 'b') text = v === '1' ? 'TRUE' : v === undefined ? '' : 'FALSE';
      else if (type === 'n' && v !== undefined) text = numberText(v);
      else if (v !== undefined) text = unescapeXml(v);
      while (cells.length < col) cells.push('');
      cells[col] = text;
    }
    if (rowNumber > maxRows) {
      if (cells.some((text) => text !== '')) throw new SheetTooLong(`more than ${maxRows} rows`);
      continue;
    }
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  }
  return rows;
}
