// `npm run deploy:database [-- --dry-run] [-- --prefix rp_]`: makes the CloudBase environment match
// backend/storage/cloudbase/schema.ts — collections, indexes, client rules, the storage rule — with
// the official management SDK. It reads first and changes only what differs, so a second run
// changes nothing. The dry run prints the plan against an empty environment and needs no account.
import CloudBase from '@cloudbase/manager-node';
import { CLIENT_DATABASE_RULE, databaseSchema, PHOTO_STORAGE_RULE } from '../../backend/storage/cloudbase/schema';
import { deployBlockers, readDeploySettings } from '../../config/deploy-settings';
import { apiKey, flagValue, hasFlag, stop } from './cli';
import { managerAdmin } from './database-admin';
import { describeStep, extraIndexes, planDatabase, type DatabaseState } from './database-plan';

const EMPTY: DatabaseState = { collections: new Map(), storageRule: null };

async function main() {
  const dryRun = hasFlag('dry-run');
  const prefix = flagValue('prefix') ?? 'rp_';
  const schema = databaseSchema(prefix);
  const settings = readDeploySettings();
  const key = apiKey();
  const blockers = [
    ...deployBlockers(settings, ['cloudEnv']),
    ...(key ? [] : ['未设置腾讯云 API 密钥：请在当前终端 export TCB_SECRET_ID=… TCB_SECRET_KEY=…（访问管理 → API 密钥）。']),
  ];

  if (dryRun && blockers.length) {
    // Without an account the plan is the one for a new environment: everything is created.
    console.log(`[dry run] 无法读取云端现状（${blockers.length} 项未设置），以下按空环境列出全部步骤：`);
    for (const step of planDatabase(schema, CLIENT_DATABASE_RULE, PHOTO_STORAGE_RULE, EMPTY)) console.log(`  ${describeStep(step)}`);
    for (const b of blockers) console.log(`[dry run] 真正执行前还需: ${b}`);
    console.log('[dry run] 未修改任何内容。');
    return;
  }
  if (blockers.length) stop('无法设置数据库', blockers);

  const admin = managerAdmin(new CloudBase({ secretId: key!.secretId, secretKey: key!.secretKey, envId: settings.cloudEnv }));
  const state = await admin.read(schema.map((c) => c.name));
  const steps = planDatabase(schema, CLIENT_DATABASE_RULE, PHOTO_STORAGE_RULE, state);
  for (const extra of extraIndexes(schema, state)) console.log(`注意: 云端有未声明的索引 ${extra}（保留未删）`);
  if (steps.length === 0) {
    console.log(`✓ 环境 ${settings.cloudEnv} 的数据库已与声明一致，无需修改。`);
    return;
  }
  for (const step of steps) {
    console.log(`${dryRun ? '[dry run] 将' : '→ '}${describeStep(step)}`);
    if (!dryRun) await admin.apply(step);
  }
  console.log(dryRun ? `[dry run] 共 ${steps.length} 步，未修改任何内容。` : `✓ 已完成 ${steps.length} 步。安全规则约 1–3 分钟后生效。`);
}

main().catch((e: unknown) => stop('设置数据库失败', [e instanceof Error ? e.message : String(e)]));
