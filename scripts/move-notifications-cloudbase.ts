/**
 * Moves the notifications of a CloudBase environment stored as documents of their own (`rp_notifications`,
 * written before they rode in their event's document) to where the inbox now reads them. Run once
 * after deploying that version; safe to repeat and while the functions take traffic.
 *
 *   TCB_ENV_ID=… TCB_SECRET_ID=… TCB_SECRET_KEY=… npx tsx scripts/move-notifications-cloudbase.ts [prefix]
 */
import { environmentDatabase } from './cloudbase-environment';
import { moveLegacyNotifications } from '../backend/storage/cloudbase/event-notes';

async function main() {
  const { db, names } = environmentDatabase();
  const moved = await moveLegacyNotifications(db, names);
  console.log(moved ? `已迁移 ${moved} 条消息` : '没有需要迁移的消息');
}

void main();
