/**
 * The child of the crash-safety test: writes orders through the real handlers into the store in
 * argv[2] as fast as it can, and prints `ack <orderId> <version> <action> <requestId>` on stdout
 * only after the handler has returned (the commit is done). The parent kills it with SIGKILL at
 * random moments and checks that every acknowledged write survived, whole.
 */
import fs from 'node:fs';
import { FUNCTIONS } from '../../../backend/functions/registry';
import { timeOrderedId, type Deps } from '../../../backend/runtime/deps';
import { seedIfEmpty } from '../../../backend/server/seed';
import { openSqliteStore } from '../../../backend/storage/embedded/sqlite-store';

const dir = process.argv[2];
const LANES = 8;
if (!dir) throw new Error('usage: crash-writer <dataDir>');

/** Writes a whole line to fd 1 synchronously, so nothing acknowledged sits in a buffer when the kill lands. */
function say(line: string) {
  const buf = Buffer.from(`${line}\n`);
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(1, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}

async function main() {
  const store = openSqliteStore(dir!);
  await seedIfEmpty(store);
  // Workers may hold any number of orders, so the writer never stops on a cap.
  const workers = (await store.listRefs('users', 'c-xingfuli')).filter((u) => u.roles.includes('worker')).map((u) => ({ ...u, maxOpenOrders: 1_000_000 }));
  await store.putRefs('users', workers);
  const deps: Deps = { store, now: () => Date.now(), newId: (p) => timeOrderedId(p) };
  let n = 0;
  const rid = (label: string) => `${label}-${process.pid}-${++n}`;

  async function write(user: string, event: Record<string, unknown>) {
    const requestId = rid(String(event.action));
    const reply = await FUNCTIONS.orders({ ...event, requestId }, { devUserId: user }, deps);
    if (!reply.ok) throw new Error(`${String(event.action)}: ${reply.error.code}`);
    const order = (reply.data as { order: { id: string; version: number } }).order;
    say(`ack ${order.id} ${order.version} ${String(event.action)} ${requestId}`);
    return order;
  }
  const act = (user: string, role: string, o: { id: string; version: number }, action: string, input: Record<string, unknown> = {}) =>
    write(user, { action, role, orderId: o.id, version: o.version, input });

  async function lane() {
    for (;;) {
      const now = Date.now();
      let o = await write('demo-resident', {
        action: 'create',
        order: { serviceItemId: 's-repair', householdId: 'h-yg-a', description: '断电重写测试', timeWindow: { from: now, to: now + 3_600_000 } },
      });
      o = await act('demo-dispatcher', 'dispatcher', o, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
      o = await act('demo-worker', 'worker', o, 'accept');
      o = await act('demo-worker', 'worker', o, 'start');
      o = await act('demo-worker', 'worker', o, 'complete', { notes: '已修好' });
      await act('demo-resident', 'resident', o, 'confirm', { attitude: 5, timeliness: 5, quality: 5 });
    }
  }

  say('ready');
  // Several orders in flight at once, so the kill also lands while commits share a transaction
  // (group commit) and some of a batch may have been acknowledged while others were not.
  await Promise.all(Array.from({ length: LANES }, lane));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
