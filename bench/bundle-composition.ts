/**
 * What a cloud function bundle is made of: the build's own recipe (scripts/function-bundle.ts), in
 * memory, with a metafile; bytes in the output per package. Explains the bundle size and so its cold load.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { functionBundle } from '../scripts/function-bundle';
import { round } from './lib/stats';

export interface Composition {
  readonly fn: string;
  readonly totalKb: number;
  /** The project's own code (core/ and backend/) in the bundle. */
  readonly appKb: number;
  /** Distinct npm packages bundled. */
  readonly packages: number;
  readonly parts: { readonly part: string; readonly kb: number; readonly share: number }[];
}

const partOf = (input: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (m) return m[1]!;
  return input.startsWith('core/') ? 'app: core/' : input.startsWith('backend/') ? 'app: backend/' : input;
};

export async function bundleComposition(root: string, fn = 'orders'): Promise<Composition> {
  const result = await build({ ...functionBundle(root, fn), outfile: path.join(root, '.bench', `${fn}.js`), write: false, logLevel: 'silent', metafile: true });
  const output = Object.values(result.metafile.outputs)[0]!;
  const parts = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) parts.set(partOf(input), (parts.get(partOf(input)) ?? 0) + bytesInOutput);
  const total = output.bytes;
  const app = [...parts].filter(([p]) => p.startsWith('app:')).reduce((s, [, b]) => s + b, 0);
  return {
    fn,
    totalKb: round(total / 1024, 1),
    appKb: round(app / 1024, 1),
    packages: Object.keys(output.inputs).reduce((set, input) => (input.includes('node_modules/') ? set.add(partOf(input)) : set), new Set<string>()).size,
    parts: [...parts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([part, bytes]) => ({ part, kb: round(bytes / 1024, 1), share: round(bytes / total, 3) })),
  };
}
