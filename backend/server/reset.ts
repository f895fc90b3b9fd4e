import { serverConfig } from './config';
import { NotADataFolder, resetData } from './reset-data';

/**
 * `npm run reset`: moves the local data aside to a dated folder beside it (nothing is deleted) and
 * seeds the demo community again, with a month of its orders up to now.
 */
async function main() {
  const { dataDir } = serverConfig();
  const { movedTo, orders } = await resetData(dataDir);
  if (movedTo) console.log(`原数据（含照片）已移到 ${movedTo}，需要时可停止服务后移回。`);
  console.log(`已写入演示数据（近一个月的 ${orders} 张工单）：${dataDir}`);
}

main().catch((e) => {
  console.error(e instanceof NotADataFolder ? e.message : e);
  process.exit(1);
});
