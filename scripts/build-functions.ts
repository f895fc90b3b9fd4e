// `npm run build:functions`: one self-contained index.js per cloud function, for CloudBase to run
// as it is. Sources stay out of cloudfunctions/ (a folder holding index.ts beside index.js fails
// to deploy); each folder gets the bundle and a package.json with nothing to install.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
// Each function lives in backend/functions/<name>.function.ts and exports a handler named <name>.
import { FUNCTIONS, SCHEDULED } from '../backend/functions/registry';
import { readCloudbaseRc } from './deploy/functions-plan';
import { functionBundle } from './function-bundle';

const root = path.resolve(__dirname, '..');
const outRoot = path.join(root, 'cloudfunctions');

/**
 * A function's config.json: its timer triggers, and the permission to send subscribe messages
 * (云调用 subscribeMessage.send) when cloudbaserc.json gives it the template ids. Null: none needed.
 */
export function functionConfig(f: { triggers?: readonly unknown[]; envVariables?: Readonly<Record<string, string>> } | undefined): object | null {
  const sends = f?.envVariables && 'WX_TMPL_ORDER_PROGRESS' in f.envVariables;
  const triggers = f?.triggers?.length ? f.triggers : null;
  if (!sends && !triggers) return null;
  return { ...(sends && { permissions: { openapi: ['subscribeMessage.send'] } }), ...(triggers && { triggers }) };
}

/** Builds every function of the registry; returns each bundle's size in bytes. */
export async function buildFunctions(log: (line: string) => void = console.log): Promise<{ name: string; bytes: number }[]> {
  const declared = new Map(readCloudbaseRc(root).functions.map((f) => [f.name, f]));
  const built: { name: string; bytes: number }[] = [];
  for (const name of [...Object.keys(FUNCTIONS), ...Object.keys(SCHEDULED)]) {
    const dir = path.join(outRoot, name);
    fs.mkdirSync(dir, { recursive: true });
    const result = await build({ ...functionBundle(root, name), outfile: path.join(dir, 'index.js'), logLevel: 'warning', metafile: true });
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    const pkg = { name, version: '1.0.0', private: true, main: 'index.js', description: `红色物业 · ${name} cloud function (built bundle)` };
    fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    // WeChat DevTools reads a function's triggers and 云调用 permissions from its config.json;
    // `tcb fn deploy` reads cloudbaserc.json. Both come from the one declaration there.
    const config = functionConfig(declared.get(name));
    // Written as Biome formats it (a one-string list on one line), so a build leaves the tracked file unchanged.
    if (config) fs.writeFileSync(path.join(dir, 'config.json'), `${JSON.stringify(config, null, 2).replace(/\[\n\s+("[^"\n]*")\n\s+\]/g, '[$1]')}\n`);
    log(`cloudfunctions/${name}/index.js  ${(bytes / 1024).toFixed(1)} KiB`);
    built.push({ name, bytes });
  }
  return built;
}

// Run as a script (not imported by the deploy command).
if (path.resolve(process.argv[1] ?? '') === __filename) {
  buildFunctions().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
