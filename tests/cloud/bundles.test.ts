import { build, type Metafile } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, SCHEDULED } from '@backend/functions/registry';
import { functionBundle } from '../../scripts/function-bundle';

/**
 * The deployable shape of every cloud function: a bundle of the project's own code that requires
 * @cloudbase/node-sdk at run time, and a package.json that tells CloudBase to install that SDK
 * ("云端安装依赖") at exactly the version the root package.json pins and the tests ran against.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SDK = '@cloudbase/node-sdk';
const NAMES = [...Object.keys(FUNCTIONS), ...Object.keys(SCHEDULED)];
/** The SDK alone is ~1 MB minified; the project's own code per function is 20–45 KB. */
const MAX_BUNDLE_KB = 150;

const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const bundleFile = (name: string) => path.join(ROOT, 'cloudfunctions', name, 'index.js');

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('the recipe of a cloud function bundle (esbuild metafile)', () => {
  const metas = new Map<string, Metafile>();
  beforeAll(async () => {
    for (const name of NAMES) {
      const r = await build({ ...functionBundle(ROOT, name), outfile: path.join(ROOT, '.bench', `${name}.js`), write: false, logLevel: 'silent' });
      metas.set(name, r.metafile!);
    }
  }, 120_000);

  it.each(NAMES)('%s: inlines neither the SDK nor anything of the embedded store', (name) => {
    const meta = metas.get(name)!;
    const inputs = Object.keys(meta.inputs);
    expect(inputs.filter((i) => i.includes('node_modules/@cloudbase/'))).toEqual([]);
    expect(inputs.filter((i) => /better-sqlite3|backend\/storage\/embedded\//.test(i))).toEqual([]);
    const output = Object.values(meta.outputs)[0]!;
    expect(output.imports).toContainEqual(expect.objectContaining({ path: SDK, external: true }));
    expect(output.bytes / 1024).toBeLessThan(MAX_BUNDLE_KB);
  });
});

describe('the built cloud functions (cloudfunctions/<name>)', () => {
  beforeAll(() => {
    // `npm test` builds them first; a lone `vitest run tests/cloud` builds them here if missing.
    if (NAMES.some((n) => !fs.existsSync(bundleFile(n)))) execFileSync('npx', ['tsx', 'scripts/build-functions.ts'], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);

  it('the root package.json pins the SDK to an exact version', () => {
    expect(rootPkg.dependencies[SDK]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(NAMES)('%s: package.json has the SDK as a dependency at the root version', (name) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudfunctions', name, 'package.json'), 'utf8')) as { main?: string; dependencies?: Record<string, string> };
    expect(pkg.main).toBe('index.js');
    expect(pkg.dependencies).toEqual({ [SDK]: rootPkg.dependencies[SDK] });
  });

  it.each(NAMES)('%s: index.js is small and requires the SDK instead of carrying it', (name) => {
    const text = fs.readFileSync(bundleFile(name), 'utf8');
    expect(Buffer.byteLength(text) / 1024).toBeLessThan(MAX_BUNDLE_KB);
    expect(text).toContain(`require("${SDK}")`);
    expect(text).not.toMatch(/better-sqlite3/);
  });

  it.each(NAMES)('%s: loads with Node, resolving the SDK from node_modules, and answers through it', async (name) => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    process.env.WX_OPENID = 'openid-demo-resident';
    process.env.WX_APPID = 'wx-test';
    const req = createRequire(bundleFile(name));
    const { main } = req(bundleFile(name)) as { main: (event: unknown) => Promise<{ ok: boolean; error?: { code: string } }> };
    expect(req.resolve(SDK)).toBe(createRequire(path.join(ROOT, 'package.json')).resolve(SDK));
    // Answers decided before any database call: no network here. The caller comes through the SDK.
    const reply = await main({});
    expect(reply.error?.code).toBe(name in SCHEDULED ? 'AUTH.FORBIDDEN' : 'INPUT.INVALID');
  });
});
