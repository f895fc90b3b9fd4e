import { decodeText, readCsv } from './csv-read';
import { NotAnXlsx, readXlsx } from './xlsx-read';

/** Why a file could not be read, in the admin's words (IMPORT.UNREADABLE carries it). */
export type SheetRead = { ok: true; rows: string[][] } | { ok: false; reason: string };

/** An XLSX (a zip: it starts with "PK") or a CSV, told apart by the bytes rather than the name. */
export function readSheet(bytes: Uint8Array): SheetRead {
  if (bytes.length === 0) return { ok: false, reason: '文件是空的' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      return { ok: true, rows: readXlsx(bytes) };
    } catch (e) {
      if (e instanceof NotAnXlsx) return { ok: false, reason: '不是有效的 xlsx 文件（请在 Excel 或 WPS 中另存为 xlsx 或 csv）' };
      throw e;
    }
  }
  // Old .xls files are OLE documents: say so rather than reading their bytes as text.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return { ok: false, reason: '不支持旧版 xls 格式，请另存为 xlsx 或 csv' };
  const text = decodeText(bytes);
  if (text.includes('\u0000')) return { ok: false, reason: '不是 xlsx 或 csv 文件' };
  return { ok: true, rows: readCsv(text) };
}
