/**
 * Recounts the statistics rollups (backend/storage/rollups.ts) of a CloudBase environment from its
 * orders. Run it once after deploying the first version with rollups, with the functions idle (no
 * order changing meanwhile: stop the sweep trigger and pick a quiet hour), and whenever the board
 * is in doubt.
 *
 *   TCB_ENV_ID=… TCB_SECRET_ID=… TCB_SECRET_KEY=… npx tsx scripts/rebuild-rollups-cloudbase.ts [prefix]
 */
import tcb from '@cloudbase/node-sdk';
import type { Db } from '@cloudbase/database';
import { collectionNames } from '../backend/storage/cloudbase/names';
import { rebuildRollups } from '../backend/storage/cloudbase/rollup-rebuild';

async function main() {
  const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
  if (!TCB_ENV_ID || !TCB_SECRET_ID || !TCB_SECRET_KEY) {
    console.error('请设置 TCB_ENV_ID、TCB_SECRET_ID 和 TCB_SECRET_KEY');
    process.exit(1);
  }
  const db = tcb.init({ env: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY }).database() as unknown as Db;
  const n = await rebuildRollups(db, collectionNames(process.argv[2] ?? 'rp_'));
  console.log(`已按 ${n} 张工单重建统计汇总`);
}

void main();
