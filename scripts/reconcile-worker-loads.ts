/**
 * Sets every worker's open-order counter of a CloudBase environment from the orders they hold. The
 * sweep's housekeeping does the same every minute; run this once after deploying onto an
 * environment whose orders predate the counters, or to see at once what drifted. Safe while the
 * functions take traffic: a counter a commit touched meanwhile is left for the next run.
 *
 *   TCB_ENV_ID=… TCB_SECRET_ID=… TCB_SECRET_KEY=… npm run reconcile:loads [-- prefix]
 */
import tcb from '@cloudbase/node-sdk';
import type { Db } from '@cloudbase/database';
import { collectionNames } from '../backend/storage/cloudbase/names';
import { reconcileWorkerLoads } from '../backend/storage/cloudbase/worker-loads';

async function main() {
  const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
  if (!TCB_ENV_ID || !TCB_SECRET_ID || !TCB_SECRET_KEY) {
    console.error('请设置 TCB_ENV_ID、TCB_SECRET_ID 和 TCB_SECRET_KEY');
    process.exit(1);
  }
  const db = tcb.init({ env: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY }).database() as unknown as Db;
  const fixed = await reconcileWorkerLoads(db, collectionNames(process.argv[2] ?? 'rp_'));
  for (const c of fixed) console.log(`${c.workerId}: ${c.was} → ${c.now}`);
  console.log(fixed.length ? `已校正 ${fixed.length} 名服务队员的在办工单计数` : '服务队员的在办工单计数均与工单一致');
}

void main();
