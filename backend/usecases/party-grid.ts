import { fail, ledBuildings, mayArrange, ok, pairHousehold, responsibleFor, type Actor, type AppError, type GridView, type Result } from '@core';
import type { Deps } from '../runtime/deps';
import { refuseWrite } from '../runtime/rate-limit';
import { auditEntry, writeAudit } from './membership/audit-log';

const arranges = (actor: Actor) => actor.role === 'admin' || actor.role === 'group_leader';

/**
 * The grid as the caller arranges it: every building of the community for the admin, the buildings
 * they lead for a 楼栋党小组长; each household with its paired party member (结对认亲), and the
 * residents who may be paired with one.
 */
export async function gridView(deps: Deps, actor: Actor): Promise<Result<GridView, AppError>> {
  if (!arranges(actor)) return fail('AUTH.FORBIDDEN');
  const { store } = deps;
  const communityId = actor.user.communityId;
  const [compounds, allBuildings, households, users] = await Promise.all([
    store.listRefs('compounds', communityId),
    store.listRefs('buildings'),
    store.listRefs('households', communityId),
    store.listRefs('users', communityId),
  ]);
  const compoundOf = new Map(compounds.map((c) => [c.id, c]));
  const members = users.filter((u) => u.openid !== '');
  const buildings = allBuildings
    .filter((b) => compoundOf.has(b.compoundId) && mayArrange(actor, b.id))
    .map((b) => {
      const compound = compoundOf.get(b.compoundId)!;
      return {
        id: b.id,
        name: b.name,
        compoundName: compound.name,
        branchName: compound.branchName ?? null,
        leaders: members.filter((u) => ledBuildings(u).includes(b.id)).map((u) => u.name),
        households: households
          .filter((h) => h.buildingId === b.id)
          .sort((x, y) => x.door.localeCompare(y.door, 'zh'))
          .map((h) => {
            const member = responsibleFor(h.id, members);
            return { id: h.id, door: h.door, contactName: h.contactName, partyMember: member ? { userId: member.id, name: member.name } : null };
          }),
      };
    });
  return ok({
    buildings,
    members: members.filter((u) => u.roles.includes('resident')).map((u) => ({ id: u.id, name: u.name })),
  });
}

/**
 * 结对认亲: pairs a household with a party member (a resident of the community), or unpairs it (null).
 * The admin does it anywhere, a group leader in the buildings they lead; each change is audited.
 */
export async function pairHouseholdWith(deps: Deps, actor: Actor, householdId: string, memberId: string | null): Promise<Result<GridView, AppError>> {
  if (!arranges(actor)) return fail('AUTH.FORBIDDEN');
  const limited = refuseWrite(deps.limits, actor.user.id, deps.now());
  if (limited) return limited;
  const { store } = deps;
  const communityId = actor.user.communityId;
  const household = await store.getRef('households', householdId);
  if (!household || household.communityId !== communityId || !mayArrange(actor, household.buildingId)) return fail('GRID.NOT_YOURS');
  const users = await store.listRefs('users', communityId);
  const member = memberId === null ? null : users.find((u) => u.id === memberId && u.openid !== '' && u.roles.includes('resident'));
  if (member === undefined) return fail('MEMBER.NOT_FOUND');
  const changed = pairHousehold(users, householdId, member);
  if (changed.length > 0) {
    await store.putRefs('users', changed);
    const by = { id: actor.user.id, name: actor.user.name };
    const was = responsibleFor(householdId, users);
    await writeAudit(
      deps,
      member
        ? auditEntry(deps, communityId, by, 'grid.paired', household.door, `由${member.name}结对联系`)
        : auditEntry(deps, communityId, by, 'grid.unpaired', household.door, was ? `原结对党员${was.name}` : ''),
    );
  }
  return gridView(deps, actor);
}
