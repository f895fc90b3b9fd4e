import { ledBuildings, liveTeams, mayRemove, ok, pairedWith, removedTeam, type Actor, type AppError, type AuditWhat, type Result } from '@core';
import type { Deps } from '../../runtime/deps';
import type { OrderFilter } from '../../storage/port';
import { auditEntry, writeAudit } from '../membership/audit-log';
import { mayChange } from './manage-view';

type Removed = Result<{ removed: string }, AppError>;

/** How many of the community's orders under a filter are still open (not ended). */
async function openOrders(deps: Deps, communityId: string, filter: OrderFilter, householdIds?: readonly string[]): Promise<number> {
  const scope = householdIds ? ({ kind: 'household', communityId, userId: '', householdIds } as const) : ({ kind: 'community', communityId } as const);
  const counts = await deps.store.countByState(scope, { ...filter, open: true });
  return Object.values(counts).reduce((n, x) => n + x, 0);
}

const audit = (deps: Deps, actor: Actor, what: AuditWhat, subject: string) =>
  writeAudit(deps, auditEntry(deps, actor.user.communityId, { id: actor.user.id, name: actor.user.name }, what, subject, '删除（误加）'));

/** Deletes a building added by mistake: refused while it has households, a group leader, open orders or pending applications to live there. */
export async function removeBuilding(deps: Deps, actor: Actor, input: { id: string; rev?: number | undefined }): Promise<Removed> {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const c = actor.user.communityId;
  const building = await deps.store.getRef('buildings', input.id);
  const compound = building ? await deps.store.getRef('compounds', building.compoundId) : null;
  const mine = building && compound?.communityId === c ? building : null;
  const [households, users, open, applications] = mine
    ? await Promise.all([
        deps.store.listRefs('households', c),
        deps.store.listRefs('users', c),
        openOrders(deps, c, { buildingId: mine.id }),
        deps.store.listRefs('applications', c),
      ])
    : [[], [], 0, []];
  const subject = `${compound?.name ?? ''}${building?.name ?? ''}`;
  const checked = mayRemove(mine, input, '楼栋', subject, [
    [households.filter((h) => h.buildingId === input.id).length, '户住户'],
    [users.filter((u) => ledBuildings(u).includes(input.id)).length, '位楼栋党小组长'],
    [open, '张未办结的工单'],
    // Approving one would seat a household in a building that no longer exists.
    [applications.filter((a) => a.buildingId === input.id && a.state === 'pending').length, '份待审核的入住申请'],
  ]);
  if (!checked.ok) return checked;
  await deps.store.deleteRef('buildings', input.id);
  await audit(deps, actor, 'building.removed', subject);
  return ok({ removed: input.id });
}

/** Deletes a household added by mistake: refused while residents are bound to it, a party member is paired with it, or it has open orders. */
export async function removeHousehold(deps: Deps, actor: Actor, input: { id: string; rev?: number | undefined }): Promise<Removed> {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const c = actor.user.communityId;
  const household = await deps.store.getRef('households', input.id);
  const mine = household?.communityId === c ? household : null;
  const [users, open, building, compound] = mine
    ? await Promise.all([
        deps.store.listRefs('users', c),
        openOrders(deps, c, {}, [mine.id]),
        deps.store.getRef('buildings', mine.buildingId),
        deps.store.getRef('compounds', mine.compoundId),
      ])
    : [[], 0, null, null];
  const subject = `${compound?.name ?? ''}${building?.name ?? ''}${household?.door ?? ''}`;
  const checked = mayRemove(mine, input, '住户', subject, [
    [users.filter((u) => u.householdIds.includes(input.id)).length, '位居民'],
    [users.filter((u) => pairedWith(u).includes(input.id)).length, '位结对党员'],
    [open, '张未办结的工单'],
  ]);
  if (!checked.ok) return checked;
  await deps.store.deleteRef('households', input.id);
  await audit(deps, actor, 'household.removed', subject);
  return ok({ removed: input.id });
}

/**
 * Deletes a team added by mistake: refused while it has members or open orders. It stays as a
 * tombstone (removedTeam) so that its past orders and the statistics still show its name.
 */
export async function removeTeam(deps: Deps, actor: Actor, input: { id: string; rev?: number | undefined }): Promise<Removed> {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const c = actor.user.communityId;
  const team = await deps.store.getRef('teams', input.id);
  const mine = team?.communityId === c && liveTeams([team]).length === 1 ? team : null;
  const open = mine ? await openOrders(deps, c, { teamId: mine.id }) : 0;
  const checked = mayRemove(mine, input, '服务队', team?.name ?? '', [
    [mine?.memberIds.length ?? 0, '名队员'],
    [open, '张未办结的工单'],
  ]);
  if (!checked.ok || !mine) return checked.ok ? ok({ removed: input.id }) : checked;
  await deps.store.putRefs('teams', [removedTeam(mine, deps.now())]);
  await audit(deps, actor, 'team.removed', mine.name);
  return ok({ removed: input.id });
}
