import { bool } from '@core';
import { setOnDuty, whoami } from '../usecases/session';
import { defineFunction, route } from './define-function';

/** Who am I: roles, households, teams — what the start page shows. */
export const session = defineFunction('session', {
  whoami: route({ fields: {}, access: 'user', run: (deps, user) => whoami(deps, user) }),
  setOnDuty: route({ fields: { onDuty: bool }, access: 'user', run: (deps, user, { onDuty }) => setOnDuty(deps, user, onDuty) }),
});
