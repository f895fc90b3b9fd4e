import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The weapp build takes the deployment's settings: the Taro config hands the AppID to Taro's
 * project.config.json writer (TARO_APP_ID) and compiles the environment id into Taro.cloud.init
 * (the CLOUD_ENV constant). Checked on the config itself, without running a build.
 */
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function taroConfig(env: Record<string, string>) {
  for (const k of ['WEAPP_APPID', 'CLOUD_ENV', 'TARO_APP_ID']) delete process.env[k];
  Object.assign(process.env, { RP_SETTINGS_FILE: path.join(os.tmpdir(), 'no-such-settings.env'), ...env });
  const { default: config } = (await import('../../config/index')) as unknown as {
    default: (merge: (...c: object[]) => object, env: object) => Promise<{ defineConstants: Record<string, string> }>;
  };
  return config((...parts) => Object.assign({}, ...parts), { command: 'build', mode: 'production' });
}

describe('the weapp build configuration (config/index.ts)', () => {
  it('builds for the configured AppID and environment', async () => {
    const c = await taroConfig({ WEAPP_APPID: 'wx0123456789abcdef', CLOUD_ENV: 'rp-prod-1a2b' });
    expect(process.env.TARO_APP_ID).toBe('wx0123456789abcdef');
    expect(c.defineConstants.CLOUD_ENV).toBe('"rp-prod-1a2b"');
  });

  it('with nothing set, builds with the tourist AppID for WeChat’s default environment', async () => {
    const c = await taroConfig({});
    expect(process.env.TARO_APP_ID).toBe('touristappid');
    expect(c.defineConstants.CLOUD_ENV).toBe('""');
  });
});
