import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The repository root, for the deploy scripts. */
export const ROOT = path.resolve(__dirname, '../..');

/** `--dry-run` and friends: the flags a deploy script was given. */
export const hasFlag = (name: string, argv = process.argv.slice(2)) => argv.includes(`--${name}`);
export const flagValue = (name: string, argv = process.argv.slice(2)): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

/** Runs a package binary from node_modules, streaming its output; throws on a non-zero exit. */
export function runBin(args: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const [bin, ...rest] = args;
  const r = spawnSync('npx', ['--no-install', bin!, ...rest], { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${args.join(' ')} 失败（退出码 ${r.status ?? r.signal}）`);
}

/** Ends a deploy script with the reasons it cannot go on. */
export function stop(title: string, reasons: readonly string[]): never {
  console.error(`\n✗ ${title}`);
  for (const r of reasons) console.error(`  - ${r}`);
  process.exit(1);
}

/** The Tencent Cloud API key for deploying, from the same variables the contract tests use. */
export function apiKey(env: NodeJS.ProcessEnv = process.env): { secretId: string; secretKey: string } | null {
  const secretId = env.TCB_SECRET_ID?.trim();
  const secretKey = env.TCB_SECRET_KEY?.trim();
  return secretId && secretKey ? { secretId, secretKey } : null;
}
