import type { Db } from '@cloudbase/database';
import type { OrderEvent, Recipient } from '@core';
import type { Commit, StoredNotification } from '../port';
import { recipientKey, rowsOf, toNotification } from './docs';
import type { Names } from './names';

/**
 * A commit's notifications are stored in its (first) event's document, as `notes`, not as documents
 * of their own: a transition inserts one document instead of two. `notedAt` (their newest moment)
 * orders the documents for an inbox; a commit's notifications are all made at its moment, so that
 * is every note's moment too. A commit without an event keeps its notes in a document of their own
 * in the same collection, without the orderId a timeline is read by.
 */
interface NoteDoc extends StoredNotification {
  /** The flat recipient key (recipientKey) one `_.in` finds an inbox's by. */
  readonly recipient: string;
}

type Raw = Record<string, unknown>;
const MAX_PAGE = 1000;
const newestFirst = (a: StoredNotification, b: StoredNotification) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export const noteOf = (n: StoredNotification): NoteDoc => ({ ...n, recipient: recipientKey(n.to) });

/** The documents a commit inserts into the events collection: its events, the first carrying the notifications. */
export function eventDocs(c: Pick<Commit, 'events' | 'notifications'>): Raw[] {
  const notes = c.notifications.length ? { notes: c.notifications.map(noteOf), notedAt: Math.max(...c.notifications.map((n) => n.at)) } : {};
  const [first, ...rest] = c.events.map((e) => ({ _id: `${e.orderId}:${e.seq}`, ...e }) as Raw);
  if (!first) return c.notifications.length ? [{ _id: `notes:${c.notifications[0]!.id}`, ...notes }] : [];
  return [{ ...first, ...notes }, ...rest];
}

/** An event as the port gives it: without the notifications and the commit's record (commit.ts) its document carries. */
export function toEvent(doc: Raw): OrderEvent {
  const { _id, notes, notedAt, commit, ...event } = doc;
  return event as unknown as OrderEvent;
}

const notesOf = (doc: Raw, keys: ReadonlySet<string>): StoredNotification[] =>
  (Array.isArray(doc.notes) ? (doc.notes as Raw[]) : []).filter((n) => keys.has(String(n.recipient))).map(toNotification);

/** The newest `limit` notifications of the recipients, newest first: one query over the events' notes. */
export async function listNotes(db: Db, names: Names, recipients: readonly Recipient[], limit: number): Promise<StoredNotification[]> {
  if (recipients.length === 0 || limit <= 0) return [];
  const keys = new Set(recipients.map(recipientKey));
  // Each document found holds at least one of theirs, so `limit` documents hold the newest `limit`.
  const docs = rowsOf(
    await db
      .collection(names.events)
      .where({ 'notes.recipient': db.command.in([...keys]) })
      .field({ commit: false }) // the commit's record (commit.ts) is not the inbox's business
      .orderBy('notedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(Math.min(limit, MAX_PAGE))
      .get(),
  );
  return docs
    .flatMap((d) => notesOf(d, keys))
    .sort(newestFirst)
    .slice(0, limit);
}

/**
 * Forgets a recipient's notifications older than their `keep` newest (those at the same moment as
 * the oldest kept stay): their documents are read (an inbox is trimmed as it grows, so they are
 * few), and one update pulls the old notes out of all of them.
 */
export async function pruneNotes(db: Db, names: Names, recipient: Recipient, keep: number): Promise<number> {
  const key = recipientKey(recipient);
  const _ = db.command;
  const events = db.collection(names.events);
  const docs = rowsOf(
    await events.where({ 'notes.recipient': key }).field({ commit: false }).orderBy('notedAt', 'desc').orderBy('_id', 'desc').limit(MAX_PAGE).get(),
  );
  const notes = docs.flatMap((d) => notesOf(d, new Set([key]))).sort(newestFirst);
  const edge = notes[Math.max(0, keep - 1)];
  if (!edge || notes.length <= keep) return 0;
  const gone = notes.filter((n) => n.at < edge.at).length;
  if (gone === 0) return 0;
  await events.where({ 'notes.recipient': key, 'notes.at': _.lt(edge.at) }).update({ notes: _.pull({ recipient: key, at: _.lt(edge.at) }) });
  return gone;
}

/**
 * Moves the notifications stored as documents of their own (before they rode in events' documents)
 * into note documents of the events collection, where the inbox reads them; answers how many moved.
 * Safe to run again and while the functions run: each goes in under an id of its own before its old
 * document goes.
 */
export async function moveLegacyNotifications(db: Db, names: Names): Promise<number> {
  let moved = 0;
  for (;;) {
    const page = rowsOf(await db.collection(names.notifications).limit(100).get());
    if (page.length === 0) return moved;
    for (const d of page) {
      const n = toNotification(d);
      const id = `notes:${n.id}`;
      if (rowsOf(await db.collection(names.events).doc(id).get()).length === 0) {
        await db.collection(names.events).add({ _id: id, notes: [noteOf(n)], notedAt: n.at });
      }
      await db.collection(names.notifications).doc(String(d._id)).remove();
      moved++;
    }
  }
}
