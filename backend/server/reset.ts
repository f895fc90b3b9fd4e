import fs from 'node:fs';
import { openSqliteStore } from '../storage/embedded/sqlite-store';
import { serverConfig } from './config';
import { playDemoMonth } from './demo-month';
import { seedDemo } from './seed';

/**
 * `npm run reset`: deletes the local data (even of an older format) and seeds the demo community
 * again, with a month of its orders up to now.
 */
async function main() {
  const { dataDir } = serverConfig();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const store = openSqliteStore(dataDir);
  await seedDemo(store);
  const month = await playDemoMonth(store);
  await store.close();
  console.log(`已重置本地数据并写入演示数据（近一个月的 ${month.orders} 张工单）：${dataDir}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
