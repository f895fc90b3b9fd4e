import type { Db } from '@cloudbase/database';
import { isRaceError } from './transactions';
import type { Names } from './names';

const ATTEMPTS = 6;

/**
 * The next order number of a community's day, from one counter document per (community, day),
 * moved on by an atomic increment that answers the new value: one round trip, and two orders placed
 * at once each get a number of their own. The day's first order creates the counter; if another
 * created it first, the increment runs again.
 */
export async function nextOrderNumber(db: Db, names: Names, communityId: string, day: string): Promise<number> {
  const id = `${communityId}:${day}`;
  const counters = db.collection(names.orderNumbers);
  for (let attempt = 1; ; attempt++) {
    const moved = (await counters.where({ _id: id }).updateAndReturn({ last: db.command.inc(1) })) as { updated?: number; doc?: { last?: unknown } | null };
    if (moved.updated && typeof moved.doc?.last === 'number') return moved.doc.last;
    try {
      await counters.add({ _id: id, last: 1 });
      return 1;
    } catch (e) {
      if (!isRaceError(e) || attempt >= ATTEMPTS) throw e;
    }
  }
}
