import fs from 'node:fs';
import path from 'node:path';
import { type DeploySettings, deployBlockers } from '../../config/deploy-settings';
import { PACKAGE_LIMIT, packageSizes } from '../package-size';

/** WeChat's ceiling for all packages of one mini-program together. */
const TOTAL_LIMIT = 20 * 1024 * 1024;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** What the check found: the facts it printed and what keeps the project from being uploaded. */
export interface WeappCheck {
  readonly facts: string[];
  readonly missing: string[];
}

/**
 * Whether the built mini-program in `dist` can be uploaded as this deployment: the AppID and
 * environment are real ones and the build was made with them, every package is within WeChat's
 * size limits, and the upload key is there. Each failure is one sentence saying what to do.
 */
export function checkWeapp(dist: string, s: DeploySettings): WeappCheck {
  const facts: string[] = [];
  const missing = [...deployBlockers(s)];
  if (!fs.existsSync(path.join(dist, 'app.json'))) {
    missing.push(`未找到 ${path.join(dist, 'app.json')}：小程序还没有构建（npm run build:weapp）。`);
    return { facts, missing };
  }
  // A plugin declared for an AppID that has not added it fails the upload; one missing hides the microphone.
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as { plugins?: { WechatSI?: { version?: string } } };
  const builtVoice = app.plugins?.WechatSI?.version ?? '';
  if (builtVoice) facts.push(`app.json 插件 WechatSI（同声传译）: ${builtVoice}`);
  if (builtVoice !== s.wechatSiVersion)
    missing.push(`构建产物声明的同声传译插件（${builtVoice || '无'}）与 WX_PLUGIN_WECHATSI（${s.wechatSiVersion || '未设置'}）不同：请用当前设置重新构建。`);
  const configFile = path.join(dist, 'project.config.json');
  const config = fs.existsSync(configFile) ? (JSON.parse(fs.readFileSync(configFile, 'utf8')) as { appid?: string }) : null;
  if (!config) missing.push(`未找到 ${configFile}：请重新构建小程序。`);
  else {
    facts.push(`project.config.json appid: ${config.appid}`);
    if (config.appid !== s.appid) missing.push(`构建产物的 AppID（${config.appid}）与 WEAPP_APPID（${s.appid}）不同：请用当前设置重新构建。`);
  }
  // The environment id is compiled into the app code (Taro.cloud.init); an old build would talk to another environment.
  if (s.cloudEnv) {
    const built = filesUnder(dist).some((f) => f.endsWith('.js') && fs.readFileSync(f, 'utf8').includes(JSON.stringify(s.cloudEnv)));
    if (built) facts.push(`Taro.cloud.init env: ${s.cloudEnv}`);
    else missing.push(`构建产物里没有云开发环境 ${s.cloudEnv}：请用当前 CLOUD_ENV 重新构建。`);
  }
  const sizes = packageSizes(dist);
  let total = 0;
  for (const [name, bytes] of sizes) {
    total += bytes;
    facts.push(`包 ${name}: ${mb(bytes)}`);
    if (bytes > PACKAGE_LIMIT) missing.push(`包 ${name} 有 ${mb(bytes)}，超过微信单包 ${mb(PACKAGE_LIMIT)} 的上限。`);
  }
  if (total > TOTAL_LIMIT) missing.push(`全部分包共 ${mb(total)}，超过微信 ${mb(TOTAL_LIMIT)} 的上限。`);
  if (!s.privateKeyPath) missing.push('未设置上传密钥：请在微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传 生成密钥，并把它的路径设为 WEAPP_PRIVATE_KEY。');
  else if (!fs.existsSync(s.privateKeyPath)) missing.push(`上传密钥文件 ${s.privateKeyPath} 不存在（WEAPP_PRIVATE_KEY）。`);
  return { facts, missing };
}
