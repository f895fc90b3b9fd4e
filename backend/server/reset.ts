import { openSqliteStore } from '../storage/embedded/sqlite-store';
import { serverConfig } from './config';
import { seedDemo } from './seed';

/** `npm run reset`: wipes the local data and seeds the demo community again. */
async function main() {
  const { dataDir } = serverConfig();
  const store = openSqliteStore(dataDir);
  await store.clear();
  await seedDemo(store);
  await store.close();
  console.log(`已重置本地数据并写入演示数据：${dataDir}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
