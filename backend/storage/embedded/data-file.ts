import Database from 'better-sqlite3';
import fs from 'node:fs';
import { dataFileOf, findBackups, migrationBackupPath } from './backups';
import { MIGRATIONS, SCHEMA, SCHEMA_VERSION } from './schema-sql';

/** The tables a data file must end up with: the version they are keyed by, and how to get there from each older one. */
export interface SchemaPlan {
  readonly version: number;
  readonly schema: string;
  /** SQL (or a step over the open file, when the core must recompute what is stored) that takes a file from the version it is keyed by to the next one. */
  readonly migrations: Readonly<Record<number, string | ((db: Database.Database) => void)>>;
}

const CURRENT: SchemaPlan = { version: SCHEMA_VERSION, schema: SCHEMA, migrations: MIGRATIONS };

/**
 * Runs a write committed with `synchronous = NORMAL`: no fsync of its own, while every other commit
 * keeps FULL. In WAL mode that is safe for a write that may be lost together with the commits after
 * it but never alone (an order number, a fold of the rollup queue): the next durable commit's fsync
 * makes its frames durable too, and a process crash loses nothing (the frames are in the OS).
 */
export function committedWithoutOwnFsync(db: Database.Database): <T>(write: () => T) => T {
  const normal = db.prepare('PRAGMA synchronous = NORMAL');
  const full = db.prepare('PRAGMA synchronous = FULL');
  return (write) => {
    normal.run();
    try {
      return write();
    } finally {
      full.run();
    }
  };
}

/** Why a data file cannot be opened; the message says what to do, in the words the person running the server reads. */
export class DataFileError extends Error {
  constructor(
    readonly problem: 'newer' | 'corrupt' | 'not-a-database' | 'too-old',
    message: string,
  ) {
    super(message);
    this.name = 'DataFileError';
  }
}

export interface OpenOptions {
  /** Where the opener says what it did to the file (a backup before migrating); the server's console by default. */
  readonly log?: (line: string) => void;
  /** Only for tests of the opener itself: the schema to open the file against. */
  readonly plan?: SchemaPlan;
}

/**
 * Opens (or creates) the data file of the folder `dir`, checked and brought up to date: a file that is
 * not a database or fails SQLite's integrity check, or that a newer program wrote, is refused with a
 * DataFileError saying what to do; an older one is copied beside itself before it is migrated in place.
 */
export function openDataFile(dir: string, options: OpenOptions = {}): Database.Database {
  const { log = console.log, plan = CURRENT } = options;
  fs.mkdirSync(dir, { recursive: true });
  const file = dataFileOf(dir);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    // Every check only reads, so a refused file keeps what it holds.
    if (existed) checkIntegrity(db, dir);
    const version = versionOf(db, dir, plan);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, dir, version, plan, log);
    return db;
  } catch (e) {
    db.close();
    throw explain(e, dir);
  }
}

/**
 * SQLite's quick_check, which reads every page once: a damaged file is told apart at open, not by a
 * stack trace from the first query that happens to reach the damage.
 */
function checkIntegrity(db: Database.Database, dir: string) {
  const problems = db.prepare('PRAGMA quick_check(3)').pluck().all() as string[];
  if (problems.join() === 'ok') return;
  const what = problems
    .join(' ')
    .replace(/\*\*\* in database \w+ \*\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  throw corrupt(dir, `完整性检查未通过：${what}`);
}

/** The version the file is at (a fresh file counts as current), if this program can bring it to the current one; refused otherwise. */
function versionOf(db: Database.Database, dir: string, plan: SchemaPlan): number {
  const stored = db.pragma('user_version', { simple: true }) as number;
  if (stored > plan.version) {
    throw new DataFileError(
      'newer',
      `数据文件 ${dataFileOf(dir)} 由更新版本的程序写入（数据版本 ${stored}，本程序最高支持 ${plan.version}）：请升级程序后再启动。` +
        '数据本身没有问题，请不要运行 npm run reset。',
    );
  }
  const fresh = !db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table'").get();
  if (fresh) return plan.version;
  for (let v = stored; v < plan.version; v++) {
    if (!plan.migrations[v]) {
      throw new DataFileError(
        'too-old',
        `数据文件 ${dataFileOf(dir)} 的版本 ${stored} 过旧，本程序无法迁移：运行 npm run reset 会把整个数据文件夹移到一旁保存（不删除）并重新写入演示数据。`,
      );
    }
  }
  return stored;
}

/** Creates the tables of a fresh file, or backs up an older one and migrates it one step at a time, each step with its version bump in one transaction. */
function migrate(db: Database.Database, dir: string, from: number, plan: SchemaPlan, log: (line: string) => void) {
  if (from < plan.version) {
    const backup = migrationBackupPath(dir, from, new Date());
    db.prepare('VACUUM INTO ?').run(backup);
    log(`[data] ${dataFileOf(dir)} is version ${from}; copied to ${backup} before migrating it to version ${plan.version}`);
    for (let version = from; version < plan.version; version++) {
      const step = plan.migrations[version]!;
      db.transaction(() => {
        if (typeof step === 'string') db.exec(step);
        else step(db);
        db.pragma(`user_version = ${version + 1}`);
      }).immediate();
    }
  }
  db.exec(plan.schema);
  db.pragma(`user_version = ${plan.version}`);
}

function corrupt(dir: string, what: string, problem: 'corrupt' | 'not-a-database' = 'corrupt'): DataFileError {
  const file = dataFileOf(dir);
  const backups = findBackups(dir);
  const where = backups.length
    ? `现有备份：${backups.join('、')}；停止服务后把其中一份复制为 ${file} 即可恢复。`
    : `没有找到备份（迁移前的备份在数据文件夹中，npm run reset 移开的数据在它旁边名为“文件夹名-backup-时间”的文件夹中）。`;
  return new DataFileError(
    problem,
    `数据文件 ${file} 已损坏（${what}），程序不会读写它。${where}也可以运行 npm run reset：损坏的数据会被移到一旁保存，然后重新写入演示数据。`,
  );
}

/** SQLite's own failures at open, turned into what they mean for the person starting the server; anything else is passed on as it is. */
function explain(e: unknown, dir: string): unknown {
  if (e instanceof DataFileError) return e;
  const code = (e as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB') return corrupt(dir, '不是 SQLite 数据库文件，可能被其他文件覆盖', 'not-a-database');
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) return corrupt(dir, (e as Error).message);
  return e;
}
