import { setOnDuty, whoami } from '../usecases/session';
import { registerVolunteer } from '../usecases/volunteers';
import { defineFunction } from './define-function';

/** Who am I: roles, households, teams — what the start page shows. */
export const session = defineFunction('session', {
  whoami: (deps, user) => whoami(deps, user),
  setOnDuty: (deps, user, { onDuty }) => setOnDuty(deps, user, onDuty),
  volunteer: (deps, user, input) => registerVolunteer(deps, user, input),
});
