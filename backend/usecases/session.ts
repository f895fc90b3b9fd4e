import {
  assertNever,
  fail,
  ok,
  relationTo,
  type AppError,
  type Recipient,
  type Result,
  type SessionInfo,
  type StoredNotificationView,
  type User,
  type Actor,
} from '@core';
import type { Deps } from '../runtime/deps';
import { refuseWrite } from '../runtime/rate-limit';
import { caredFor, communitiesOf } from '../runtime/caller';

/** Who the caller is: roles, community, households they may order for, their teams and company. */
export async function whoami(deps: Deps, user: User): Promise<Result<SessionInfo, AppError>> {
  const { store } = deps;
  const [community, teams, compounds, company, memberships, allCommunities] = await Promise.all([
    store.getRef('communities', user.communityId),
    store.listRefs('teams', user.communityId),
    store.listRefs('compounds', user.communityId),
    user.companyId ? store.getRef('companies', user.companyId) : null,
    communitiesOf(store, user),
    store.listRefs('communities'),
  ]);
  const communityName = new Map(allCommunities.map((c) => [c.id, c.name]));
  // Their homes first, then the households they order for (结对, their buildings: 代下单).
  const ids = [...user.householdIds, ...(await caredFor(store, user))];
  const households = (await Promise.all(ids.map((id) => store.getRef('households', id)))).filter((h) => h !== null);
  const buildings = (await Promise.all(households.map((h) => store.getRef('buildings', h.buildingId)))).filter((b) => b !== null);
  const compoundName = new Map(compounds.map((c) => [c.id, c.name]));
  const companyIds = [...new Set(households.map((h) => compounds.find((c) => c.id === h.compoundId)?.companyId).filter((id) => id !== undefined))];
  const properties = new Map((await Promise.all(companyIds.map((id) => store.getRef('companies', id)))).filter((c) => c !== null).map((c) => [c.id, c]));
  const propertyOf = (compoundId: string) => {
    const company = properties.get(compounds.find((c) => c.id === compoundId)?.companyId ?? '');
    return company ? { name: company.name, phone: company.phone ?? null } : null;
  };
  // The company that serves the resident's home answers 一键呼叫物业, not a dispatcher's employer.
  const servingId = compounds.find((c) => c.id === households[0]?.compoundId)?.companyId;
  const serving = servingId ? (servingId === company?.id ? company : await store.getRef('companies', servingId)) : null;
  const buildingName = new Map(buildings.map((b) => [b.id, b.name]));
  return ok({
    user: { id: user.id, name: user.name, roles: user.roles, onDuty: user.onDuty, maxOpenOrders: user.maxOpenOrders, volunteer: user.volunteer },
    community: { id: user.communityId, name: community?.name ?? '' },
    households: households.map((h) => ({
      ...h,
      address: `${compoundName.get(h.compoundId) ?? ''}${buildingName.get(h.buildingId) ?? ''}${h.door}`,
      property: propertyOf(h.compoundId),
      relation: relationTo(user, h) ?? 'own',
    })),
    teams: teams.filter((t) => t.memberIds.includes(user.id)).map((t) => ({ id: t.id, name: t.name })),
    company: company ? { id: company.id, name: company.name } : null,
    compounds: compounds.map((c) => ({ id: c.id, name: c.name })),
    property: serving?.phone ? { name: serving.name, phone: serving.phone } : null,
    communities: memberships.map((m) => ({ id: m.communityId, name: communityName.get(m.communityId) ?? '', roles: m.roles })),
  });
}

/** A worker goes on or off duty: off duty, nobody can send them orders and they cannot grab. */
export async function setOnDuty(deps: Deps, user: User, onDuty: boolean): Promise<Result<SessionInfo, AppError>> {
  if (!user.roles.includes('worker')) return fail('AUTH.ROLE_NOT_HELD', { role: 'worker' });
  const limited = refuseWrite(deps.limits, user.id, deps.now());
  if (limited) return limited;
  const next = { ...user, onDuty };
  await deps.store.putRefs('users', [next]);
  return whoami(deps, next);
}

/** The addresses a person's notifications arrive at in a role. */
export function recipientsOf(actor: Actor): Recipient[] {
  const mine: Recipient[] = [{ kind: 'user', userId: actor.user.id }];
  switch (actor.role) {
    case 'worker':
      return [...mine, ...actor.teamIds.map((teamId) => ({ kind: 'team', teamId }) as const)];
    case 'dispatcher':
      return actor.user.companyId ? [...mine, { kind: 'company', companyId: actor.user.companyId, communityId: actor.user.communityId }] : mine;
    case 'supervisor':
      return [...mine, { kind: 'supervisors', communityId: actor.user.communityId }];
    case 'resident':
    case 'admin':
    case 'group_leader':
      return mine;
    default:
      return assertNever(actor.role);
  }
}

/** The latest notifications for the actor's role. */
export async function listNotifications(deps: Deps, actor: Actor, limit: number): Promise<Result<{ items: StoredNotificationView[] }, AppError>> {
  const items = await deps.store.listNotifications(recipientsOf(actor), limit);
  return ok({ items: items.map(({ id, orderId, text, about, at }) => ({ id, orderId, text, about: about ?? null, at })) });
}
