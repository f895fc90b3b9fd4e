import type Database from 'better-sqlite3';
import { orderIndex, type Community, type Order, type OrderIndex } from '@core';
import { storedIndex, type StoredIndex } from '../order-index';

/** The columns that hold an order's index, each with the stored value it maps: [column, key]. */
export const INDEX_COLUMNS = [
  ['next_sweep_at', 'nextSweepAt'],
  ['urgent_by', 'urgentBy'],
  ['holder_id', 'holderId'],
  ['pool_team_id', 'poolTeamId'],
  ['open', 'open'],
  ['queue_overdue', 'queueOverdue'],
  ['queue_escalated', 'queueEscalated'],
  ['queue_complaints', 'queueComplaints'],
  ['queue_instructions', 'queueInstructions'],
  ['counted', 'counted'],
  ['responded_on_time', 'respondedOnTime'],
  ['resolve_due_at', 'resolveDueAt'],
  ['settled', 'settled'],
  ['resolved', 'resolved'],
  ['rated', 'rated'],
  ['satisfied', 'satisfied'],
  ['handling_ms', 'handlingMs'],
  ['overdue', 'overdue'],
] as const satisfies readonly (readonly [string, keyof StoredIndex])[];

/** `col = @key, …` for an UPDATE of the index columns. */
export const INDEX_ASSIGNMENTS = INDEX_COLUMNS.map(([col, key]) => `${col} = @${key}`).join(', ');

/** The named parameters of the index columns. */
export const indexParams = (ix: OrderIndex): StoredIndex => storedIndex(ix);

/**
 * Recomputes every order's index from its document with its community's settings, in the caller's
 * transaction: how a store written by an older version gets the columns it did not have.
 */
export function reindexEveryOrder(db: Database.Database): void {
  const communities = new Map(
    (db.prepare("SELECT doc FROM refs WHERE kind = 'communities'").pluck().all() as string[]).map((doc) => {
      const c = JSON.parse(doc) as Community;
      return [c.id, c] as const;
    }),
  );
  const update = db.prepare(`UPDATE orders SET ${INDEX_ASSIGNMENTS} WHERE id = @id`);
  // A page at a time by rowid: the connection cannot write while a read is still open.
  const page = db.prepare('SELECT rowid AS r, doc FROM orders WHERE rowid > ? ORDER BY rowid LIMIT 1000');
  for (let after = 0; ; ) {
    const rows = page.all(after) as { r: number; doc: string }[];
    for (const { doc } of rows) {
      const o = JSON.parse(doc) as Order;
      update.run({ ...indexParams(orderIndex(o, communities.get(o.communityId)?.settings ?? null)), id: o.id });
    }
    if (rows.length < 1000) break;
    after = rows[rows.length - 1]!.r;
  }
}
