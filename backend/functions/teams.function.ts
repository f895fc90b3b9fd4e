import { listTeams } from '../usecases/teams';
import { defineFunction, route } from './define-function';

/** Service teams with each member's duty and load, for dispatching. */
export const teams = defineFunction('teams', {
  list: route({ fields: {}, access: 'role', run: (deps, actor) => listTeams(deps, actor) }),
});
