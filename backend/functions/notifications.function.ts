import { inbox, markRead, sendings, subscribe, unread } from '../usecases/inbox';
import { listNotifications } from '../usecases/session';
import { defineFunction } from './define-function';

/** What happened to my orders: the inbox, read marks, and my subscribe-message consents and sendings. */
export const notifications = defineFunction('notifications', {
  list: (deps, actor, { limit }) => listNotifications(deps, actor, limit),
  inbox: (deps, actor) => inbox(deps, actor),
  unread: (deps, actor) => unread(deps, actor),
  markRead: (deps, actor, { orderId }) => markRead(deps, actor, orderId),
  subscribe: (deps, user, { templates }) => subscribe(deps, user, templates),
  sendings: (deps, user, { limit }) => sendings(deps, user, limit),
});
