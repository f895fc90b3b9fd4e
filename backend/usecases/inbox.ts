import {
  groupInbox,
  INBOX_WINDOW,
  ok,
  unreadCount,
  type Actor,
  type AppError,
  type InboxView,
  type Result,
  type StoredNotificationView,
  type TemplateKey,
  type User,
} from '@core';
import type { Deps } from '../runtime/deps';
import { refuseWrite } from '../runtime/rate-limit';
import { recipientsOf } from './session';

const view = ({ id, orderId, text, about, at }: { id: string; orderId: string; text: string; about?: string; at: number }): StoredNotificationView => ({
  id,
  orderId,
  text,
  about: about ?? null,
  at,
});

/** The actor's latest notifications (those addressed to them, their team, company or community) and what they read. */
async function latest(deps: Deps, actor: Actor) {
  const [items, reads] = await Promise.all([deps.store.listNotifications(recipientsOf(actor), INBOX_WINDOW), deps.store.inboxReads(actor.user.id)]);
  return { items: items.map(view), reads };
}

/** The inbox, grouped per order, newest order first. */
export async function inbox(deps: Deps, actor: Actor): Promise<Result<InboxView<StoredNotificationView>, AppError>> {
  const { items, reads } = await latest(deps, actor);
  return ok({ groups: groupInbox(items, reads), unread: unreadCount(items, reads) });
}

export async function unread(deps: Deps, actor: Actor): Promise<Result<{ unread: number }, AppError>> {
  const { items, reads } = await latest(deps, actor);
  return ok({ unread: unreadCount(items, reads) });
}

/** Marks one order's messages read (or all), up to now. */
export async function markRead(deps: Deps, actor: Actor, orderId: string | null): Promise<Result<{ unread: number }, AppError>> {
  const limited = refuseWrite(deps.limits, actor.user.id, deps.now());
  if (limited) return limited;
  await deps.store.markInboxRead(actor.user.id, orderId, deps.now());
  return unread(deps, actor);
}

/** Counts the consents WeChat's prompt just gave: each lets one message of its template through. */
export async function subscribe(
  deps: Deps,
  user: User,
  templates: readonly TemplateKey[],
): Promise<Result<{ consents: Record<TemplateKey, number> }, AppError>> {
  const limited = refuseWrite(deps.limits, user.id, deps.now());
  if (limited) return limited;
  if (templates.length) await deps.store.addConsents(user.id, templates);
  return ok({ consents: await deps.store.consentsOf(user.id) });
}

export async function sendings(deps: Deps, user: User, limit: number) {
  const [items, consents] = await Promise.all([deps.store.listSendings(user.id, limit), deps.store.consentsOf(user.id)]);
  return ok({ items, consents });
}
