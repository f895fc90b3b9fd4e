// `npm run build:functions`: one index.js per cloud function holding only the project's code, and a
// package.json whose "dependencies" name what it requires at run time (@cloudbase/node-sdk, at the
// root package.json's exact version), which CloudBase installs in the cloud ("云端安装依赖").
// Sources stay out of cloudfunctions/ (a folder holding index.ts beside index.js fails to deploy).
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
// Each function lives in backend/functions/<name>.function.ts and exports a handler named <name>.
import { FUNCTIONS, SCHEDULED } from '../backend/functions/registry';
import { FUNCTION_DEPENDENCIES, functionBundle, functionDependencies, runtimePackages } from './function-bundle';

const root = path.resolve(__dirname, '..');
const outRoot = path.join(root, 'cloudfunctions');

/** The folder's package.json as it is (fields added by hand are kept), or nothing. */
function existingPackage(file: string): Record<string, unknown> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The functions are tested against node_modules: say so when it holds another version than they will get. */
function warnIfInstalledDiffers(deps: Record<string, string>) {
  for (const [name, version] of Object.entries(deps)) {
    try {
      const installed = (JSON.parse(fs.readFileSync(createRequire(path.join(root, 'package.json')).resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
      if (installed !== version) console.warn(`warning: node_modules has ${name}@${installed}, the functions will get ${version} (run npm install)`);
    } catch {
      console.warn(`warning: ${name} is not installed: the bundles cannot be loaded here (run npm install)`);
    }
  }
}

async function main() {
  const all = [...Object.keys(FUNCTIONS).map((name) => ({ name, table: 'FUNCTIONS' })), ...Object.keys(SCHEDULED).map((name) => ({ name, table: 'SCHEDULED' }))];
  warnIfInstalledDiffers(functionDependencies(root, FUNCTION_DEPENDENCIES));
  for (const { name, table } of all) {
    const dir = path.join(outRoot, name);
    fs.mkdirSync(dir, { recursive: true });
    const result = await build({ ...functionBundle(root, name), outfile: path.join(dir, 'index.js'), logLevel: 'warning', metafile: true });
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    const dependencies = functionDependencies(root, runtimePackages(result.metafile));
    const pkgFile = path.join(dir, 'package.json');
    const pkg = {
      ...existingPackage(pkgFile),
      name,
      version: '1.0.0',
      private: true,
      main: 'index.js',
      description: `红色物业 · ${name} cloud function (built bundle; dependencies installed in the cloud)`,
      dependencies,
    };
    fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
    if (table === 'SCHEDULED') {
      // CloudBase timer trigger: every minute (seven-field cron, seconds first).
      const config = { triggers: [{ name: 'every-minute', type: 'timer', config: '0 * * * * * *' }] };
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
    }
    const deps = Object.entries(dependencies).map(([n, v]) => `${n}@${v}`).join(', ');
    console.log(`cloudfunctions/${name}/index.js  ${(bytes / 1024).toFixed(1)} KiB  + installed in the cloud: ${deps || 'nothing'}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
