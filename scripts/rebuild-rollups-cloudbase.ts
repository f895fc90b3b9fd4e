/**
 * Recounts the statistics rollups (backend/storage/rollups.ts) of a CloudBase environment from its
 * orders. Run it once after deploying the first version with rollups, with the functions idle (no
 * order changing meanwhile: stop the sweep trigger and pick a quiet hour), and whenever the board
 * is in doubt.
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
