import type { ReportCell, ReportFormat, ReportSheet } from '@core';
import type { Cell, Sheet } from 'write-excel-file/node';

/** Excel's number format for each kind of report column; text columns keep Excel's default. */
const NUMBER_FORMATS: Readonly<Record<ReportFormat, string | undefined>> = { text: undefined, integer: '0', percent: '0.0%', decimal: '0.0' };

/** What a cell shows, to size its column by: a number as its format prints it. */
function shown(cell: ReportCell, format: ReportFormat): string {
  if (typeof cell === 'string') return cell;
  if (format === 'percent') return `${(cell * 100).toFixed(1)}%`;
  return format === 'decimal' ? cell.toFixed(1) : String(cell);
}

/** Width in Excel's character units: a Chinese character takes two. */
const widthOf = (text: string) => [...text].reduce((w, ch) => w + (ch.codePointAt(0)! > 0x2e7f ? 2 : 1), 0);

const MIN_WIDTH = 8;
const MAX_WIDTH = 40;

/** Each column as wide as its widest cell, header included, within bounds that keep a long name from taking the screen. */
function columnWidths(sheet: ReportSheet): { width: number }[] {
  return sheet.columns.map((col, i) => {
    const widest = Math.max(widthOf(col.header), ...sheet.rows.map((row) => widthOf(shown(row[i] ?? '', col.format))));
    return { width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2)) };
  });
}

/** A figure as a number cell in its column's format; a text (—, 样本不足) stays text. */
function cellOf(cell: ReportCell, format: ReportFormat): Cell {
  if (typeof cell === 'string') return { value: cell, type: String };
  const numberFormat = NUMBER_FORMATS[format];
  return numberFormat ? { value: cell, type: Number, format: numberFormat } : { value: cell, type: Number };
}

function sheetOf(sheet: ReportSheet): Sheet<Buffer> {
  const header = sheet.columns.map((c): Cell => ({ value: c.header, type: String, fontWeight: 'bold' }));
  const rows = sheet.rows.map((row) => row.map((cell, i) => cellOf(cell, sheet.columns[i]!.format)));
  return { sheet: sheet.name, data: [header, ...rows], columns: columnWidths(sheet), stickyRowsCount: 1 };
}

/**
 * An XLSX workbook, one worksheet per report sheet: bold header row frozen in place, columns sized
 * to their content, figures as numbers in their format. The writer is loaded on the first export
 * only, so the functions that never export do not pay for it at a cold start.
 */
export async function toXlsx(sheets: readonly ReportSheet[]): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return writeXlsxFile(sheets.map(sheetOf)).toBuffer();
}
