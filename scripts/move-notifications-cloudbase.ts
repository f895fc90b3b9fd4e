/**
 * Moves the notifications of a CloudBase environment stored as documents of their own (`rp_notifications`,
 * written before they rode in their event's document) to where the inbox now reads them. Run once
 * after deploying that version; safe to repeat and while the functions take traffic.
 *
 *   TCB_ENV_ID=… TCB_SECRET_ID=… TCB_SECRET_KEY=… npx tsx scripts/move-notifications-cloudbase.ts [prefix]
 */
import tcb from '@cloudbase/node-sdk';
import type { Db } from '@cloudbase/database';
import { moveLegacyNotifications } from '../backend/storage/cloudbase/event-notes';
import { collectionNames } from '../backend/storage/cloudbase/names';

async function main() {
  const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
  if (!TCB_ENV_ID || !TCB_SECRET_ID || !TCB_SECRET_KEY) {
    console.error('请设置 TCB_ENV_ID、TCB_SECRET_ID 和 TCB_SECRET_KEY');
    process.exit(1);
  }
  const db = tcb.init({ env: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY }).database() as unknown as Db;
  const moved = await moveLegacyNotifications(db, collectionNames(process.argv[2] ?? 'rp_'));
  console.log(moved ? `已迁移 ${moved} 条消息` : '没有需要迁移的消息');
}

void main();
