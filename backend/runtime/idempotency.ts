import { createHash, hash } from 'node:crypto';

/**
 * SHA-256 in base64url. Node's one-shot `hash` (Node ≥ 20.12) costs about half of `createHash`,
 * which builds a Hash object per call, and every write hashes its request; CloudBase's Node 18
 * runtime has only `createHash`. Asked at the call, so a function bundle still loads crypto lazily.
 */
const sha256 = (text: string): string =>
  typeof hash === 'function' ? hash('sha256', text, 'base64url') : createHash('sha256').update(text).digest('base64url');

/** Request ids are scoped to the user, so two people's ids never collide. */
export const replyKey = (userId: string, requestId: string) => `${userId}:${requestId}`;

/**
 * The id of the order a create request makes, from the request's reply key, where the store guards
 * creates by the order's own id (Store.idsFromRequests): a one-letter `prefix` and a digest of the key.
 */
export const orderIdFor = (prefix: string, key: string) => `${prefix}${sha256(key).slice(0, 22)}`;
/** Whether an order's id is the one its create request's key gives (orderIdFor). */
export const isOrderIdFor = (id: string, key: string) => id.length > 1 && id === orderIdFor(id.slice(0, 1), key);

/** A stable digest of what was asked, to tell a retry from a reused id. */
export function fingerprint(value: unknown): string {
  return sha256(JSON.stringify(value));
}

/**
 * How long a reply is kept for retries: the app retries a lost reply within seconds or minutes, and a
 * phone that went offline overnight still gets its answer the next morning. Older replies are removed
 * by the sweep; a request id used again after that is a new request (a stale `version` refuses it).
 */
export const REPLY_TTL = 24 * 60 * 60_000;

/**
 * What is stored as the reply of a write: which order it wrote and the version it wrote, a few dozen
 * bytes whatever the order holds. The whole reply is rebuilt from the order on a retry.
 */
export interface ReplyRef {
  readonly orderId: string;
  readonly version: number;
}

export const isReplyRef = (v: unknown): v is ReplyRef =>
  typeof v === 'object' && v !== null && typeof (v as ReplyRef).orderId === 'string' && typeof (v as ReplyRef).version === 'number';
