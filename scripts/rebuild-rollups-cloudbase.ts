/**
 * Recounts the statistics rollups (backend/storage/rollups.ts) of a CloudBase environment from what
 * each order says they hold for it (`rolled`; its stored facts when it predates folding): orders
 * still marked are folded afterwards, as always. Run it once after deploying the first version with
 * rollups, after a deployment during which functions of two versions ran, and whenever the board is
 * in doubt, with no fold running meanwhile (stop the sweep trigger and pick a quiet hour: a board
 * view folds too); transitions may go on.
 *
 *   TCB_ENV_ID=… TCB_SECRET_ID=… TCB_SECRET_KEY=… npx tsx scripts/rebuild-rollups-cloudbase.ts [prefix]
 */
import { environmentDatabase } from './cloudbase-environment';
import { rebuildRollups } from '../backend/storage/cloudbase/rollup-rebuild';

async function main() {
  const { db, names } = environmentDatabase();
  const n = await rebuildRollups(db, names);
  console.log(`已按 ${n} 张工单重建统计汇总`);
}

void main();
