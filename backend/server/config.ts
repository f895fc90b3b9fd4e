import path from 'node:path';

/**
 * Where the local server keeps things and how it is reached; every path can be overridden by the
 * environment. Dev mode (`--dev`, which `npm start` passes) turns on the demo identity and the dev
 * routes; it is for one person on their own machine, so it is refused off loopback.
 */
export function serverConfig(env: Readonly<Record<string, string | undefined>> = process.env, argv: readonly string[] = process.argv.slice(2)) {
  const root = path.resolve(__dirname, '..', '..');
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(root, '.data'));
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    /** The name clients use when it is not the bound address (a server bound to 0.0.0.0 behind a name). */
    serverName: env.SERVER_NAME ?? null,
    dev: argv.includes('--dev'),
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    h5Dir: path.resolve(env.H5_DIR ?? path.join(root, 'dist-h5')),
    sweepEveryMs: Number(env.SWEEP_EVERY_MS ?? 60_000),
  };
}

export type ServerConfig = ReturnType<typeof serverConfig>;

/** Whether an address (or the name `localhost`) reaches only this machine. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/** Why this configuration must not start, or null: dev mode lets anyone act as anyone, so never off loopback. */
export function configRefusal(config: Pick<ServerConfig, 'dev' | 'host'>): string | null {
  if (config.dev && !isLoopback(config.host)) {
    return `开发模式（演示身份 X-Dev-User 与 /api/dev/*）只能绑定本机地址，不能绑定 ${config.host}：局域网里的任何人都能冒充任何角色。请去掉 HOST 或设为 127.0.0.1；要对外提供服务，请不带 --dev 启动。`;
  }
  return null;
}
