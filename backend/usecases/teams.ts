import { fail, ok, type Actor, type AppError, type Result, type TeamView } from '@core';
import type { Deps } from '../runtime/deps';

/** The teams a dispatcher can send orders to, with each member's duty and open load. */
export async function listTeams(deps: Deps, actor: Actor): Promise<Result<{ teams: TeamView[] }, AppError>> {
  if (actor.role !== 'dispatcher' && actor.role !== 'supervisor' && actor.role !== 'admin') return fail('AUTH.FORBIDDEN');
  const { store } = deps;
  const all = await store.listRefs('teams', actor.user.communityId);
  const teams = actor.role === 'dispatcher' ? all.filter((t) => t.companyId === null || t.companyId === actor.user.companyId) : all;
  const memberIds = [...new Set(teams.flatMap((t) => t.memberIds))];
  const [members, open] = await Promise.all([Promise.all(memberIds.map((id) => store.getRef('users', id))), store.openOrdersOf(memberIds)]);
  const byId = new Map(members.filter((u) => u !== null).map((u) => [u.id, u]));
  return ok({
    teams: teams.map((t) => ({
      id: t.id,
      name: t.name,
      // A deleted team still names its past orders; no form offers it.
      ...(t.removedAt !== undefined && { removed: true }),
      categories: t.categories,
      members: t.memberIds.flatMap((id) => {
        const u = byId.get(id);
        return u ? [{ id, name: u.name, onDuty: u.onDuty, openOrders: open[id] ?? 0, maxOpenOrders: u.maxOpenOrders }] : [];
      }),
    })),
  });
}
