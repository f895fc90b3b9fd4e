import fs from 'node:fs';
import path from 'node:path';

/** The embedded store's one database file; its presence is what marks a folder as a data folder. */
export const DATA_FILE = 'red-property.sqlite';

/** The path of the database file in a data folder. */
export const dataFileOf = (dir: string) => path.join(dir, DATA_FILE);

/** Whether a folder holds the embedded store's data (the reset refuses to move any other). */
export const isDataFolder = (dir: string) => fs.existsSync(dataFileOf(dir));

/** A sortable local timestamp for backup names: 20261130-065243. */
export function stamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
}

/** The first of `base`, `base-2`, `base-3`… that does not exist yet, so a second backup in the same second keeps the first. */
function unused(base: string): string {
  let candidate = base;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

const MIGRATION_BACKUP = `${DATA_FILE}.backup-v`;
const FOLDER_BACKUP = '-backup-';

/** Where the file is copied before a migration from `version`: beside it, in the data folder. */
export const migrationBackupPath = (dir: string, version: number, at: Date) => unused(path.join(dir, `${MIGRATION_BACKUP}${version}-${stamp(at)}`));

/** Where `npm run reset` moves a whole data folder: beside it, named for the folder and the moment. */
export const folderBackupPath = (dir: string, at: Date) => unused(`${path.resolve(dir)}${FOLDER_BACKUP}${stamp(at)}`);

/** The backup data files of the folder `dir` that exist now, oldest first: copies made before a migration, and the data files of folders a reset moved aside. */
export function findBackups(dir: string): string[] {
  const abs = path.resolve(dir);
  const parent = path.dirname(abs);
  const list = (folder: string, keep: (name: string) => boolean) => {
    try {
      return fs
        .readdirSync(folder)
        .filter(keep)
        .sort()
        .map((name) => path.join(folder, name));
    } catch {
      return [];
    }
  };
  return [
    ...list(abs, (name) => name.startsWith(MIGRATION_BACKUP)),
    ...list(parent, (name) => name.startsWith(`${path.basename(abs)}${FOLDER_BACKUP}`) && isDataFolder(path.join(parent, name))).map(dataFileOf),
  ];
}
