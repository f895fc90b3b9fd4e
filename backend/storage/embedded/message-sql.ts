import type Database from 'better-sqlite3';
import { markRead, NOTHING_READ, TEMPLATE_KEYS, type InboxReads, type MessageSending, type TemplateKey } from '@core';
import type { Store } from '../port';
import { recipientKey } from '../order-index';

/**
 * Subscribe-message consents and what each person read of their inbox: one small document per
 * person. Sendings: the last few per person (SENDINGS_KEPT_PER_USER), pruned as they are written.
 */
export const MESSAGE_SCHEMA = `
CREATE TABLE IF NOT EXISTS message_consents (
  user_id TEXT PRIMARY KEY,
  doc TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS inbox_reads (
  user_id TEXT PRIMARY KEY,
  doc TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS message_sendings (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS message_sendings_by_user ON message_sendings (user_id, at DESC, id DESC);
`;

export const CLEAR_MESSAGES_SQL = 'DELETE FROM message_consents; DELETE FROM inbox_reads; DELETE FROM message_sendings;';

type MessageMethods = Pick<
  Store,
  'pruneNotifications' | 'addConsents' | 'takeConsent' | 'consentsOf' | 'recordSendings' | 'listSendings' | 'inboxReads' | 'markInboxRead'
>;

const noConsents = () => Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, 0])) as Record<TemplateKey, number>;

/**
 * The store's message methods over the embedded database; each read-modify-write is one transaction.
 * The ledger of sendings and the trim of inboxes follow an order's commit and only record or forget:
 * they are committed without an fsync of their own (`withoutOwnFsync`), so a notified action over
 * HTTP pays one fsync, not three. A power cut may lose the newest of them; the next durable commit
 * in the same WAL makes them durable. Consents stay durable: one used must not come back.
 */
export function messageLedger(db: Database.Database, withoutOwnFsync: <T>(write: () => T) => T): MessageMethods {
  const st = {
    consents: db.prepare('SELECT doc FROM message_consents WHERE user_id = ?').pluck(),
    putConsents: db.prepare('INSERT INTO message_consents (user_id, doc) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET doc = excluded.doc'),
    reads: db.prepare('SELECT doc FROM inbox_reads WHERE user_id = ?').pluck(),
    putReads: db.prepare('INSERT INTO inbox_reads (user_id, doc) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET doc = excluded.doc'),
    insertSending: db.prepare('INSERT INTO message_sendings (id, user_id, at, doc) VALUES (?, ?, ?, ?)'),
    pruneSendings: db.prepare(
      'DELETE FROM message_sendings WHERE user_id = ? AND id NOT IN (SELECT id FROM message_sendings WHERE user_id = ? ORDER BY at DESC, id DESC LIMIT ?)',
    ),
    sendings: db.prepare('SELECT doc FROM message_sendings WHERE user_id = ? ORDER BY at DESC, id DESC LIMIT ?').pluck(),
    pruneNotifications: db.prepare(
      'DELETE FROM notifications WHERE recipient = @r AND at < (SELECT at FROM notifications WHERE recipient = @r ORDER BY at DESC LIMIT 1 OFFSET @skip)',
    ),
  };
  const consentsOf = (userId: string) =>
    ({ ...noConsents(), ...JSON.parse((st.consents.get(userId) as string | undefined) ?? '{}') }) as Record<TemplateKey, number>;
  const readsOf = (userId: string): InboxReads => JSON.parse((st.reads.get(userId) as string | undefined) ?? 'null') ?? NOTHING_READ;

  const add = db.transaction((userId: string, templates: readonly TemplateKey[]) => {
    const counts = consentsOf(userId);
    for (const t of templates) counts[t] += 1;
    st.putConsents.run(userId, JSON.stringify(counts));
  });
  const take = db.transaction((userId: string, template: TemplateKey) => {
    const counts = consentsOf(userId);
    if (counts[template] <= 0) return false;
    counts[template] -= 1;
    st.putConsents.run(userId, JSON.stringify(counts));
    return true;
  });
  const record = db.transaction((sendings: readonly MessageSending[], keep: number) => {
    for (const s of sendings) st.insertSending.run(s.id, s.userId, s.at, JSON.stringify(s));
    for (const userId of new Set(sendings.map((s) => s.userId))) st.pruneSendings.run(userId, userId, keep);
  });
  const mark = db.transaction((userId: string, orderId: string | null, at: number) => {
    st.putReads.run(userId, JSON.stringify(markRead(readsOf(userId), orderId, at)));
  });

  return {
    async pruneNotifications(recipient, keep) {
      return withoutOwnFsync(() => st.pruneNotifications.run({ r: recipientKey(recipient), skip: Math.max(0, keep - 1) }).changes);
    },
    async addConsents(userId, templates) {
      add.immediate(userId, templates);
    },
    async takeConsent(userId, template) {
      return take.immediate(userId, template);
    },
    async consentsOf(userId) {
      return consentsOf(userId);
    },
    async recordSendings(sendings, keep) {
      if (sendings.length) withoutOwnFsync(() => record.immediate(sendings, keep));
    },
    async listSendings(userId, limit) {
      return (st.sendings.all(userId, Math.max(0, limit)) as string[]).map((d) => JSON.parse(d) as MessageSending);
    },
    async inboxReads(userId) {
      return readsOf(userId);
    },
    async markInboxRead(userId, orderId, at) {
      mark.immediate(userId, orderId, at);
    },
  };
}
