import path from 'node:path';
import Database from 'better-sqlite3';

/** The embedded store's database file inside a data dir (backend/storage/embedded/sqlite-store.ts). */
export const DB_FILE = 'red-property.sqlite';

/** The path of the store's database file in `dir`. */
export const storeFile = (dir: string) => path.join(dir, DB_FILE);

/** Every row of every table of the store in `dir`, read through its own read-only connection: compare two to prove nothing was written. */
export function dumpStore(dir: string): string {
  const db = new Database(storeFile(dir), { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}
