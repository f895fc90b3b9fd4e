import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deployBlockers, readDeploySettings, TOURIST_APPID } from '../../config/deploy-settings';

const file = (text: string) => {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'settings-')), '.env.local');
  fs.writeFileSync(f, text);
  return f;
};
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NONE = path.join(os.tmpdir(), 'no-such-settings.env');

describe('deployment settings (config/deploy-settings.ts)', () => {
  it('with nothing set, builds locally with the tourist AppID and WeChat’s default environment', () => {
    const s = readDeploySettings({}, NONE);
    expect([s.appid, s.cloudEnv, s.privateKeyPath]).toEqual([TOURIST_APPID, '', '']);
    expect(s.sources).toEqual({ WEAPP_APPID: 'unset', CLOUD_ENV: 'unset', WEAPP_PRIVATE_KEY: 'unset' });
  });

  it('reads the untracked local file, and an environment variable wins over it', () => {
    const f = file('WEAPP_APPID=wx1111111111111111\nCLOUD_ENV=rp-file-env\n# a comment\nWEAPP_PRIVATE_KEY=keys/upload.key\n');
    const s = readDeploySettings({ CLOUD_ENV: 'rp-shell-env' }, f);
    expect([s.appid, s.cloudEnv]).toEqual(['wx1111111111111111', 'rp-shell-env']);
    // A relative key path is taken from the repository root, wherever the command runs.
    expect(s.privateKeyPath).toBe(path.join(ROOT, 'keys/upload.key'));
    expect(s.sources).toEqual({ WEAPP_APPID: 'file', CLOUD_ENV: 'env', WEAPP_PRIVATE_KEY: 'file' });
  });

  it('refuses to deploy with the tourist AppID, an AppID of the wrong shape, or no environment', () => {
    expect(deployBlockers(readDeploySettings({}, NONE)).join('\n')).toMatch(/游客 AppID[\s\S]*CLOUD_ENV/);
    expect(deployBlockers(readDeploySettings({ WEAPP_APPID: 'my-app', CLOUD_ENV: 'e' }, NONE))).toEqual([expect.stringContaining('不像小程序 AppID')]);
    expect(deployBlockers(readDeploySettings({ WEAPP_APPID: 'wx0123456789abcdef', CLOUD_ENV: 'rp-1' }, NONE))).toEqual([]);
  });

  it('asks only for what a step needs: functions and the database need no AppID', () => {
    expect(deployBlockers(readDeploySettings({ CLOUD_ENV: 'rp-1' }, NONE), ['cloudEnv'])).toEqual([]);
  });

  it('turns voice input on with a 同声传译 version; anything else blocks the mini-program’s upload, not the functions', () => {
    expect(readDeploySettings({}, NONE).wechatSiVersion).toBe('');
    expect(readDeploySettings({}, file('WX_PLUGIN_WECHATSI=0.3.6\n')).wechatSiVersion).toBe('0.3.6');
    const wrong = readDeploySettings({ WEAPP_APPID: 'wx0123456789abcdef', CLOUD_ENV: 'rp-1', WX_PLUGIN_WECHATSI: 'on' }, NONE);
    expect(deployBlockers(wrong)).toEqual([expect.stringContaining('WX_PLUGIN_WECHATSI「on」不是插件版本号')]);
    expect(deployBlockers(wrong, ['cloudEnv'])).toEqual([]);
  });
});
