import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Where this deployment lives: the mini-program's AppID, the CloudBase environment and the
 * mini-program upload key. Read from the process environment first, then from the untracked
 * `.env.local` at the repository root (copied from `.env.example`), so nothing of a deployment is
 * ever committed (RP_SETTINGS_FILE names another file: the tests point it at none). Lives in config/ because Taro compiles only that folder when it loads its config;
 * the deploy scripts import it from here too.
 */
export interface DeploySettings {
  /** The WeChat AppID; the tourist AppID when none is set, good for local builds only. */
  readonly appid: string;
  /** The CloudBase environment id; empty when none is set (the app then asks WeChat for its default). */
  readonly cloudEnv: string;
  /** Path of the mini-program upload key (微信公众平台 → 开发设置 → 小程序代码上传), if any. */
  readonly privateKeyPath: string;
  /**
   * The subscribe-message template ids (微信公众平台 → 订阅消息), by variable name: the app asks for
   * consent to them and the functions send through them (docs/deploy.md). Empty when unset.
   */
  readonly subscribeTemplates: Readonly<Record<TemplateSetting, string>>;
  /**
   * The version of WeChat's 微信同声传译 plugin (WechatSI) to declare in app.config `plugins`
   * (WX_PLUGIN_WECHATSI), or empty: no plugin and no voice input. Off by default because a build
   * declaring a plugin its AppID has not added fails to upload and to preview.
   */
  readonly wechatSiVersion: string;
  /** Where each value came from, for the scripts' messages. */
  readonly sources: Readonly<Record<SettingName, 'env' | 'file' | 'unset'>>;
}

export const SETTING_NAMES = ['WEAPP_APPID', 'CLOUD_ENV', 'WEAPP_PRIVATE_KEY'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];
export const TEMPLATE_SETTINGS = ['WX_TMPL_ORDER_PROGRESS', 'WX_TMPL_ORDER_ALERT'] as const;
export type TemplateSetting = (typeof TEMPLATE_SETTINGS)[number];

export const WECHATSI_SETTING = 'WX_PLUGIN_WECHATSI';
/** 微信同声传译's AppID, as its documentation gives it for app.json `plugins.WechatSI.provider`. */
export const WECHATSI_PROVIDER = 'wx069ba97219f66d99';

/** WeChat DevTools' placeholder AppID: it builds and previews, but cloud development refuses it. */
export const TOURIST_APPID = 'touristappid';
export const LOCAL_SETTINGS_FILE = '.env.local';

const ROOT = path.resolve(__dirname, '..');

function readFileSettings(file: string): Record<string, string | undefined> {
  if (!fs.existsSync(file)) return {};
  return parseEnv(fs.readFileSync(file, 'utf8'));
}

/** The settings as the environment and the local file give them (the environment wins). */
export function readDeploySettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
  file = env.RP_SETTINGS_FILE || path.join(ROOT, LOCAL_SETTINGS_FILE),
): DeploySettings {
  const local = readFileSettings(file);
  const sources = {} as Record<SettingName, 'env' | 'file' | 'unset'>;
  const value = (name: SettingName): string => {
    const fromEnv = env[name]?.trim();
    const fromFile = local[name]?.trim();
    sources[name] = fromEnv ? 'env' : fromFile ? 'file' : 'unset';
    return fromEnv || fromFile || '';
  };
  const appid = value('WEAPP_APPID') || TOURIST_APPID;
  const cloudEnv = value('CLOUD_ENV');
  const privateKeyPath = value('WEAPP_PRIVATE_KEY');
  const subscribeTemplates = Object.fromEntries(TEMPLATE_SETTINGS.map((n) => [n, env[n]?.trim() || local[n]?.trim() || ''])) as Record<TemplateSetting, string>;
  const wechatSiVersion = env[WECHATSI_SETTING]?.trim() || local[WECHATSI_SETTING]?.trim() || '';
  return { appid, cloudEnv, privateKeyPath: privateKeyPath && path.resolve(ROOT, privateKeyPath), subscribeTemplates, wechatSiVersion, sources };
}

/** What keeps these settings from reaching a real deployment, in words for whoever runs the deploy. */
export function deployBlockers(s: DeploySettings, needs: readonly ('appid' | 'cloudEnv')[] = ['appid', 'cloudEnv']): string[] {
  const out: string[] = [];
  if (needs.includes('appid')) out.push(...appidProblems(s.appid));
  const voice = wechatSiProblem(s);
  if (needs.includes('appid') && voice) out.push(voice);
  if (needs.includes('cloudEnv') && !s.cloudEnv)
    out.push(`未设置云开发环境 ID：请设置 CLOUD_ENV（环境变量或 ${LOCAL_SETTINGS_FILE}），见云开发控制台 → 环境概览。`);
  return out;
}

/** Why WX_PLUGIN_WECHATSI cannot go into app.json as it is, or null (unset is fine: no voice input). */
export function wechatSiProblem(s: Pick<DeploySettings, 'wechatSiVersion'>): string | null {
  if (!s.wechatSiVersion || /^\d+\.\d+\.\d+$/.test(s.wechatSiVersion)) return null;
  return `${WECHATSI_SETTING}「${s.wechatSiVersion}」不是插件版本号（应如 0.3.6，见小程序管理后台 → 设置 → 第三方设置 → 插件管理）。`;
}

function appidProblems(appid: string): string[] {
  if (appid === TOURIST_APPID) {
    return [
      `未设置小程序 AppID：当前是游客 AppID（${TOURIST_APPID}），只能本地构建预览，云开发和上传都会拒绝它。请设置 WEAPP_APPID（环境变量或 ${LOCAL_SETTINGS_FILE}）。`,
    ];
  }
  return /^wx[0-9a-f]{16}$/.test(appid) ? [] : [`WEAPP_APPID「${appid}」不像小程序 AppID（应为 wx 加 16 位十六进制）。`];
}
