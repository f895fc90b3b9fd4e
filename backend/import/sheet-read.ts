import { decodeText, readCsv } from './csv-read';
import { NotAnXlsx, readXlsx, SheetTooLong } from './xlsx-read';

/** Why a file could not be read, in the admin's words (IMPORT.UNREADABLE carries it). */
export type SheetRead = { ok: true; rows: string[][] } | { ok: false; reason: string };

/** How long a sheet may be, header included, and what to say when it is longer. */
export interface SheetLimit {
  readonly rows: number;
  readonly tooLong: string;
}

/**
 * An XLSX (a zip: it starts with "PK") or a CSV, told apart by the bytes rather than the name. A CSV
 * is as long as its bytes allow (the request's size limit); an XLSX's row numbers are the file's
 * own say, so its reader is held to `limit`.
 */
export function readSheet(bytes: Uint8Array, limit: SheetLimit): SheetRead {
  if (bytes.length === 0) return { ok: false, reason: '文件是空的' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      return { ok: true, rows: readXlsx(bytes, limit.rows) };
    } catch (e) {
      if (e instanceof NotAnXlsx) return { ok: false, reason: '不是有效的 xlsx 文件（请在 Excel 或 WPS 中另存为 xlsx 或 csv）' };
      if (e instanceof SheetTooLong) return { ok: false, reason: limit.tooLong };
      throw e;
    }
  }
  // Old .xls files are OLE documents: say so rather than reading their bytes as text.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return { ok: false, reason: '不支持旧版 xls 格式，请另存为 xlsx 或 csv' };
  const text = decodeText(bytes);
  if (text.includes('\u0000')) return { ok: false, reason: '不是 xlsx 或 csv 文件' };
  return { ok: true, rows: readCsv(text) };
}
