import path from 'node:path';

/** Where the local server keeps things; every path can be overridden by the environment. */
export function serverConfig(env: NodeJS.ProcessEnv = process.env) {
  const root = path.resolve(__dirname, '..', '..');
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(root, '.data'));
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    h5Dir: path.resolve(env.H5_DIR ?? path.join(root, 'dist-h5')),
    sweepEveryMs: Number(env.SWEEP_EVERY_MS ?? 60_000),
  };
}
