import type { Millis } from './community';

/**
 * What a person has read: everything up to `all` (标为全部已读), and per order up to its moment.
 * A notification may be addressed to a team or a company; reading is each person's own.
 */
export interface InboxReads {
  readonly all: Millis | null;
  readonly orders: Readonly<Record<string, Millis>>;
}

export const NOTHING_READ: InboxReads = { all: null, orders: {} };

interface Dated {
  readonly orderId: string;
  readonly at: Millis;
}

/** Whether a notification came after the person last read its order (or everything). */
export const isUnread = (n: Dated, reads: InboxReads): boolean =>
  n.at > Math.max(reads.all ?? Number.NEGATIVE_INFINITY, reads.orders[n.orderId] ?? Number.NEGATIVE_INFINITY);

export const unreadCount = (items: readonly Dated[], reads: InboxReads): number => items.filter((n) => isUnread(n, reads)).length;

/** One order's messages in the inbox, newest first, and how many of them are unread. */
export interface InboxGroup<N> {
  readonly orderId: string;
  /** The service and place (the newest message's `about`). */
  readonly about: string | null;
  readonly unread: number;
  readonly latestAt: Millis;
  readonly items: readonly (N & { readonly unread: boolean })[];
}

/** Groups notifications (newest first) per order, the order with the newest message first. */
export function groupInbox<N extends Dated & { readonly about: string | null }>(items: readonly N[], reads: InboxReads): InboxGroup<N>[] {
  const groups = new Map<string, { about: string | null; latestAt: Millis; items: (N & { unread: boolean })[] }>();
  for (const n of [...items].sort((a, b) => b.at - a.at)) {
    const group = groups.get(n.orderId) ?? { about: n.about, latestAt: n.at, items: [] };
    group.about ??= n.about;
    group.items.push({ ...n, unread: isUnread(n, reads) });
    groups.set(n.orderId, group);
  }
  return [...groups].map(([orderId, g]) => ({ orderId, about: g.about, latestAt: g.latestAt, unread: g.items.filter((i) => i.unread).length, items: g.items }));
}

/** The per-order marks kept: the inbox shows a person's latest messages, which span fewer orders than this. */
export const READ_MARKS_KEPT = 100;

/**
 * What marking read keeps: marking everything drops the per-order marks it covers, and only the
 * newest READ_MARKS_KEPT marks stay, so what is stored per person does not grow with their orders.
 */
export function markRead(reads: InboxReads, orderId: string | null, at: Millis): InboxReads {
  if (orderId === null) return { all: Math.max(at, reads.all ?? at), orders: {} };
  const marks = { ...reads.orders, [orderId]: Math.max(at, reads.orders[orderId] ?? at) };
  const kept = Object.entries(marks)
    .filter(([, readAt]) => reads.all === null || readAt > reads.all)
    .sort((a, b) => b[1] - a[1])
    .slice(0, READ_MARKS_KEPT);
  return { all: reads.all, orders: Object.fromEntries(kept) };
}

/** How many of a person's latest notifications the inbox and its unread count look at. */
export const INBOX_WINDOW = 100;

/**
 * How many notifications are kept per address (a person, a team, a company's dispatchers, the
 * supervisors): more than the inbox ever reads, so trimming never takes what someone could see.
 */
export const NOTIFICATIONS_KEPT_PER_RECIPIENT = 2 * INBOX_WINDOW;

/** The inbox as the app shows it: one group per order, and how many messages are unread in all. */
export interface InboxView<N> {
  readonly groups: readonly InboxGroup<N>[];
  readonly unread: number;
}
