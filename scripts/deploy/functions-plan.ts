import fs from 'node:fs';
import path from 'node:path';

/** One function as cloudbaserc.json declares it (the CloudBase CLI's format, flattened since CLI 0.6). */
export interface FunctionDecl {
  readonly name: string;
  readonly handler: string;
  readonly runtime: string;
  readonly memorySize: number;
  readonly timeout: number;
  readonly installDependency: boolean;
  readonly ignore?: readonly string[];
  readonly envVariables: Readonly<Record<string, string>>;
  readonly triggers?: readonly { readonly name: string; readonly type: string; readonly config: string }[];
}

export interface CloudbaseRc {
  readonly version: string;
  readonly envId: string;
  readonly functionRoot: string;
  readonly functions: readonly FunctionDecl[];
}

/** What will be deployed for one function: its declaration with templates filled in, and its bundle. */
export interface PlannedFunction extends FunctionDecl {
  readonly bundle: string;
  /** Size of the built index.js, or null when it has not been built. */
  readonly bytes: number | null;
}

export const RC_FILE = 'cloudbaserc.json';

export function readCloudbaseRc(root: string): CloudbaseRc {
  return JSON.parse(fs.readFileSync(path.join(root, RC_FILE), 'utf8')) as CloudbaseRc;
}

/** Fills `{{env.NAME}}` the way the CLI does when it reads the file; an unset variable stays visible. */
export function renderTemplate(value: string, vars: Readonly<Record<string, string>>): string {
  return value.replace(/\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_whole, name: string) => vars[name] || `<未设置 ${name}>`);
}

// CloudBase's limits for a cloud function (CLI docs: memory options, timeout 1–60 s; bundles need Node ≥ 16).
const MEMORY_SIZES = [128, 256, 512, 1024, 2048];
const MAX_TIMEOUT_S = 60;
const MIN_NODE_MAJOR = 16;
/** Seven fields, seconds first: CloudBase's timer syntax. */
const CRON = /^(\S+\s+){6}\S+$/;

/** The functions with their bundles, in the file's order. */
export function planFunctions(rc: CloudbaseRc, root: string, vars: Readonly<Record<string, string>>): PlannedFunction[] {
  return rc.functions.map((f) => {
    const bundle = path.join(rc.functionRoot, f.name, 'index.js');
    const file = path.join(root, bundle);
    return {
      ...f,
      envVariables: Object.fromEntries(Object.entries(f.envVariables).map(([k, v]) => [k, renderTemplate(v, vars)])),
      bundle,
      bytes: fs.existsSync(file) ? fs.statSync(file).size : null,
    };
  });
}

/** What in the plan CloudBase would refuse or the functions could not run with, in words. */
export function planProblems(plan: readonly PlannedFunction[]): string[] {
  const out: string[] = [];
  for (const f of plan) {
    const major = Number(/^Nodejs(\d+)/.exec(f.runtime)?.[1] ?? 0);
    if (major < MIN_NODE_MAJOR) out.push(`${f.name}: 运行时 ${f.runtime} 低于 Node ${MIN_NODE_MAJOR}`);
    if (!MEMORY_SIZES.includes(f.memorySize)) out.push(`${f.name}: 内存 ${f.memorySize} MB 不在可选值 ${MEMORY_SIZES.join('/')} 中`);
    if (!(f.timeout >= 1 && f.timeout <= MAX_TIMEOUT_S)) out.push(`${f.name}: 超时 ${f.timeout} s 超出 1–${MAX_TIMEOUT_S} s`);
    if (f.handler !== 'index.main') out.push(`${f.name}: 入口应为 index.main（构建产物导出 main）`);
    for (const t of f.triggers ?? []) if (t.type !== 'timer' || !CRON.test(t.config)) out.push(`${f.name}: 触发器 ${t.name} 不是七段式定时触发器`);
    if (f.bytes === null) out.push(`${f.name}: 未找到 ${f.bundle}（先运行 npm run build:functions）`);
  }
  return out;
}

const kib = (bytes: number | null) => (bytes === null ? '未构建' : `${(bytes / 1024).toFixed(1)} KiB`);

/** The plan as a table a person reads before anything is deployed. */
export function formatPlan(plan: readonly PlannedFunction[], envId: string): string {
  const rows = plan.map((f) => [
    f.name,
    f.runtime,
    `${f.memorySize} MB`,
    `${f.timeout} s`,
    (f.triggers ?? []).map((t) => `${t.type} ${t.name} "${t.config}"`).join('; ') || '—',
    `${f.bundle} (${kib(f.bytes)})`,
    Object.entries(f.envVariables)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  ]);
  const head = ['函数', '运行时', '内存', '超时', '触发器', '代码包', '环境变量'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [`云开发环境: ${envId || '(未设置 CLOUD_ENV)'}`, line(head), ...rows.map(line)].join('\n');
}

/** The CLI call that deploys every function of cloudbaserc.json: code, configuration and triggers. */
export function deployCommand(envId: string): string[] {
  return ['tcb', 'fn', 'deploy', '--all', '--force', '--yes', '-e', envId || '<CLOUD_ENV>', '--config-file', RC_FILE];
}
