/**
 * Sets every worker's open-order counter of a CloudBase environment from the orders they hold. The
 * sweep's housekeeping does the same every minute; run this once after deploying onto an
 * environment whose orders predate the counters, or to see at once what drifted. Safe while the
 * functions take traffic: a counter a commit touched meanwhile is left for the next run.
 *
 *   TCB_ENV_ID=… TCB_SECRET_ID=… TCB_SECRET_KEY=… npm run reconcile:loads [-- prefix]
 */
import { environmentDatabase } from './cloudbase-environment';
import { reconcileWorkerLoads } from '../backend/storage/cloudbase/worker-loads';

async function main() {
  const { db, names } = environmentDatabase();
  const fixed = await reconcileWorkerLoads(db, names);
  for (const c of fixed) console.log(`${c.workerId}: ${c.was} → ${c.now}`);
  console.log(fixed.length ? `已校正 ${fixed.length} 名服务队员的在办工单计数` : '服务队员的在办工单计数均与工单一致');
}

void main();
