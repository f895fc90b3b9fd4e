import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { readDeploySettings, WECHATSI_PROVIDER, wechatSiProblem } from './deploy-settings';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');

/**
 * The core is pure (no I/O, nothing done on import), so webpack may leave out the modules the
 * mini-program does not use, and keep a module that one role uses in that role's subpackage. Without
 * this rule every module behind the `@core` barrel was kept and shared, so all of it went into the
 * main package (464.7 KB, now 402.9). Not on H5, where the core's modules would be copied into each
 * lazily loaded chunk instead (1.73 → 1.97 MB in all).
 */
interface PureRule {
  include: { add(dir: string): { end(): { set(key: 'sideEffects', value: boolean): unknown } } };
}
const pureCore = (chain: { module: { rule(name: string): PureRule } }) =>
  chain.module.rule('core-pure').include.add(path.join(root, 'core')).end().set('sideEffects', false);
const deploy = readDeploySettings();
// Taro writes dist/project.config.json from the root one, taking the AppID from TARO_APP_ID.
process.env.TARO_APP_ID ??= deploy.appid;
const voiceProblem = wechatSiProblem(deploy);
if (voiceProblem) throw new Error(voiceProblem);
// src/app.config.ts is evaluated in this process at build time and declares the 同声传译 plugin only
// when this names it (WX_PLUGIN_WECHATSI, docs/deploy.md §8): an AppID without it could not build.
if (deploy.wechatSiVersion) process.env.RP_WECHATSI_PLUGIN = JSON.stringify({ version: deploy.wechatSiVersion, provider: WECHATSI_PROVIDER });
else delete process.env.RP_WECHATSI_PLUGIN;

/** NutUI is drawn on a 375-wide design, our own styles on 750. */
const designWidth = (input?: unknown): number => {
  const file = typeof input === 'object' && input !== null ? (input as { file?: unknown }).file : undefined;
  return typeof file === 'string' && file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
};

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'red-property-community',
    date: '2025-11-28',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist',
    plugins: [],
    alias: {
      // The pure domain core lives beside the app, outside src/.
      '@core': path.join(root, 'core'),
      '@': path.join(root, 'src'),
    },
    defineConstants: {
      // The CloudBase environment id for Taro.cloud.init (CLOUD_ENV, env or .env.local); empty uses WeChat's default.
      CLOUD_ENV: JSON.stringify(deploy.cloudEnv),
      // The subscribe-message template ids the app asks consent for (WX_TMPL_*, docs/deploy.md).
      // Whether app.config declares the 同声传译 plugin: the voice input shows only then (and in weapp).
      VOICE_PLUGIN: JSON.stringify(Boolean(deploy.wechatSiVersion)),
      SUBSCRIBE_TEMPLATES: JSON.stringify({
        orderProgress: deploy.subscribeTemplates.WX_TMPL_ORDER_PROGRESS,
        orderAlert: deploy.subscribeTemplates.WX_TMPL_ORDER_ALERT,
      }),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // Files outside src/ (the core) go through the same babel pipeline.
      compile: { include: [path.join(root, 'core')] },
      optimizeMainPackage: { enable: true },
      webpackChain: pureCore,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain(chain) {
        // Taro splits only initial chunks on H5; pages load lazily and would each carry their own
        // copy of NutUI and the shared components. Split async chunks as well.
        const split = chain.optimization.get('splitChunks') as Record<string, unknown> | false;
        if (split) chain.optimization.splitChunks({ ...split, chunks: 'all' });
      },
      compile: { include: [path.join(root, 'core')] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        // Root font stops growing at a large phone's width, so a desktop shows a phone-sized column.
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
