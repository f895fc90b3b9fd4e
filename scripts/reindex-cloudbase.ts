/**
 * Re-indexes every order of every community in a CloudBase environment with the core's orderIndex.
 * Run it once after deploying a version whose order index gained fields: documents written before
 * lack them (a pool order would be offered to no one, a held order not count against its worker).
 *
 *   TCB_ENV_ID=… TCB_SECRET_ID=… TCB_SECRET_KEY=… npx tsx scripts/reindex-cloudbase.ts [prefix]
 */
import { openCloudBaseStore } from '../backend/storage/cloudbase/cloudbase-store';
import { reindexOrders } from '../backend/usecases/reindex-orders';
import { environmentKeys } from './cloudbase-environment';

async function main() {
  const store = openCloudBaseStore(environmentKeys());
  const deps = { store, now: () => Date.now(), newId: (prefix: string) => `${prefix}${Date.now()}` };
  for (const community of await store.listRefs('communities')) {
    const n = await reindexOrders(deps, community, 'all');
    console.log(`${community.name}（${community.id}）：已重建 ${n} 张工单的索引`);
  }
  await store.close();
}

void main();
