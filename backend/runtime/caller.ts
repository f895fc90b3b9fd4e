import { ROLES, fail, invalid, ledBuildings, ok, pairedWith, type Actor, type AppError, type Result, type Role, type User } from '@core';
import type { Store } from '../storage/port';

/**
 * Who is calling. A deployed function knows only the WeChat OPENID from its context; the local
 * server names a demo user by id. Nothing in the event body can say who the caller is.
 */
export type Caller = { readonly openid: string } | { readonly devUserId: string } | null;

/**
 * A WeChat identity, member or not: joining is done by people the store does not know yet. In dev
 * mode a `newcomer-…` user id stands for an OPENID of that name, so the H5 app can walk the join flow.
 */
export interface Identity {
  readonly openid: string;
  readonly user: User | null;
}

/** The dev user ids that name an unknown WeChat identity rather than a seeded user. */
export const NEWCOMER_PREFIX = 'newcomer-';

/**
 * Finds the identity behind a caller, and the user it is if any: in the community the request names
 * (`community`, for a person who belongs to several), else the first they belong to. Naming a
 * community they do not belong to finds no user there.
 */
export async function resolveIdentity(store: Store, caller: Caller, community: string | null = null): Promise<Result<Identity, AppError>> {
  if (!caller) return fail('AUTH.NO_IDENTITY');
  const openid = 'openid' in caller ? caller.openid : caller.devUserId.startsWith(NEWCOMER_PREFIX) ? caller.devUserId : null;
  if (openid !== null) {
    if (!openid) return fail('AUTH.NO_IDENTITY');
    if (community === null) return ok({ openid, user: await store.findUserByOpenid(openid) });
    return ok({ openid, user: (await store.findUsersByOpenid(openid)).find((u) => u.communityId === community) ?? null });
  }
  if (!('devUserId' in caller) || !caller.devUserId) return fail('AUTH.NO_IDENTITY');
  const user = await store.getRef('users', caller.devUserId);
  // A demo user who left keeps their id but not their identity: they are unknown from then on.
  if (!user?.openid) return fail('AUTH.UNKNOWN_USER');
  if (community === null || community === user.communityId) return ok({ openid: user.openid, user });
  const there = (await store.findUsersByOpenid(user.openid)).find((u) => u.communityId === community);
  return ok({ openid: user.openid, user: there ?? null });
}

/** Every community a person belongs to (社区切换), by their identity. */
export async function communitiesOf(store: Store, user: User): Promise<User[]> {
  return (await store.findUsersByOpenid(user.openid)).filter((u) => u.roles.length > 0);
}

/** Finds the user behind a caller. */
export async function resolveUser(store: Store, caller: Caller): Promise<Result<User, AppError>> {
  const who = await resolveIdentity(store, caller);
  if (!who.ok) return who;
  return who.value.user ? ok(who.value.user) : fail('AUTH.UNKNOWN_USER');
}

/** The user acting in one of their roles, with the teams they belong to. */
export async function actorFor(store: Store, user: User, role: unknown): Promise<Result<Actor, AppError>> {
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    return invalid({ role: '请选择身份' });
  }
  if (!user.roles.includes(role as Role)) return fail('AUTH.ROLE_NOT_HELD', { role: role as Role });
  const [teams, caresFor] = await Promise.all([store.listRefs('teams', user.communityId), caredFor(store, user)]);
  return ok({ user, role: role as Role, teamIds: teams.filter((t) => t.memberIds.includes(user.id)).map((t) => t.id), caresFor });
}

/**
 * Households a user orders for and follows without living there: those paired with them (结对), and
 * those of the buildings they lead. Only a group leader costs a read (the community's households).
 */
export async function caredFor(store: Store, user: User): Promise<string[]> {
  const paired = pairedWith(user).filter((h) => !user.householdIds.includes(h));
  const led = ledBuildings(user);
  if (led.length === 0) return paired;
  const households = await store.listRefs('households', user.communityId);
  const inBuildings = households.filter((h) => led.includes(h.buildingId) && !user.householdIds.includes(h.id) && !paired.includes(h.id)).map((h) => h.id);
  return [...paired, ...inBuildings];
}
