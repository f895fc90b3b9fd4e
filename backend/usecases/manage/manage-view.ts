import { fail, liveTeams, ok, type Actor, type AppError, type ManageView, type PropertyCompany, type Result, type User } from '@core';
import type { Deps } from '../../runtime/deps';
import { refuseWrite } from '../../runtime/rate-limit';

/** Only the admin manages the community; a change also spends from the user's write budget. */
export const mustBeAdmin = (actor: Actor) => (actor.role === 'admin' ? null : fail('AUTH.FORBIDDEN'));
export const mayChange = (deps: Deps, actor: Actor) => mustBeAdmin(actor) ?? refuseWrite(deps.limits, actor.user.id, deps.now());

/** The companies a community deals with: those it added and those serving its compounds. */
export async function companiesOf(deps: Deps, communityId: string): Promise<PropertyCompany[]> {
  const [companies, compounds] = await Promise.all([deps.store.listRefs('companies'), deps.store.listRefs('compounds', communityId)]);
  const serving = new Set(compounds.map((c) => c.companyId));
  return companies.filter((c) => c.communityId === communityId || serving.has(c.id));
}

const residentOf = (u: User) => ({ id: u.id, name: u.name, phone: u.phone, householdIds: u.householdIds, hasWechat: u.openid !== '', rev: u.rev ?? 0 });

/** Everything the 社区管理 pages list, in one read. */
export async function manageView(deps: Deps, actor: Actor): Promise<Result<ManageView, AppError>> {
  const denied = mustBeAdmin(actor);
  if (denied) return denied;
  const { store } = deps;
  const c = actor.user.communityId;
  const [companies, compounds, allBuildings, households, users, teams, services] = await Promise.all([
    companiesOf(deps, c),
    store.listRefs('compounds', c),
    store.listRefs('buildings'),
    store.listRefs('households', c),
    store.listRefs('users', c),
    store.listRefs('teams', c),
    store.listRefs('serviceItems', c),
  ]);
  const compoundIds = new Set(compounds.map((cp) => cp.id));
  const workers = users.filter((u) => u.roles.includes('worker'));
  const open = await store.openOrdersOf(workers.map((w) => w.id));
  return ok({
    companies,
    compounds,
    buildings: allBuildings.filter((b) => compoundIds.has(b.compoundId)),
    households,
    residents: users.filter((u) => u.roles.includes('resident')).map(residentOf),
    workers: workers.map((w) => ({
      id: w.id,
      name: w.name,
      phone: w.phone,
      skills: w.skills ?? [],
      onDuty: w.onDuty,
      maxOpenOrders: w.maxOpenOrders,
      openOrders: open[w.id] ?? 0,
      rev: w.rev ?? 0,
    })),
    // A deleted team's tombstone is not the admin's to edit: it only names past orders.
    teams: liveTeams(teams),
    services,
  });
}
