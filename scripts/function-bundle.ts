import { build, transform, type BuildOptions, type Plugin } from 'esbuild';
import { isBuiltin } from 'node:module';
import fs from 'node:fs';
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
    plugins: [
      leaveOut(UNUSED_PACKAGES),
      leaveOutFiles(root, UNUSED_FILES),
      compileOnFirstUse(root, ON_FIRST_USE),
      textUntilRequired(root, TEXT_UNTIL_REQUIRED),
      requireOnFirstUse(root, REQUIRED_ON_FIRST_USE),
      builtinsOnFirstUse(BUILTINS_ON_FIRST_USE),
      sdkVersionAsText(root),
      replaceBson(root),
    ],
  };
}

/**
 * Packages the CloudBase SDK requires when it loads but that no function of ours ever calls. Each is
 * replaced by a stand-in that loads as nothing and throws, naming the package, if anything ever
 * calls into it: a missing part fails loudly, never silently. What we do call — the database,
 * `auth().getUserInfo()`, `getTempFileURL` and `callWxOpenApi` — is proven to work from a bundle by
 * tests/cloud/bundle-sdk-calls.test.ts.
 */
export const UNUSED_PACKAGES = [
  // The AI and mini-program client parts, with their web-streams polyfills (app.ai(), app.models).
  '@cloudbase/ai',
  '@cloudbase/app',
  '@cloudbase/adapter-wx_mp',
  '@cloudbase/wx-cloud-client-sdk',
  'web-streams-polyfill',
  '@mattiasbuelens/web-streams-adapter',
  // Custom-login tickets (auth().createTicket).
  'jsonwebtoken',
  // The storage upload/download path: XML of COS answers, MIME types, multipart forms. Photos need
  // only temporary URLs, which are one JSON request.
  'xml2js',
  'mime-types',
  'form-data',
  // Only two uses: `app.requestClient` (a shim for an extension CLI) and the metadata-server probe
  // that tells the SDK it runs on Tencent Cloud, which it skips inside a function
  // (TENCENTCLOUD_RUNENV=SCF) and which swallows the stand-in's error anywhere else. With axios go
  // follow-redirects, debug, supports-color and proxy-from-env, and Node's zlib, assert, tty and os.
  'axios',
  // Agents for `init({ proxy })`, which we never pass.
  'https-proxy-agent',
  'http-proxy-agent',
  // Retries only when `init({ retries })` or a call's `retryOptions` asks for them; we never do.
  'retry',
] as const;

/**
 * Files inside the SDK's packages (paths under node_modules/) that its entry requires but none of
 * our calls reaches, left out the same way: the SDK's AI, Cloud Run (callContainer), analytics,
 * template-notification, CLS logger and callFunction modules, and the database's realtime `watch()`
 * client (with lodash.set, lodash.unset and lodash.clonedeep, which only it uses).
 */
export const UNUSED_FILES = [
  '@cloudbase/node-sdk/dist/ai/index.js',
  '@cloudbase/node-sdk/dist/cloudrun/index.js',
  '@cloudbase/node-sdk/dist/analytics/index.js',
  '@cloudbase/node-sdk/dist/notification/index.js',
  '@cloudbase/node-sdk/dist/logger/index.js',
  '@cloudbase/node-sdk/dist/functions/index.js',
  '@cloudbase/database/dist/commonjs/realtime/websocket-client.js',
] as const;

/**
 * Packages only a rare action uses: the XLSX writer (exports of 考核, volunteer hours, households)
 * and the unzipper that reads an imported sheet. Even unevaluated, their code costs a cold start its
 * parse (in manage and statistics, about a third of the load). Each is bundled on its own, carried in
 * the bundle as text, and compiled and evaluated on the first use of one of its exports.
 */
export const ON_FIRST_USE = ['write-excel-file/node', 'fflate'] as const;

