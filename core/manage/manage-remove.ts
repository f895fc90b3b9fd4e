import type { Millis, ServiceTeam } from '../community';
import { fail, type AppError } from '../errors';
import { ok, type Result } from '../result';
import type { Revised } from './manage-common';

/** What a building, household or team still holds: each a count and how it reads (户住户, 位居民…). */
export type Holdings = readonly (readonly [count: number, unit: string])[];

/**
 * Whether something added by mistake may be deleted: it must be the community's own, the revision
 * the admin saw, and hold no people and no open orders (those would lose their address or their
 * team). Past orders keep their names: an order carries its address in words, and a team is kept
 * as a tombstone (removedTeam). The refusal says what is still there, in the admin's words.
 */
export function mayRemove(stored: Revised | null, input: { rev?: number | undefined }, what: string, subject: string, holds: Holdings): Result<void, AppError> {
  if (!stored) return fail('MANAGE.NOT_FOUND', { what });
  if (input.rev !== undefined && input.rev !== (stored.rev ?? 0)) return fail('MANAGE.STALE');
  const left = holds.filter(([n]) => n > 0).map(([n, unit]) => `${n}${unit}`);
  return left.length > 0 ? fail('MANAGE.IN_USE', { what: `${what}“${subject}”`, holds: left.join('和') }) : ok(undefined);
}

/** The tombstone a deleted team leaves: it serves nothing and nobody is in it, but its name stays for past orders. */
export const removedTeam = (team: ServiceTeam, now: Millis): ServiceTeam => ({
  ...team,
  memberIds: [],
  categories: [],
  dispatchMode: 'dispatcher',
  removedAt: now,
  rev: (team.rev ?? 0) + 1,
});

/** The teams still in use: a deleted one is never offered again. */
export const liveTeams = <T extends Pick<ServiceTeam, 'removedAt'>>(teams: readonly T[]): T[] => teams.filter((t) => t.removedAt === undefined);
