import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, SCHEDULED } from '@backend/functions/registry';
import { databaseSchema } from '@backend/storage/cloudbase/schema';

/**
 * The three deploy commands run here as a person runs them, with no account, no AppID and no key:
 * each dry run prints its plan and says what a real deploy still needs; the real commands refuse
 * with the same plain reasons. The local settings file is pointed at nothing, so a developer's
 * own .env.local cannot change what these see.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NAMES = [...Object.keys(FUNCTIONS), ...Object.keys(SCHEDULED)];
const DEPLOY_VARS = /^(WEAPP_|CLOUD_ENV$|TCB_|TENCENTCLOUD_|TARO_APP_ID$)/;
const bare = Object.fromEntries(Object.entries(process.env).filter(([k]) => !DEPLOY_VARS.test(k)));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('npx', ['tsx', `scripts/deploy/${script}.ts`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...bare, RP_SETTINGS_FILE: path.join(os.tmpdir(), 'no-such-settings.env'), ...env } as unknown as NodeJS.ProcessEnv,
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run deploy:functions -- --dry-run', () => {
  beforeAll(() => {
    // `npm test` builds the bundles first; a lone run of this file builds them if missing.
    if (NAMES.some((n) => !fs.existsSync(path.join(ROOT, 'cloudfunctions', n, 'index.js')))) run('../build-functions', []);
  }, 120_000);

  it('prints every function with its runtime, memory, timeout, triggers and bundle, and deploys nothing', () => {
    const { code, out } = run('functions', ['--dry-run', '--skip-build']);
    expect(code).toBe(0);
    for (const name of NAMES)
      expect(out).toMatch(new RegExp(`^${name}\\s+Nodejs\\d+\\.\\d+\\s+\\d+ MB\\s+\\d+ s\\s+.*cloudfunctions/${name}/index\\.js \\(\\d+\\.\\d KiB\\)`, 'm'));
    expect(out).toContain('timer every-minute "0 * * * * * *"');
    expect(out).toContain('将执行: tcb fn deploy --all --force --yes -e <CLOUD_ENV> --config-file cloudbaserc.json');
    expect(out).toContain('真正部署前还需: 未设置云开发环境 ID');
    expect(out).toContain('未部署任何内容');
  });

  it('refuses a real deploy without an environment, saying so', () => {
    const { code, out } = run('functions', ['--skip-build']);
    expect(code).toBe(1);
    expect(out).toContain('无法部署云函数');
    expect(out).toContain('请设置 CLOUD_ENV');
  });
});

describe('npm run deploy:database -- --dry-run', () => {
  it('prints every collection, index, client rule and the storage rule of a new environment, and changes nothing', () => {
    const { code, out } = run('database', ['--dry-run']);
    expect(code).toBe(0);
    for (const c of databaseSchema()) {
      expect(out).toContain(`创建集合 ${c.name}\n`);
      expect(out).toContain(`设置集合 ${c.name} 的安全规则 {"read":false,"write":false}`);
      for (const i of c.indexes) expect(out).toContain(`创建索引 ${c.name}.${i.name} (`);
    }
    expect(out).toContain('设置云存储安全规则');
    expect(out).toContain('TCB_SECRET_ID');
    expect(out).toContain('未修改任何内容');
  });

  it('refuses to run for real without an environment and an API key', () => {
    const { code, out } = run('database', []);
    expect(code).toBe(1);
    expect(out).toContain('请设置 CLOUD_ENV');
    expect(out).toContain('未设置腾讯云 API 密钥');
  });
});

describe('npm run deploy:weapp (checked against a small built project)', () => {
  const APPID = 'wx0123456789abcdef';
  const ENV = 'rp-test-9z8y7x';
  let dist: string;
  let key: string;
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-'));
    dist = path.join(dir, 'dist');
    fs.mkdirSync(path.join(dist, 'resident'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'app.json'), JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'resident' }] }));
    fs.writeFileSync(path.join(dist, 'project.config.json'), JSON.stringify({ appid: APPID, miniprogramRoot: './' }));
    fs.writeFileSync(path.join(dist, 'common.js'), `wx.cloud.init({env:${JSON.stringify(ENV)}})`);
    fs.writeFileSync(path.join(dist, 'resident', 'index.js'), '1');
    key = path.join(dir, 'private.key');
  });

  it('with nothing set, says the tourist AppID, the environment and the upload key are missing', () => {
    const { code, out } = run('weapp', ['--dry-run', '--skip-build', '--preview', '--dist', dist]);
    expect(code).toBe(0);
    expect(out).toContain('还不能上传');
    expect(out).toContain('游客 AppID（touristappid）');
    expect(out).toContain('未设置云开发环境 ID');
    expect(out).toContain('未设置上传密钥');
    expect(out).toContain('包 resident: 0.00 MB');
  });

  it('with the AppID, environment and key of the build, says the project can be uploaded', () => {
    fs.writeFileSync(key, 'not a real key, only its presence is checked');
    const { code, out } = run('weapp', ['--dry-run', '--skip-build', '--upload', '--version', '1.2.3', '--dist', dist], {
      WEAPP_APPID: APPID,
      CLOUD_ENV: ENV,
      WEAPP_PRIVATE_KEY: key,
    });
    expect(code).toBe(0);
    expect(out).toContain(`将上传版本 1.2.3`);
    expect(out).toContain(`Taro.cloud.init env: ${ENV}`);
    expect(out).toContain('项目可以上传');
  });

  it('refuses a build made for another environment', () => {
    const { code, out } = run('weapp', ['--skip-build', '--preview', '--dist', dist], {
      WEAPP_APPID: APPID,
      CLOUD_ENV: 'rp-other-env',
      WEAPP_PRIVATE_KEY: key,
    });
    expect(code).toBe(1);
    expect(out).toContain('构建产物里没有云开发环境 rp-other-env');
  });
});
