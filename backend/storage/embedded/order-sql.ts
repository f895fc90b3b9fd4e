import { assertNever, type AttentionQueue, type OrderScope } from '@core';
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
  if (filter.open !== undefined) add('open = ?', filter.open ? 1 : 0);
  // Written as the partial index orders_grievances is (a literal, not a parameter), so SQLite uses it.
  if (filter.kind === 'grievance') add(`kind = 'grievance'`);
  if (filter.meetingId !== undefined) add(`json_extract(doc, '$.grievance.route.meetingId') = ?`, filter.meetingId);
  return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}

export { decodeCursor, encodeCursor } from '../order-index';
