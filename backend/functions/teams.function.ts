import { listTeams } from '../usecases/teams';
import { defineFunction } from './define-function';

/** Service teams with each member's duty and load, for dispatching. */
export const teams = defineFunction('teams', {
  list: (deps, actor) => listTeams(deps, actor),
});
