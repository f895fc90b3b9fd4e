import type { BuildOptions } from 'esbuild';
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
  };
}
