import { TERMINAL_STATES, assertNever, urgencyOf, type AttentionQueue, type Order, type OrderScope, type OrderSort, type OrderState } from '@core';
import type { OrderFilter } from '../port';
import { BUILDING_COLUMN } from './rollup-sql';

/** A WHERE clause with its parameters. */
export interface Where {
  readonly sql: string;
  readonly params: unknown[];
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Translates a caller's scope into SQL; `inScope` in the core is the reference it is tested against. */
export function scopeWhere(scope: OrderScope): Where {
  switch (scope.kind) {
    case 'none':
      return { sql: '0', params: [] };
    case 'community':
      return { sql: 'community_id = ?', params: [scope.communityId] };
    case 'company':
      return { sql: 'community_id = ? AND company_id = ?', params: [scope.communityId, scope.companyId] };
    case 'household':
      // `+community_id`: not an index choice, so SQLite reads orders_by_creator and orders_by_household
      // (the OR) rather than scanning the whole community.
      return {
        sql: `+community_id = ? AND (created_by = ? OR household_id IN (${placeholders(scope.householdIds.length)}))`,
        params: [scope.communityId, scope.userId, ...scope.householdIds],
      };
    case 'worker': {
      // Each branch on its own, and none that cannot match (a worker with no pool, a pool-only listing):
      // SQLite then reads orders_by_worker / orders_by_team instead of scanning the whole community.
      const branches: Where[] = [];
      if (scope.workerId) branches.push({ sql: `(worker_id = ? AND assign_mode = 'member')`, params: [scope.workerId] });
      if (scope.poolTeamIds.length) {
        branches.push({ sql: `pool_team_id IN (${placeholders(scope.poolTeamIds.length)})`, params: [...scope.poolTeamIds] });
      }
      if (branches.length === 0) return { sql: '0', params: [] };
      return { sql: `+community_id = ? AND (${branches.map((b) => b.sql).join(' OR ')})`, params: [scope.communityId, ...branches.flatMap((b) => b.params)] };
    }
    default:
      return assertNever(scope);
  }
}

/** The column of each attention queue's flag. */
const QUEUE_COLUMN: Record<AttentionQueue, string> = {
  overdue: 'queue_overdue',
  escalated: 'queue_escalated',
  complaints: 'queue_complaints',
  instructions: 'queue_instructions',
};

/** Adds the supervisor's filters to a scope. */
export function filterWhere(scope: OrderScope, filter: OrderFilter): Where {
  const parts = [scopeWhere(scope)];
  const add = (sql: string, ...params: unknown[]) => parts.push({ sql, params });
  if (filter.states) add(filter.states.length ? `state IN (${placeholders(filter.states.length)})` : '0', ...filter.states);
  if (filter.compoundId !== undefined) add('compound_id = ?', filter.compoundId);
  if (filter.buildingId !== undefined) add(`${BUILDING_COLUMN} = ?`, filter.buildingId);
  if (filter.teamId !== undefined) add('team_id = ?', filter.teamId);
  if (filter.category !== undefined) add('category = ?', filter.category);
  if (filter.createdFrom !== undefined) add('created_at >= ?', filter.createdFrom);
  if (filter.createdTo !== undefined) add('created_at < ?', filter.createdTo);
  if (filter.attention) add(`${QUEUE_COLUMN[filter.attention]} = 1`);
  // A literal, as in the partial index orders_open, so SQLite may use it.
  if (filter.open !== undefined) add(filter.open ? 'open = 1' : 'open = 0');
  // Written as the partial index orders_grievances is (a literal, not a parameter), so SQLite uses it.
  if (filter.kind === 'grievance') add(`kind = 'grievance'`);
  if (filter.meetingId !== undefined) add(`json_extract(doc, '$.grievance.route.meetingId') = ?`, filter.meetingId);
  return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}

/** Each listing's column, keyset comparison, direction, and the order's value the cursor keeps. */
const SQL_ORDERINGS: Record<OrderSort, readonly [string, '<' | '>', 'ASC' | 'DESC', (o: Order) => number]> = {
  recent: ['updated_at', '<', 'DESC', (o) => o.updatedAt],
  oldest: ['created_at', '>', 'ASC', (o) => o.createdAt],
  // The stored key is the core's: the same function gives the cursor its value.
  urgent: ['urgent_by', '>', 'ASC', urgencyOf],
};

/** The value of a listing's key that the cursor after `last` keeps. */
export const cursorKey = (sort: OrderSort, last: Order): number => SQL_ORDERINGS[sort][3](last);

/**
 * An attention queue, and the 诉求, are read through their own partial indexes (schema-sql.ts): SQLite's
 * planner would otherwise walk the community's whole state index to find the few orders in the queue,
 * or a period's orders (every one of them looked up) to find its few 诉求.
 */
const ordersFor = (filter: OrderFilter): string =>
  filter.attention ? `orders INDEXED BY orders_in_${filter.attention}` : filter.kind === 'grievance' ? 'orders INDEXED BY orders_grievances' : 'orders';

/**
 * Counting one team's orders by state reads that team's orders (a lookup each for its state), not
 * the community's: left to choose, SQLite prefers the community's state index, whose order is the
 * GROUP BY's, and looks up every order of the community.
 */
const countedFrom = (filter: OrderFilter): string =>
  !filter.attention && filter.teamId !== undefined ? 'orders INDEXED BY orders_by_team' : ordersFor(filter);

/**
 * The ids of a page of orders, `limit` of them after the cursor's (key, id). Ids only: the documents
 * of the orders being worked on are in the cache as texts already, and reading a document out of its
 * row (decoding it from UTF-8) cost a list as much as parsing it.
 */
export function pageQuery(scope: OrderScope, filter: OrderFilter, sort: OrderSort, after: readonly [number, string] | null, limit: number): Where {
  const where = filterWhere(scope, filter);
  const [col, cmp, dir] = SQL_ORDERINGS[sort];
  // The key's own bound first, so that SQLite seeks to the cursor instead of reading from the start.
  const keyset = after ? ` AND ${col} ${cmp}= ? AND (${col} ${cmp} ? OR id ${cmp} ?)` : '';
  const params = after ? [...where.params, after[0], after[0], after[1]] : where.params;
  return { sql: `SELECT id FROM ${ordersFor(filter)} WHERE ${where.sql}${keyset} ORDER BY ${col} ${dir}, id ${dir} LIMIT ?`, params: [...params, limit] };
}

/** A count by state, and which of its rows count under the filter. */
export interface CountQuery extends Where {
  readonly keeps: (state: OrderState) => boolean;
}

/**
 * The orders of a scope and filter counted by state. Whether an order is open follows from its state
 * (the core's TERMINAL_STATES), so an `open` filter is not asked of SQLite, which would then look up
 * every order of the community for its flag: the counts come from the state index alone, and `keeps`
 * says which states the filter wants.
 */
export function countQuery(scope: OrderScope, filter: OrderFilter): CountQuery {
  const { open, ...rest } = filter;
  const where = filterWhere(scope, rest);
  return {
    sql: `SELECT state, COUNT(*) AS n FROM ${countedFrom(rest)} WHERE ${where.sql} GROUP BY state`,
    params: where.params,
    keeps: (state) => open === undefined || TERMINAL_STATES.includes(state) !== open,
  };
}

export { decodeCursor, encodeCursor } from '../order-index';
