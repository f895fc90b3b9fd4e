import { int, optional } from '@core';
import { listNotifications } from '../usecases/session';
import { defineFunction, route } from './define-function';

/** What happened to my orders, newest first. */
export const notifications = defineFunction('notifications', {
  list: route({
    fields: { limit: optional(int(1, 100), 30) },
    access: 'role',
    run: (deps, actor, { limit }) => listNotifications(deps, actor, limit),
  }),
});
