import { listNotifications } from '../usecases/session';
import { defineFunction } from './define-function';

/** What happened to my orders, newest first. */
export const notifications = defineFunction('notifications', {
  list: (deps, actor, { limit }) => listNotifications(deps, actor, limit),
});
