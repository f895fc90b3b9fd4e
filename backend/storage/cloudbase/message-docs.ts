import type { Db } from '@cloudbase/database';
import { markRead, NOTHING_READ, TEMPLATE_KEYS, type InboxReads, type MessageSending, type TemplateKey } from '@core';
import type { Store } from '../port';
import { isExpiredTransaction, isRaceError, type TxDb } from './transactions';
import { fromDoc, rowsOf } from './docs';
import { pruneNotes } from './event-notes';
import type { Names } from './names';

type MessageMethods = Pick<
  Store,
  'pruneNotifications' | 'addConsents' | 'takeConsent' | 'consentsOf' | 'recordSendings' | 'listSendings' | 'inboxReads' | 'markInboxRead'
>;

const ATTEMPTS = 6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const noConsents = () => Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, 0])) as Record<TemplateKey, number>;
const countsOf = (doc: Record<string, unknown> | undefined) =>
  ({ ...noConsents(), ...((doc?.counts as object | undefined) ?? {}) }) as Record<TemplateKey, number>;
const readsOf = (doc: Record<string, unknown> | undefined): InboxReads =>
  doc ? { all: (doc.all as number | null) ?? null, orders: (doc.orders as Record<string, number>) ?? {} } : NOTHING_READ;

/**
 * One person's document, changed by `change` in a transaction: two changes at once conflict on the
 * document and the loser retries, so no consent is used twice and no read mark is lost.
 */
async function updateInTransaction<T>(
  db: TxDb,
  collection: string,
  id: string,
  change: (doc: Record<string, unknown> | undefined) => [object | null, T],
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const tx = await db.startTransaction();
    try {
      const doc = (await tx.collection(collection).doc(id).get()).data as Record<string, unknown> | undefined;
      const [next, answer] = change(doc ?? undefined);
      if (next) await tx.collection(collection).doc(id).set(next);
      await tx.commit();
      return answer;
    } catch (e) {
      await tx.rollback().catch(() => undefined);
      if (!(isRaceError(e) || isExpiredTransaction(e)) || attempt >= ATTEMPTS) throw e;
      await sleep(15 * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}

/**
 * The store's message methods on CloudBase: consents and inbox reads are one document per person
 * (read by id, no query); sendings are documents of their own, read and pruned by (userId, at).
 */
export function messageDocs(db: Db, names: Names): MessageMethods {
  const _ = db.command;
  const tx = db as unknown as TxDb;
  const one = async (collection: string, id: string) => rowsOf(await db.collection(collection).doc(id).get())[0];
  const newestFirst = (userId: string) => db.collection(names.messageSendings).where({ userId }).orderBy('at', 'desc').orderBy('_id', 'desc');

  return {
    async pruneNotifications(recipient, keep) {
      return pruneNotes(db, names, recipient, keep);
    },
    async addConsents(userId, templates) {
      await updateInTransaction(tx, names.messageConsents, userId, (doc) => {
        const counts = countsOf(doc);
        for (const t of templates) counts[t] += 1;
        return [{ counts }, undefined];
      });
    },
    async takeConsent(userId, template) {
      return updateInTransaction(tx, names.messageConsents, userId, (doc) => {
        const counts = countsOf(doc);
        if (counts[template] <= 0) return [null, false];
        counts[template] -= 1;
        return [{ counts }, true];
      });
    },
    async consentsOf(userId) {
      return countsOf(await one(names.messageConsents, userId));
    },
    async recordSendings(sendings, keep) {
      for (const sending of sendings) await db.collection(names.messageSendings).add({ _id: sending.id, ...sending });
      for (const userId of new Set(sendings.map((s) => s.userId))) {
        // The oldest one kept; everything of the person's older than it goes.
        const edge = rowsOf(
          await newestFirst(userId)
            .skip(keep - 1)
            .limit(1)
            .get(),
        )[0];
        if (edge)
          await db
            .collection(names.messageSendings)
            .where({ userId, at: _.lt(edge.at as number) })
            .remove();
      }
    },
    async listSendings(userId, limit) {
      if (limit <= 0) return [];
      return rowsOf(await newestFirst(userId).limit(Math.min(limit, 1000)).get()).map((d) => fromDoc<MessageSending>(d));
    },
    async inboxReads(userId) {
      return readsOf(await one(names.inboxReads, userId));
    },
    async markInboxRead(userId, orderId, at) {
      await updateInTransaction(tx, names.inboxReads, userId, (doc) => [markRead(readsOf(doc), orderId, at), undefined]);
    },
  };
}
