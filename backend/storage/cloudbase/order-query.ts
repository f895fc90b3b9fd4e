import { assertNever, type AttentionQueue, type OrderScope } from '@core';
import type { OrderFilter } from '../port';
import { QUEUE_FIELD } from '../order-index';

/** The `db.command` operators this module needs (`_` in CloudBase's docs). */
export interface Commands {
  in(values: unknown[]): unknown;
  lt(value: unknown): unknown;
  gt(value: unknown): unknown;
  gte(value: unknown): unknown;
  and(conditions: object[]): object;
  or(conditions: object[]): object;
}

// Assignment fields are queried by dot path inside the stored Order; a null assignment matches none.
const TEAM = 'assignment.teamId';
const WORKER = 'assignment.workerId';
const MODE = 'assignment.mode';

/**
 * The caller's scope as a CloudBase condition, or null when it can match nothing (so the adapter
 * skips the round trip). `inScope` in the core is the reference the contract tests compare with.
 */
export function scopeCondition(_: Commands, scope: OrderScope): object | null {
  switch (scope.kind) {
    case 'none':
      return null;
    case 'community':
      return { communityId: scope.communityId };
    case 'company':
      return { communityId: scope.communityId, companyId: scope.companyId };
    case 'household': {
      const mine: object[] = [{ createdBy: scope.userId }];
      if (scope.householdIds.length) mine.push({ householdId: _.in([...scope.householdIds]) });
      return _.and([{ communityId: scope.communityId }, _.or(mine)]);
    }
    case 'worker': {
      const tasks: object[] = [{ [MODE]: 'member', [WORKER]: scope.workerId }];
      // The index says which team's pool offers an order (the core's poolTeamOf).
      if (scope.poolTeamIds.length) tasks.push({ 'idx.poolTeamId': _.in([...scope.poolTeamIds]) });
      return _.and([{ communityId: scope.communityId }, _.or(tasks)]);
    }
    default:
      return assertNever(scope);
  }
}

/** The supervisor's queues, on the index's flags stored with every write (order-doc.ts). */
const inQueue = (q: AttentionQueue) => ({ [`idx.${QUEUE_FIELD[q]}`]: 1 });

/** Scope plus the supervisor's filters; the created range is half-open [createdFrom, createdTo). */
export function orderCondition(_: Commands, scope: OrderScope, filter: OrderFilter): object | null {
  const inScope = scopeCondition(_, scope);
  if (!inScope) return null;
  if (filter.states && filter.states.length === 0) return null;
  const parts: object[] = [inScope];
  if (filter.states) parts.push({ state: _.in([...filter.states]) });
  if (filter.compoundId !== undefined) parts.push({ compoundId: filter.compoundId });
  if (filter.buildingId !== undefined) parts.push({ buildingId: filter.buildingId });
  if (filter.teamId !== undefined) parts.push({ [TEAM]: filter.teamId });
  if (filter.category !== undefined) parts.push({ category: filter.category });
  if (filter.createdFrom !== undefined) parts.push({ createdAt: _.gte(filter.createdFrom) });
  if (filter.createdTo !== undefined) parts.push({ createdAt: _.lt(filter.createdTo) });
  if (filter.attention) parts.push(inQueue(filter.attention));
  if (filter.open !== undefined) parts.push({ 'idx.open': filter.open ? 1 : 0 });
  if (filter.kind !== undefined) parts.push({ kind: filter.kind });
  if (filter.meetingId !== undefined) parts.push({ 'grievance.route.meetingId': filter.meetingId });
  return parts.length === 1 ? inScope : _.and(parts);
}

/** How a listing is ordered: latest change first, or placed longest ago first; `_id` breaks ties. */
export const ORDERINGS = {
  recent: { field: 'updatedAt', dir: 'desc' },
  oldest: { field: 'createdAt', dir: 'asc' },
  urgent: { field: 'idx.urgentBy', dir: 'asc' },
} as const;
/** The sweep's queue: soonest next moment first. */
export const SWEEP_ORDERING = { field: 'idx.nextSweepAt', dir: 'asc' } as const;
export type Ordering = (typeof ORDERINGS)[keyof typeof ORDERINGS] | typeof SWEEP_ORDERING;

/** The value a stored document holds at an ordering's field (a dot path into `idx` for the index's keys). */
export const sortKeyOf = (doc: Record<string, unknown>, field: string): unknown =>
  field.split('.').reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined), doc);

/** Keyset continuation: strictly after the previous page's last row in the listing's order. */
export function afterCursor(_: Commands, o: Ordering, [key, id]: [number, string]): object {
  const past = (v: unknown) => (o.dir === 'desc' ? _.lt(v) : _.gt(v));
  return _.or([{ [o.field]: past(key) }, { [o.field]: key, _id: past(id) }]);
}

export { decodeCursor, encodeCursor } from '../order-index';
