/**
 * The first admin of a community:
 *
 *   npm run bootstrap:admin -- --community <id> [--name <社区名称>]
 *
 * prints a one-time code (valid 3 days); whoever redeems it in the mini-program (加入社区 → 邀请码)
 * becomes the community's admin. With TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY set it writes to
 * that CloudBase environment (TCB_PREFIX, default rp_); otherwise to the local server's data folder.
 */
import { parseArgs } from 'node:util';
import { ROLE_LABELS } from '../core';
import { timeOrderedId } from '../backend/runtime/deps';
import { serverConfig } from '../backend/server/config';
import { openCloudBaseStore } from '../backend/storage/cloudbase/cloudbase-store';
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';
import type { Store } from '../backend/storage/port';
import { bootstrapAdmin } from '../backend/usecases/membership/bootstrap';

/** A moment as people in China read it (UTC+8, no daylight saving). */
const chinaTime = (at: number) => `${new Date(at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;

function openStore(): { store: Store; where: string } {
  const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY, TCB_PREFIX } = process.env;
  if (TCB_ENV_ID && TCB_SECRET_ID && TCB_SECRET_KEY) {
    return {
      store: openCloudBaseStore({ envId: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY, prefix: TCB_PREFIX ?? 'rp_' }),
      where: `CloudBase 环境 ${TCB_ENV_ID}`,
    };
  }
  const { dataDir } = serverConfig();
  return { store: openSqliteStore(dataDir), where: `本地数据 ${dataDir}` };
}

async function main() {
  const { values } = parseArgs({ options: { community: { type: 'string' }, name: { type: 'string' } } });
  if (!values.community) {
    console.error('用法：npm run bootstrap:admin -- --community <社区编号> [--name <社区名称>]');
    process.exit(2);
  }
  const { store, where } = openStore();
  try {
    const deps = { store, now: () => Date.now(), newId: (prefix: string) => timeOrderedId(prefix) };
    const result = await bootstrapAdmin(deps, values.community, values.name ?? null);
    if (!result.ok) {
      console.error(result.problem);
      process.exitCode = 1;
      return;
    }
    const inv = result.invitation;
    if (result.created) console.log(`已新建社区 ${values.name}（${values.community}），写入${where}`);
    console.log(`${ROLE_LABELS.admin}一次性邀请码：${inv.id}`);
    console.log(`有效期至 ${chinaTime(inv.expiresAt)}，只能使用一次。`);
    console.log(`在小程序中打开"加入社区"，输入邀请码；或打开页面 pages/index/index?invite=${inv.id}（二维码 scene：i=${inv.id}）。`);
  } finally {
    await store.close();
  }
}

void main();
