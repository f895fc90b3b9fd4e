import { build, type Metafile } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, SCHEDULED } from '@backend/functions/registry';
import { functionBundle } from '../../scripts/function-bundle';

/**
 * The deployable shape of every cloud function: one self-contained file with the SDK inlined (a
 * cold start reads one file instead of the SDK's ~400; measured in docs/performance.md), which
 * never carries the embedded store.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NAMES = [...Object.keys(FUNCTIONS), ...Object.keys(SCHEDULED)];
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

  it.each(NAMES)('%s: holds nothing of the embedded store and requires no package at run time', (name) => {
    const meta = metas.get(name)!;
    expect(Object.keys(meta.inputs).filter((i) => /better-sqlite3|backend\/storage\/embedded\//.test(i))).toEqual([]);
    const output = Object.values(meta.outputs)[0]!;
    expect(output.imports.filter((i) => i.external && !i.path.startsWith('node:') && !isBuiltin(i.path))).toEqual([]);
  });
});

describe('the built cloud functions (cloudfunctions/<name>/index.js)', () => {
  beforeAll(() => {
    // `npm test` builds them first; a lone `vitest run tests/cloud` builds them here if missing.
    if (NAMES.some((n) => !fs.existsSync(bundleFile(n)))) execFileSync('npx', ['tsx', 'scripts/build-functions.ts'], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);

  it.each(NAMES)('%s: loads with Node on its own and answers through CloudBase’s entry point', async (name) => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    process.env.WX_OPENID = 'openid-demo-resident';
    process.env.WX_APPID = 'wx-test';
    const { main } = createRequire(bundleFile(name))(bundleFile(name)) as { main: (event: unknown) => Promise<{ ok: boolean; error?: { code: string } }> };
    // Answers decided before any database call: no network here. The caller comes through the SDK.
    const reply = await main({});
    expect(reply.error?.code).toBe(name in SCHEDULED ? 'AUTH.FORBIDDEN' : 'INPUT.INVALID');
  });
});
