/**
 * Re-indexes every order of every community in a CloudBase environment with the core's orderIndex.
 * Run it once after deploying a version whose order index gained fields: documents written before
 * lack them (a pool order would be offered to no one, a held order not count against its worker).
 *
 *   TCB_ENV_ID=… TCB_SECRET_ID=… TCB_SECRET_KEY=… npx tsx scripts/reindex-cloudbase.ts [prefix]
 */
import { openCloudBaseStore } from '../backend/storage/cloudbase/cloudbase-store';
import { reindexOrders } from '../backend/usecases/reindex-orders';

async function main() {
  const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
  if (!TCB_ENV_ID || !TCB_SECRET_ID || !TCB_SECRET_KEY) {
    console.error('请设置 TCB_ENV_ID、TCB_SECRET_ID 和 TCB_SECRET_KEY');
    process.exit(1);
  }
  const store = openCloudBaseStore({ envId: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY, prefix: process.argv[2] ?? 'rp_' });
  const deps = { store, now: () => Date.now(), newId: (prefix: string) => `${prefix}${Date.now()}` };
  for (const community of await store.listRefs('communities')) {
    const n = await reindexOrders(deps, community, 'all');
    console.log(`${community.name}（${community.id}）：已重建 ${n} 张工单的索引`);
  }
  await store.close();
}

void main();
