import type { BuildOptions, Metafile } from 'esbuild';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * Packages a cloud function requires at run time instead of carrying them: CloudBase installs them
 * in the cloud from the function's package.json ("云端安装依赖"), at the exact version of the root
 * package.json. @cloudbase/node-sdk is ~1 MB minified (96 % of a bundle that inlined it). It is
 * required when the bundle loads, not lazily: every call needs it (cloud-main reads the caller's
 * OPENID through it and opens the store with it), so a lazy require would only move its cost from
 * the container's start into its first call.
 */
export const FUNCTION_DEPENDENCIES = ['@cloudbase/node-sdk'] as const;

/**
 * How one cloud function is bundled: an entry importing only that function's module (not the
 * registry, so each bundle holds only its own code), wrapped as CloudBase's `main`, built for Node 16
 * as one minified CommonJS file with FUNCTION_DEPENDENCIES left as `require` calls. Shared by the
 * build and the benchmark that explains its size.
 */
export function functionBundle(root: string, name: string): BuildOptions {
  const entry = `import { cloudMain } from '${path.join(root, 'backend/cloud/cloud-main')}';
import { ${name} as handler } from '${path.join(root, `backend/functions/${name}.function`)}';
export const main = cloudMain(handler);`;
  return {
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    tsconfig: path.join(root, 'tsconfig.json'),
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    metafile: true,
    external: [...FUNCTION_DEPENDENCIES],
  };
}

const BUILTINS = new Set(builtinModules);
const isBuiltin = (id: string) => id.startsWith('node:') || BUILTINS.has(id) || BUILTINS.has(id.split('/')[0]!);
/** `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`. */
const packageOf = (id: string) => id.split('/').slice(0, id.startsWith('@') ? 2 : 1).join('/');

/** The npm packages a built bundle requires at run time (not Node built-ins), from its metafile. */
export function runtimePackages(metafile: Metafile): string[] {
  const ids = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => packageOf(i.path)));
  return [...new Set(ids)].sort();
}

/** An exact version (`3.18.3`, `2.5.0-20230101`), not a range: what is tested is what is installed. */
const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * The `dependencies` of a function's package.json: each package the bundle requires, at the exact
 * version the root package.json pins. Throws if one is not pinned there, so a deployed function can
 * never require something CloudBase was not told to install, nor drift from the tested version.
 */
export function functionDependencies(root: string, packages: readonly string[]): Record<string, string> {
  const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const out: Record<string, string> = {};
  for (const name of packages) {
    const version = rootPkg.dependencies?.[name];
    if (version === undefined) throw new Error(`a cloud function requires ${name}, which is not in the root package.json "dependencies"`);
    if (!EXACT.test(version)) throw new Error(`${name} is "${version}" in the root package.json: a cloud function needs an exact version`);
    out[name] = version;
  }
  return out;
}
