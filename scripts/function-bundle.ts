import type { BuildOptions, Plugin } from 'esbuild';
import path from 'node:path';

/**
 * How one cloud function is bundled: an entry importing only that function's module (not the
 * registry, so each bundle holds only its own code), wrapped as CloudBase's `main`, built for Node 16
 * as one minified CommonJS file. Shared by the build and the benchmark that explains its size.
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
    plugins: [leaveOut(UNUSED_PACKAGES), replaceBson(root)],
  };
}

/**
 * Packages the CloudBase SDK requires when it loads but that no function of ours ever calls: its
 * AI and mini-program client parts (with their web-streams polyfills), custom-login tickets (JWT),
 * and the storage upload/download path (XML of COS answers, MIME types and multipart forms; photos
 * need only temporary URLs). Leaving them out takes each bundle from about 1.05 MB to a third and
 * cuts the cold load accordingly. Each is replaced by a stand-in that loads as nothing and throws,
 * naming the package, if anything ever calls into it: a missing part fails loudly, never silently.
 */
export const UNUSED_PACKAGES = [
  '@cloudbase/ai',
  '@cloudbase/app',
  '@cloudbase/adapter-wx_mp',
  '@cloudbase/wx-cloud-client-sdk',
  'web-streams-polyfill',
  '@mattiasbuelens/web-streams-adapter',
  'jsonwebtoken',
  'xml2js',
  'mime-types',
  'form-data',
] as const;

const STAND_IN = `const name = NAME;
const fail = () => { throw new Error(name + ' is left out of this cloud function bundle (scripts/function-bundle.ts)'); };
const standIn = (path) => new Proxy(function () {}, {
  get: (_, key) => (key === '__esModule' ? false : typeof key === 'symbol' || key === 'then' ? undefined : standIn(path + '.' + String(key))),
  apply: fail,
  construct: fail,
});
module.exports = standIn(name);`;

function leaveOut(packages: readonly string[]): Plugin {
  const pattern = new RegExp(`^(${packages.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})(/|$)`);
  return {
    name: 'leave-out-unused-packages',
    setup(b) {
      b.onResolve({ filter: pattern }, (args) => ({ path: args.path, namespace: 'left-out' }));
      b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({ contents: STAND_IN.replace('NAME', JSON.stringify(args.path)), loader: 'js' }));
    },
  };
}

/**
 * The database client uses only bson's EJSON (canonical stringify, relaxed parse): the bundles get
 * backend/cloud/ejson-lite.ts instead of the whole package, held to bson's output by a spec.
 */
function replaceBson(root: string): Plugin {
  return {
    name: 'ejson-lite-for-bson',
    setup(b) {
      b.onResolve({ filter: /^bson$/ }, () => ({ path: path.join(root, 'backend/cloud/ejson-lite.ts') }));
    },
  };
}
