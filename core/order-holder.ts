import { HELD_STATES, POOL_STATE, type Order } from './order';

/** The worker an order counts against: assigned to them by name and not yet completed. */
export const holderOf = (o: Order): string | null => (o.assignment?.mode === 'member' && HELD_STATES.includes(o.state) ? o.assignment.workerId : null);

/** The team whose pool offers the order to grab: a pool order is visible to its team while 待接单 only. */
export const poolTeamOf = (o: Order): string | null => (o.assignment?.mode === 'pool' && o.state === POOL_STATE ? o.assignment.teamId : null);
