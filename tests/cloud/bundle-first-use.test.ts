import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionBundle, ON_FIRST_USE } from '../../scripts/function-bundle';

/**
 * The XLSX writer and the unzipper ride in the bundles as text, compiled on first use
 * (scripts/function-bundle.ts, ON_FIRST_USE). Built by the recipe, our own export and import code
 * must still write a workbook and read it back.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('packages compiled on first use, in a bundle built by the recipe', () => {
  let bundle: { roundTrip(): Promise<string[][]> };
  let text = '';
  beforeAll(async () => {
    const recipe = functionBundle(ROOT, 'manage');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'first-use-')), 'index.js');
    const contents = `import { toXlsx } from '${path.join(ROOT, 'backend/export/xlsx-export')}';
import { readXlsx } from '${path.join(ROOT, 'backend/import/xlsx-read')}';
export async function roundTrip() {
  const sheet = { name: '住户', columns: [{ header: '姓名', format: 'text' }, { header: '人数', format: 'integer' }], rows: [['张秀兰', 2], ['王德福', 1]] };
  return readXlsx(new Uint8Array(await toXlsx([sheet])), 10);
}`;
    await build({ ...recipe, stdin: { ...recipe.stdin!, contents }, outfile: file, logLevel: 'error' });
    text = fs.readFileSync(file, 'utf8');
    bundle = createRequire(file)(file) as typeof bundle;
  }, 60_000);

  it('carries each package as a string, not as code of the bundle', () => {
    expect(ON_FIRST_USE).toEqual(['write-excel-file/node', 'fflate']);
    for (const name of ON_FIRST_USE) expect(text).toContain(`//# sourceURL=${name}`);
  });

  it('writes a workbook with the writer and reads it back with the unzipper', async () => {
    expect(await bundle.roundTrip()).toEqual([
      ['姓名', '人数'],
      ['张秀兰', '2'],
      ['王德福', '1'],
    ]);
  });
});
