// `npm run deploy:weapp -- --preview` or `-- --upload [--version 1.2.0] [--desc 说明]`: builds the
// mini-program with this deployment's AppID and environment and sends it to WeChat with
// miniprogram-ci (a preview QR code, or a version for 提交审核). Without the upload key, or with
// `--dry-run`, it only checks the project and says plainly what is missing.
import path from 'node:path';
import { readDeploySettings } from '../../config/deploy-settings';
import { flagValue, hasFlag, ROOT, runBin, stop } from './cli';
import { checkWeapp } from './weapp-check';

async function main() {
  const dryRun = hasFlag('dry-run');
  const mode = hasFlag('upload') ? 'upload' : hasFlag('preview') ? 'preview' : null;
  const dist = path.resolve(ROOT, flagValue('dist') ?? 'dist');
  const settings = readDeploySettings();
  if (!hasFlag('skip-build')) runBin(['taro', 'build', '--type', 'weapp']);

  const { facts, missing } = checkWeapp(dist, settings);
  for (const f of facts) console.log(`  ${f}`);
  const version = flagValue('version') ?? (require(path.join(ROOT, 'package.json')) as { version: string }).version;
  const desc = flagValue('desc') ?? `红色物业 ${version}`;
  if (dryRun || !mode) {
    const what = mode === 'upload' ? `将上传版本 ${version}（${desc}）` : mode === 'preview' ? '将生成预览二维码' : '只检查（加 --preview 或 --upload 才上传）';
    console.log(`\n[检查] ${what}：AppID ${settings.appid}，云开发环境 ${settings.cloudEnv || '(未设置)'}，项目 ${path.relative(ROOT, dist)}/`);
    if (missing.length) {
      console.log('[检查] 还不能上传，缺少：');
      for (const m of missing) console.log(`  - ${m}`);
    } else console.log('[检查] 项目可以上传。');
    return;
  }
  if (missing.length) stop('无法上传小程序', missing);

  // Loaded only here: it is large and needed only when something is really sent to WeChat.
  const ci = await import('miniprogram-ci');
  const project = new ci.Project({
    appid: settings.appid,
    type: 'miniProgram',
    projectPath: dist,
    privateKeyPath: settings.privateKeyPath,
    ignores: ['node_modules/**/*'],
  });
  const setting = { es6: false, minify: false }; // Taro already compiled and minified the code
  if (mode === 'preview') {
    const qrcode = path.join(ROOT, 'preview-qrcode.jpg');
    await ci.preview({ project, version, desc, setting, robot: 1, qrcodeFormat: 'image', qrcodeOutputDest: qrcode });
    console.log(`✓ 预览二维码: ${qrcode}（用开发者或体验者的微信扫码）`);
  } else {
    await ci.upload({ project, version, desc, setting, robot: 1 });
    console.log(`✓ 已上传版本 ${version}：到微信公众平台 → 版本管理 设为体验版或提交审核。`);
  }
}

main().catch((e: unknown) => stop('上传小程序失败', [e instanceof Error ? e.message : String(e)]));
