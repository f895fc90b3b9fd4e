// `npm run deploy:functions [-- --dry-run]`: builds every cloud function and deploys them with the
// official CloudBase CLI from cloudbaserc.json (code, runtime, memory, timeout, environment
// variables, triggers). The dry run prints exactly that plan and needs no account.
import { deployBlockers, readDeploySettings } from '../../config/deploy-settings';
import { buildFunctions } from '../build-functions';
import { apiKey, hasFlag, ROOT, runBin, stop } from './cli';
import { deployCommand, formatPlan, planFunctions, planProblems, readCloudbaseRc } from './functions-plan';

async function main() {
  const dryRun = hasFlag('dry-run');
  const settings = readDeploySettings();
  if (!hasFlag('skip-build')) await buildFunctions(() => undefined);

  const plan = planFunctions(readCloudbaseRc(ROOT), ROOT, { CLOUD_ENV: settings.cloudEnv, ...settings.subscribeTemplates });
  console.log(formatPlan(plan, settings.cloudEnv));
  const problems = planProblems(plan);
  if (problems.length) stop('cloudbaserc.json 的函数声明有误', problems);

  const command = deployCommand(settings.cloudEnv);
  const key = apiKey();
  const blockers = deployBlockers(settings, ['cloudEnv']);
  if (dryRun) {
    console.log(`\n[dry run] 将执行: ${command.join(' ')}`);
    if (!key) console.log('[dry run] 未设置 TCB_SECRET_ID / TCB_SECRET_KEY：真正部署时将使用 `npx tcb login` 已保存的登录。');
    for (const b of blockers) console.log(`[dry run] 真正部署前还需: ${b}`);
    console.log('[dry run] 未部署任何内容。');
    return;
  }
  if (blockers.length) stop('无法部署云函数', blockers);
  // The CLI reads a key from TENCENTCLOUD_SECRETID/KEY when it has no saved login: the key then
  // appears on no command line and is not written to disk, as `tcb login --apiKey` would.
  runBin(command, key ? { ...process.env, TENCENTCLOUD_SECRETID: key.secretId, TENCENTCLOUD_SECRETKEY: key.secretKey } : process.env);
  console.log(`\n✓ 已部署 ${plan.length} 个云函数到 ${settings.cloudEnv}`);
}

main().catch((e: unknown) => stop('部署云函数失败', [e instanceof Error ? e.message : String(e)]));
