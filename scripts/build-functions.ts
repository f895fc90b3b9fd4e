// `npm run build:functions`: one self-contained index.js per cloud function, for CloudBase to run
// as it is. Sources stay out of cloudfunctions/ (a folder holding index.ts beside index.js fails
// to deploy); each folder gets the bundle and a package.json with nothing to install.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
// Each function lives in backend/functions/<name>.function.ts and exports a handler named <name>.
import { FUNCTIONS, SCHEDULED } from '../backend/functions/registry';
import { functionBundle } from './function-bundle';

const root = path.resolve(__dirname, '..');
const outRoot = path.join(root, 'cloudfunctions');

async function main() {
  const all = [
    ...Object.keys(FUNCTIONS).map((name) => ({ name, table: 'FUNCTIONS' })),
    ...Object.keys(SCHEDULED).map((name) => ({ name, table: 'SCHEDULED' })),
  ];
  for (const { name, table } of all) {
    const dir = path.join(outRoot, name);
    fs.mkdirSync(dir, { recursive: true });
    const result = await build({ ...functionBundle(root, name), outfile: path.join(dir, 'index.js'), logLevel: 'warning', metafile: true });
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    const pkg = { name, version: '1.0.0', private: true, main: 'index.js', description: `红色物业 · ${name} cloud function (built bundle)` };
    fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    if (table === 'SCHEDULED') {
      // CloudBase timer trigger: every minute (seven-field cron, seconds first).
      const config = { triggers: [{ name: 'every-minute', type: 'timer', config: '0 * * * * * *' }] };
      fs.writeFileSync(path.join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
    }
    console.log(`cloudfunctions/${name}/index.js  ${(bytes / 1024).toFixed(1)} KiB`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
