import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, SCHEDULED } from '@backend/functions/registry';
import { findSecrets } from './secret-patterns';

/**
 * No secret in the repository or in what is deployed: every tracked file and every built function
 * bundle is scanned for key-shaped strings. Keys belong in the shell that deploys (TCB_SECRET_ID,
 * TCB_SECRET_KEY) or in untracked files (.env.local, the upload key), as docs/deploy.md says.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NAMES = [...Object.keys(FUNCTIONS), ...Object.keys(SCHEDULED)];
const bundle = (n: string) => path.join(ROOT, 'cloudfunctions', n, 'index.js');

function scan(files: readonly string[]): string[] {
  return files.flatMap((f) => {
    const bytes = fs.readFileSync(f);
    if (bytes.includes(0)) return []; // binary
    return findSecrets(bytes.toString('utf8')).map((hit) => `${path.relative(ROOT, f)}: ${hit}`);
  });
}

describe('no key-shaped string in the repository or the built functions', () => {
  beforeAll(() => {
    // `npm test` builds the bundles first; a lone run of this file builds them if missing.
    if (NAMES.some((n) => !fs.existsSync(bundle(n)))) execFileSync('npx', ['tsx', 'scripts/build-functions.ts'], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);

  it('finds none in the tracked files', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean)
      .map((f) => path.join(ROOT, f))
      .filter((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    expect(tracked.length).toBeGreaterThan(100);
    expect(scan(tracked)).toEqual([]);
  });

  it('finds none in the cloud function bundles', () => {
    expect(scan(NAMES.map(bundle))).toEqual([]);
  });
});

describe('the scan recognises what a leaked key looks like', () => {
  // Assembled at run time, so that no key-shaped literal sits in this file.
  const id = ['AK', 'ID', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6'].join('');
  const hex = `${'f'.repeat(16)}0123456789abcdef`;
  it.each([
    ['a Tencent Cloud SecretId', `const id = '${id}';`, 'Tencent Cloud SecretId'],
    ['a private key block', `${'-----BEGIN'} PRIVATE KEY-----\nMIIE...`, 'private key block'],
    ['an RSA private key block', `${'-----BEGIN'} RSA PRIVATE KEY-----`, 'private key block'],
    ['a hex secret assigned in code', `secretKey: '${hex}'`, 'secret assignment'],
    ['a base64 token in a config file', `"token": "${'QUJD'.repeat(9)}"`, 'secret assignment'],
    ['an env-style assignment', `TCB_SECRET_KEY="${hex}"`, 'secret assignment'],
  ])('finds %s', (_what, text, kind) => {
    expect(findSecrets(text).join()).toContain(kind);
  });

  it.each([
    ['a lockfile integrity hash', '"integrity": "sha512-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV0123456789=="'],
    ['an empty placeholder', 'TCB_SECRET_KEY='],
    ['a variable read from the environment', 'secretKey: process.env.TCB_SECRET_KEY'],
  ])('passes %s', (_what, text) => {
    expect(findSecrets(text)).toEqual([]);
  });
});
