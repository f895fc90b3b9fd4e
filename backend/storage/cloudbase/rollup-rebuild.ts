import type { Db } from '@cloudbase/database';
import { mergeChanges } from '../rollups';
import { fetchAll, removeAll } from './collections';
import type { Names } from './names';
import { rolledOf } from './rollup-marks';
import { rollupDocId, rowField, rowKey, type RollupRowDoc } from './rollup-docs';

/**
 * Recounts the rollup documents of every order in an environment from what each order's document
 * says they hold for it (`rolled`, rollup-marks.ts: its stored facts when it predates folding): how
 * an environment deployed before the rollups (or one whose rollups are in doubt) gets them. What
 * orders still due add, the next fold adds. A fold made while it runs may be counted twice or not
 * at all, so it is run with the functions idle (scripts/rebuild-rollups-cloudbase.ts says so).
 * Returns how many orders it counted.
 */
export async function rebuildRollups(db: Db, names: Names): Promise<number> {
  const docs = new Map<string, { communityId: string; day: string; rows: Map<string, RollupRowDoc> }>();
  const orders = await fetchAll(db.collection(names.orders), db.command, {});
  // Every order as if placed now: mergeChanges sums them row by row, as a fold does.
  for (const c of mergeChanges(orders.map((o) => [null, rolledOf(o)] as const))) {
    const id = rollupDocId(c.communityId, c.day);
    const doc = docs.get(id) ?? { communityId: c.communityId, day: c.day, rows: new Map() };
    docs.set(id, doc);
    const row: RollupRowDoc = { dim: c.dim, key: c.key, openDueDay: c.openDueDay, ...c.sums };
    doc.rows.set(rowKey(row), row);
  }
  const rollups = db.collection(names.metricRollups);
  await removeAll(rollups, db.command);
  for (const [id, d] of docs)
    await rollups.doc(id).set({ communityId: d.communityId, day: d.day, rows: Object.fromEntries([...d.rows.values()].map((r) => [rowField(r), r])) });
  return orders.length;
}
