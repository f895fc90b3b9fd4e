import type { Actor } from './actor';
import type { OrderEvent } from './order';

/** The team an event's recorded assignment names, if any. */
const teamOf = (e: OrderEvent): string | null => {
  const a = e.payload.assignment as { teamId?: unknown } | undefined;
  return typeof a?.teamId === 'string' ? a.teamId : null;
};

/**
 * Whether a worker whose grab found the order outside their scope lost a genuine race: at the version
 * they grabbed from, the order sat in their team's pool (so they had seen it), and a teammate grabbed
 * it since. Only then may they hear "already taken"; an order offered by name to a teammate, or a
 * version they never saw, is answered like any order outside their scope, so its existence stays hidden.
 */
export function lostGrabRace(events: readonly OrderEvent[], actor: Actor, version: number): boolean {
  const grab = events.find((e) => e.action === 'grab' && e.seq > version);
  if (!grab || grab.actorId === actor.user.id) return false;
  const team = teamOf(grab);
  if (team === null || !actor.teamIds.includes(team)) return false;
  // The pool opened with the last dispatch or reassign before the grab; the caller's version must fall inside it.
  const opened = events.filter((e) => (e.action === 'dispatch' || e.action === 'reassign') && e.seq < grab.seq).at(-1);
  return opened !== undefined && opened.seq <= version;
}
