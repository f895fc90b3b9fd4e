export type Cell = string | number;
export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * Text a spreadsheet would run as a formula when the file is opened: = + - @ start one, and a
 * leading tab or carriage return, which some spreadsheets skip before reading the rest as a formula
 * (OWASP's list for CSV injection names all six).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const csvCell = (c: Cell) => {
  const text = String(c);
  // A leading apostrophe makes the spreadsheet show the cell as text; numbers are written as numbers.
  const safe = typeof c === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** CSV with a BOM, so Excel opens the Chinese headers as UTF-8. */
export function toCsv(t: Table): Buffer {
  const lines = [t.headers, ...t.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
