import { isExpiredTransaction, isRaceError, type TxDb } from './commit';
import type { Names } from './names';

const ATTEMPTS = 6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The next order number of a community's day, from one counter document per (community, day) read
 * and written in a transaction: two orders placed at once conflict on that document, the loser
 * retries and takes the next number, so no number is given out twice. An expired transaction wrote
 * nothing and is simply tried again.
 */
export async function nextOrderNumberInTransaction(db: TxDb, names: Names, communityId: string, day: string): Promise<number> {
  const id = `${communityId}:${day}`;
  for (let attempt = 1; ; attempt++) {
    const tx = await db.startTransaction();
    try {
      const doc = (await tx.collection(names.orderNumbers).doc(id).get()).data;
      const next = (typeof doc?.last === 'number' ? doc.last : 0) + 1;
      await tx.collection(names.orderNumbers).doc(id).set({ last: next });
      await tx.commit();
      return next;
    } catch (e) {
      await tx.rollback().catch(() => undefined);
      if (!(isRaceError(e) || isExpiredTransaction(e)) || attempt >= ATTEMPTS) throw e;
      await sleep(15 * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}
