import type { StoredNotification, StoredReply } from '../port';

type Raw = Record<string, unknown>;

/** The documents a query answered: its `data` list (none when the answer has no list). */
export const rowsOf = (res: { data?: unknown }): Raw[] => (Array.isArray(res.data) ? (res.data as Raw[]) : []);

/** A stored document without CloudBase's `_id` (the domain objects carry their own `id`). */
export function fromDoc<T>(doc: Raw): T {
  const { _id, ...rest } = doc;
  return rest as T;
}

/** Notifications carry a flat recipient key beside `to`, so one `_.in` finds a caller's. */
export { recipientKey } from '../order-index';

export function toNotification(doc: Raw): StoredNotification {
  const { _id, recipient, ...n } = doc;
  return n as unknown as StoredNotification;
}

/** Replies keep the answer as JSON text: any shape round-trips, whatever keys it has. */
export function toReply(doc: Raw): StoredReply {
  return {
    key: String(doc.key),
    fingerprint: String(doc.fingerprint),
    at: Number(doc.at),
    reply: JSON.parse(String(doc.replyJson)) as unknown,
  };
}
