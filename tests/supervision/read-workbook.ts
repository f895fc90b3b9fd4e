import * as XLSX from 'xlsx';

/**
 * Reads an XLSX file with SheetJS, a reader that shares no code with the writer under test. Values,
 * number formats and column widths come from SheetJS itself; the header's font and the frozen pane,
 * which its community edition does not parse, are read from the raw parts it unzipped.
 */
export function readWorkbook(bytes: Buffer) {
  const book = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellStyles: true, bookFiles: true });
  const files = (book as XLSX.WorkBook & { files: Record<string, { content: Uint8Array }> }).files;
  const part = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`no ${name} in the workbook`);
    return Buffer.from(file.content).toString('utf8');
  };
  const attr = (element: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];

  /** The worksheet part of a sheet, found through the workbook's relationships as Excel does. */
  function sheetPart(sheetName: string): string {
    const sheet = [...part('xl/workbook.xml').matchAll(/<sheet\s[^>]*>/g)].map((m) => m[0]).find((s) => attr(s, 'name') === sheetName);
    const relId = sheet && attr(sheet, 'r:id');
    const rel = [...part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s[^>]*>/g)].map((m) => m[0]).find((r) => attr(r, 'Id') === relId);
    const target = rel && attr(rel, 'Target');
    if (!target) throw new Error(`no worksheet for ${sheetName}`);
    return part(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }

  /** Whether the font of a cell's style is bold: cell → cellXfs[s] → fonts[fontId] → <b/>. */
  function isBold(sheetName: string, ref: string): boolean {
    const cell = new RegExp(`<c\\s[^>]*r="${ref}"[^>]*>`).exec(sheetPart(sheetName))?.[0];
    const styles = part('xl/styles.xml');
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
    const xf = [...xfs.matchAll(/<xf\b[^>]*?(\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0])[Number(attr(cell ?? '', 's') ?? 0)] ?? '';
    const fonts = /<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '';
    const font = [...fonts.matchAll(/<font\b[^>]*?(\/>|>[\s\S]*?<\/font>)/g)].map((m) => m[0])[Number(attr(xf, 'fontId') ?? 0)] ?? '';
    return /<b\/>|<b\s+val="(1|true)"\s*\/>/.test(font);
  }

  /** The rows above the frozen pane, or 0 when nothing is frozen. */
  function frozenRows(sheetName: string): number {
    const pane = /<pane\s[^>]*>/.exec(sheetPart(sheetName))?.[0];
    return pane && attr(pane, 'state') === 'frozen' ? Number(attr(pane, 'ySplit') ?? 0) : 0;
  }

  /** The sheet's cells row by row, as SheetJS reads them. */
  function cells(sheetName: string): XLSX.CellObject[][] {
    const sheet = book.Sheets[sheetName];
    if (!sheet?.['!ref']) return [];
    const range = XLSX.utils.decode_range(sheet['!ref']);
    const rows: XLSX.CellObject[][] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const row: XLSX.CellObject[] = [];
      for (let c = range.s.c; c <= range.e.c; c++) row.push(sheet[XLSX.utils.encode_cell({ r, c })] ?? { t: 'z' });
      rows.push(row);
    }
    return rows;
  }

  /** Each column's width in characters, as the file sets it. */
  const widths = (sheetName: string): (number | undefined)[] => (book.Sheets[sheetName]?.['!cols'] ?? []).map((c) => c?.width ?? c?.wch);

  return { sheetNames: book.SheetNames, cells, widths, isBold, frozenRows };
}
