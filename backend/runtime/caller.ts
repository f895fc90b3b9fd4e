import { ROLES, fail, invalid, ok, type Actor, type AppError, type Result, type Role, type User } from '@core';
import type { Store } from '../storage/port';

/**
 * Who is calling. A deployed function knows only the WeChat OPENID from its context; the local
 * server names a demo user by id. Nothing in the event body can say who the caller is.
 */
export type Caller = { readonly openid: string } | { readonly devUserId: string } | null;

/** Finds the user behind a caller. */
export async function resolveUser(store: Store, caller: Caller): Promise<Result<User, AppError>> {
  if (!caller) return fail('AUTH.NO_IDENTITY');
  if ('openid' in caller) {
    if (!caller.openid) return fail('AUTH.NO_IDENTITY');
    const user = await store.findUserByOpenid(caller.openid);
    return user ? ok(user) : fail('AUTH.UNKNOWN_USER');
  }
  if (!caller.devUserId) return fail('AUTH.NO_IDENTITY');
  const user = await store.getRef('users', caller.devUserId);
  return user ? ok(user) : fail('AUTH.UNKNOWN_USER');
}

/** The user acting in one of their roles, with the teams they belong to. */
export async function actorFor(store: Store, user: User, role: unknown): Promise<Result<Actor, AppError>> {
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    return invalid({ role: '请选择身份' });
  }
  if (!user.roles.includes(role as Role)) return fail('AUTH.ROLE_NOT_HELD', { role: role as Role });
  const teams = await store.listRefs('teams', user.communityId);
  return ok({ user, role: role as Role, teamIds: teams.filter((t) => t.memberIds.includes(user.id)).map((t) => t.id) });
}
