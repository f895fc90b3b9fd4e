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
  for (const k of ['WEAPP_APPID', 'CLOUD_ENV', 'TARO_APP_ID', 'WX_PLUGIN_WECHATSI', 'RP_WECHATSI_PLUGIN']) delete process.env[k];
  Object.assign(process.env, { RP_SETTINGS_FILE: path.join(os.tmpdir(), 'no-such-settings.env'), ...env });
  const { default: config } = (await import('../../config/index')) as unknown as {
    default: (merge: (...c: object[]) => object, env: object) => Promise<{ defineConstants: Record<string, string> }>;
  };
  return config((...parts) => Object.assign({}, ...parts), { command: 'build', mode: 'production' });
}

/** src/app.config.ts as Taro reads it in the build's process, after the Taro config ran (TARO_ENV is the platform). */
async function appConfig(platform: 'weapp' | 'h5') {
  process.env.TARO_ENV = platform;
  (globalThis as { defineAppConfig?: (c: object) => object }).defineAppConfig = (c) => c;
  vi.resetModules();
  const { default: config } = (await import('../../src/app.config')) as unknown as {
    default: { plugins?: Record<string, { version: string; provider: string }> };
  };
  return config;
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

  describe('voice input (微信同声传译, WX_PLUGIN_WECHATSI)', () => {
    it('without the switch, declares no plugin and tells the app there is no voice input', async () => {
      const c = await taroConfig({});
      expect(c.defineConstants.VOICE_PLUGIN).toBe('false');
      expect((await appConfig('weapp')).plugins).toBeUndefined();
    });

    it('with a plugin version, declares WechatSI from its provider and tells the app', async () => {
      const c = await taroConfig({ WX_PLUGIN_WECHATSI: '0.3.6' });
      expect(c.defineConstants.VOICE_PLUGIN).toBe('true');
      expect((await appConfig('weapp')).plugins).toEqual({ WechatSI: { version: '0.3.6', provider: 'wx069ba97219f66d99' } });
    });

    it('declares no plugin in the H5 build, which has none', async () => {
      await taroConfig({ WX_PLUGIN_WECHATSI: '0.3.6' });
      expect((await appConfig('h5')).plugins).toBeUndefined();
    });

    it('refuses to build with something that is not a version, saying what to write', async () => {
      await expect(taroConfig({ WX_PLUGIN_WECHATSI: 'yes' })).rejects.toThrow(/WX_PLUGIN_WECHATSI「yes」不是插件版本号/);
    });
  });
});
