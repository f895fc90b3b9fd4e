import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATA_FILE, folderBackupPath, isDataFolder } from '../storage/embedded/backups';
import { openSqliteStore } from '../storage/embedded/sqlite-store';
import { playDemoGrievances } from './demo-grievances';
import { playDemoVolunteers } from './demo-volunteers';
import { playDemoMonth } from './demo-month';
import { seedDemo } from './seed';

/** A folder `npm run reset` will not move; the message says why and that nothing was changed. */
export class NotADataFolder extends Error {
  constructor(dir: string, why: string) {
    super(`拒绝重置：${dir} ${why}，没有做任何改动。请检查 DATA_DIR 是否指向本程序的数据文件夹。`);
    this.name = 'NotADataFolder';
  }
}

/** Folders that hold a person's work: the repository and the home folder, and every folder above them. */
const OWN_FOLDERS = [path.resolve(__dirname, '..', '..'), os.homedir()];

const contains = (outer: string, inner: string) => {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Moves the data folder aside, photos and all, to a dated folder beside it, and says where; nothing is
 * deleted. An absent or empty folder has nothing to keep. A folder without the store's data file, or
 * one that holds the repository or a home folder, is refused untouched.
 */
export function moveDataAside(dataDir: string, at = new Date(), protectedDirs: readonly string[] = OWN_FOLDERS): string | null {
  const dir = path.resolve(dataDir);
  if (!fs.existsSync(dir)) return null;
  if (!fs.statSync(dir).isDirectory()) throw new NotADataFolder(dir, '不是文件夹');
  const mine = protectedDirs.find((p) => contains(dir, path.resolve(p)));
  if (mine) throw new NotADataFolder(dir, `包含 ${mine}，不是数据文件夹`);
  if (fs.readdirSync(dir).length === 0) return null;
  if (!isDataFolder(dir)) throw new NotADataFolder(dir, `不是本程序的数据文件夹（里面没有 ${DATA_FILE}）`);
  const to = folderBackupPath(dir, at);
  fs.renameSync(dir, to);
  return to;
}

/** What a reset did: where the old data went (null if there was none), how many demo orders were played. */
export interface ResetOutcome {
  readonly movedTo: string | null;
  readonly orders: number;
}

/** `npm run reset`: the old data moved aside, then the demo community and a month of its orders up to `until`. */
export async function resetData(dataDir: string, until: number = Date.now(), protectedDirs?: readonly string[]): Promise<ResetOutcome> {
  const movedTo = moveDataAside(dataDir, new Date(), protectedDirs);
  const store = openSqliteStore(dataDir);
  try {
    await seedDemo(store);
    const month = await playDemoMonth(store, until);
    const grievances = await playDemoGrievances(store, until);
    const volunteers = await playDemoVolunteers(store, until);
    return { movedTo, orders: month.orders + grievances.grievances + volunteers.orders };
  } finally {
    await store.close();
  }
}