/**
 * Modules the SDK requires at its start that only some calls need, each required instead on the
 * first use of one of its exports (files under node_modules/ → what they require): its storage
 * module (temporary photo addresses) and its 云调用 module (subscribe messages); Node's https and the
 * keep-alive agents, which a request inside a function never uses (it goes over http to the
 * environment's internal address, without keep-alive: TENCENTCLOUD_RUNENV=SCF); and the SDK's token
 * reader's fs, used only inside Cloud Run (its __importStar copied all of fs's exports at load).
 */
export const REQUIRED_ON_FIRST_USE: Readonly<Record<string, readonly string[]>> = {
  '@cloudbase/node-sdk/dist/cloudbase.js': ['./storage', './wx'],
  '@cloudbase/node-sdk/dist/utils/request-core.js': ['https', 'agentkeepalive'],
  '@cloudbase/node-sdk/dist/utils/wxCloudToken.js': ['fs'],
};

/**
 * Files (under node_modules/) that only the modules above require, and only on first use: the SDK's
 * storage and 云调用 modules and the keep-alive agents with their two helpers. Each is carried as
 * text and compiled when it is first required, so a load does not pre-parse code it never runs
 * (V8 pre-parses every function of the bundle's one script; a string it only scans).
 */
export const TEXT_UNTIL_REQUIRED = [
  '@cloudbase/node-sdk/dist/storage/index.js',
  '@cloudbase/node-sdk/dist/wx/index.js',
  'agentkeepalive/index.js',
  'agentkeepalive/lib/agent.js',
  'agentkeepalive/lib/https_agent.js',
  'agentkeepalive/lib/constants.js',
  'humanize-ms/index.js',
  'ms/index.js',
] as const;

/**
 * Node built-ins that only a request uses, loaded when one of their exports is first read rather
 * than when the bundle loads: crypto (the SDK's request signer; our ids and request digests, which
 * only writes make) and http (sending the request). A function's first call signs and sends one
 * request, so that call loads them as before: they move from the load to the first call, whose
 * total stays the same (bench/cold-load.ts measures both), and a load alone — a warm-up, a call
 * answered before any request — no longer pays for them (≈ 4 ms: crypto ≈ 2.7 ms, http ≈ 1.5 ms).
 */
export const BUILTINS_ON_FIRST_USE = ['crypto', 'http'] as const;

/** One Proxy factory shared by every stand-in of a bundle. */
const STAND_IN_FACTORY = `const fail = (name) => () => { throw new Error(name + ' is left out of this cloud function bundle (scripts/function-bundle.ts)'); };
const standIn = (name, path = name) => new Proxy(function () {}, {
  get: (_, key) => (key === '__esModule' ? false : typeof key === 'symbol' || key === 'then' ? undefined : standIn(name, path + '.' + String(key))),
  apply: fail(name),
  construct: fail(name),
});
module.exports = standIn;`;
const STAND_IN = 'module.exports = require("left-out:stand-in")(NAME);';

function leaveOut(packages: readonly string[]): Plugin {
  const pattern = new RegExp(`^(${packages.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})(/|$)`);
  return {
    name: 'leave-out-unused-packages',
    setup(b) {
      b.onResolve({ filter: pattern }, (args) => ({ path: args.path, namespace: 'left-out' }));
      b.onResolve({ filter: /^left-out:stand-in$/ }, () => ({ path: 'stand-in', namespace: 'left-out-factory' }));
      b.onLoad({ filter: /.*/, namespace: 'left-out-factory' }, () => ({ contents: STAND_IN_FACTORY, loader: 'js' }));
      b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({ contents: STAND_IN.replace('NAME', JSON.stringify(args.path)), loader: 'js' }));
    },
  };
}

/**
 * Where esbuild sees a file under node_modules/: its real path (node_modules may be a link). A file
 * the lists name that is no longer installed fails the build instead of being silently kept.
 */
const installed = (root: string, file: string) => fs.realpathSync(path.join(root, 'node_modules', file));

