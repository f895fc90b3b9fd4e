// `npm test`: the whole suite on a fresh machine — install, type-check, build every target,
// then every vitest spec (core, storage contract, HTTP scenarios, robustness, browser end-to-end).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureChromium, ensureDependencies, run } from './setup.mjs';

ensureDependencies();
ensureChromium();
run('npx', ['biome', 'ci', '--error-on-warnings', '.']);
run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('npx', ['tsc', '-p', 'bench/tsconfig.json', '--noEmit']);
run('npx', ['taro', 'build', '--type', 'weapp']);
run('npx', ['tsx', 'scripts/package-size.ts']);
run('npx', ['taro', 'build', '--type', 'h5']);
run('npx', ['tsx', 'scripts/build-functions.ts']);

const report = path.join(ROOT, 'test-results', 'vitest.json');
fs.rmSync(report, { force: true });
let failed = false;
try {
  run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);
} catch {
  failed = true;
}
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numFailedTests > 0 || r.numTotalTests === 0) failed = true;
} else {
  failed = true;
}
process.exit(failed ? 1 : 0);
