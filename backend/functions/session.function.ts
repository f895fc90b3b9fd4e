import { whoami } from '../usecases/session';
import { defineFunction, route } from './define-function';

/** Who am I: roles, households, teams — what the start page shows. */
export const session = defineFunction('session', {
  whoami: route({ fields: {}, access: 'user', run: (deps, user) => whoami(deps, user) }),
});