/** Relative requires that land on one of `files` get the stand-in. */
function leaveOutFiles(root: string, files: readonly string[]): Plugin {
  const absolute = new Map(files.map((f) => [installed(root, f), f]));
  return {
    name: 'leave-out-unused-files',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const base = path.resolve(args.resolveDir, args.path);
        const hit = [base, `${base}.js`, path.join(base, 'index.js')].find((p) => absolute.has(p));
        return hit ? { path: absolute.get(hit)!, namespace: 'left-out' } : undefined;
      });
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

/**
 * The SDK reads its version for its User-Agent from `../../package.json` beside its own file at load;
 * in a bundle that path is wherever the function lies (in this repository, our own package.json). The
 * bundle carries the installed SDK's version as text instead: no file read at load, the right header.
 */
function sdkVersionAsText(root: string): Plugin {
  const file = installed(root, '@cloudbase/node-sdk/dist/utils/version.js');
  return {
    name: 'sdk-version-as-text',
    setup(b) {
      b.onLoad({ filter: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, (args) => {
        if (args.path !== file) return undefined;
        const { version } = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@cloudbase/node-sdk/package.json'), 'utf8')) as { version: string };
        return { contents: `exports.version = ${JSON.stringify(version)};`, loader: 'js' };
      });
    },
  };
}

/**
 * A package as a module whose exports are getters: the first one read compiles the package's own
 * self-contained bundle (kept as a string) and evaluates it; until then it costs the load only the
 * scan of a string literal. Node's `require` is handed in for the built-ins it needs.
 */
function compileOnFirstUse(root: string, packages: readonly string[]): Plugin {
  const pattern = new RegExp(`^(${packages.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
  return {
    name: 'compile-on-first-use',
    setup(b) {
      b.onResolve({ filter: pattern }, (args) => ({ path: args.path, namespace: 'on-first-use' }));
      b.onLoad({ filter: /.*/, namespace: 'on-first-use' }, async (args) => {
        const own = {
          entryPoints: [args.path],
          absWorkingDir: root,
          bundle: true,
          platform: 'node',
          target: 'node16',
          minify: true,
          legalComments: 'none',
          write: false,
          metafile: true,
        } satisfies BuildOptions;
        const [esm, cjs] = await Promise.all([build({ ...own, format: 'esm' }), build({ ...own, format: 'cjs' })]);
        const output = Object.values(cjs.metafile.outputs)[0]!;
        const external = output.imports.filter((i) => !isBuiltin(i.path)).map((i) => i.path);
        if (external.length) throw new Error(`${args.path} needs ${external.join(', ')} at run time: it cannot be compiled on first use`);
        const names = Object.values(esm.metafile.outputs)[0]!.exports;
        const contents = `let loaded;
const load = () => {
  if (!loaded) {
    const m = { exports: {} };
    new Function('module', 'exports', 'require', ${JSON.stringify(`${cjs.outputFiles[0]!.text}\n//# sourceURL=${args.path}`)})(m, m.exports, require);
    loaded = m.exports;
  }
  return loaded;
};
Object.defineProperty(exports, '__esModule', { value: true });
for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`;
        return { contents, loader: 'js', resolveDir: root };
      });
    },
  };
}

/**
 * Rewrites `const x = require("m");` (or wrapped in __importDefault/__importStar) in the listed files
 * into a module object that requires "m" when one of its properties is first read. The SDK's version
 * is pinned: a statement no longer found fails the build rather than silently staying eager.
 */
function requireOnFirstUse(root: string, files: Readonly<Record<string, readonly string[]>>): Plugin {
  const wanted = new Map(Object.entries(files).map(([file, specs]) => [installed(root, file), specs]));
  const helper = 'function __onFirstUse(load) { let m; return new Proxy({}, { get: (_, key) => (m || (m = load()))[key] }); }';
  return {
    name: 'require-on-first-use',
    setup(b) {
      b.onLoad({ filter: /[\\/]node_modules[\\/]@cloudbase[\\/]/ }, (args) => {
        const specs = wanted.get(args.path);
        if (!specs) return undefined;
        let source = fs.readFileSync(args.path, 'utf8');
        for (const spec of specs) {
          const escaped = spec.replace(/[./]/g, '\\$&');
          const statement = new RegExp(`^const (\\w+) = (__importDefault\\(|__importStar\\()?require\\("${escaped}"\\)(\\)?);$`, 'm');
          if (!statement.test(source)) throw new Error(`${args.path} no longer requires "${spec}" as expected: update REQUIRED_ON_FIRST_USE`);
          source = source.replace(
            statement,
            (_, name: string, wrap = '', close = '') => `const ${name} = __onFirstUse(() => ${wrap}require("${spec}")${close});`,
          );
        }
        return { contents: `${source}\n${helper}\n`, loader: 'js' };
      });
    },
  };
}

/**
 * Every import of the listed built-ins (`crypto` or `node:crypto`, from our code or the SDK's)
 * becomes one module with no properties of its own whose prototype reads each name through from
 * the built-in, required on the first read. Everything reads as before: `require("crypto").createHash`,
 * `__importDefault(require("http")).default.request`, `instanceof http.ClientRequest`, and
 * esbuild's `import { randomUUID }` (its interop object copies own properties, here none, and
 * keeps the prototype). Nothing is copied per importer, and no name list is fixed at build time.
 */
function builtinsOnFirstUse(builtins: readonly string[]): Plugin {
  const pattern = new RegExp(`^(node:)?(${builtins.join('|')})$`);
  return {
    name: 'builtins-on-first-use',
    setup(b) {
      b.onResolve({ filter: pattern }, (args) =>
        // The module's own require is the built-in itself.
        args.namespace === 'builtin-on-first-use'
          ? { path: args.path, external: true }
          : { path: args.path.replace(/^node:/, ''), namespace: 'builtin-on-first-use' },
      );
      b.onLoad({ filter: /.*/, namespace: 'builtin-on-first-use' }, (args) => {
        // Interop helpers ask whether it is an ES module before anything is used: it is not.
        const contents = `let loaded;
const load = () => loaded || (loaded = require(${JSON.stringify(args.path)}));
module.exports = Object.create(new Proxy({}, { get: (_, key) => (key === '__esModule' ? undefined : load()[key]) }));`;
        return { contents, loader: 'js' };
      });
    },
  };
}

/**
 * Each listed CommonJS file becomes a module that, when it is required, compiles the file's own
 * source (minified, kept as a string) and runs it with a `require` that answers only the literal
 * requires found in that source, each bundled as usual (so a sibling module is the bundle's one
 * instance, a left-out package its stand-in). A require the build cannot read fails the build.
 */
function textUntilRequired(root: string, files: readonly string[]): Plugin {
  const wanted = new Map(files.map((f) => [installed(root, f), f]));
  return {
    name: 'text-until-required',
    setup(b) {
      b.onLoad({ filter: /[\\/]node_modules[\\/]/ }, async (args) => {
        const name = wanted.get(args.path);
        if (!name) return undefined;
        const { code } = await transform(fs.readFileSync(args.path, 'utf8'), { loader: 'js', minify: true, target: 'node16', legalComments: 'none' });
        const specs = [...code.matchAll(/\brequire\((["'`])([^"'`]+)\1\)/g)].map((m) => m[2]!);
        if ((code.match(/\brequire\b/g) ?? []).length !== specs.length)
          throw new Error(`${name} requires something the build cannot read: it cannot be carried as text`);
        const deps = [...new Set(specs)].map((spec) => `${JSON.stringify(spec)}: () => require(${JSON.stringify(spec)})`).join(',\n  ');
        const contents = `const deps = {
  ${deps}
};
// As Node runs a module: \`this\` is its exports.
new Function('exports', 'require', 'module', ${JSON.stringify(`${code}\n//# sourceURL=${name}`)}).call(module.exports, module.exports, (id) => deps[id](), module);`;
        return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}
