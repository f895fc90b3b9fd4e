import {
  ROLE_LABELS,
  departed,
  fail,
  ok,
  withoutRole,
  wouldLeaveNoAdmin,
  type Actor,
  type AppError,
  type JoinStatus,
  type MemberView,
  type Result,
  type Role,
  type User,
} from '@core';
import type { Deps } from '../../runtime/deps';
import { refuseWrite } from '../../runtime/rate-limit';
import { auditEntry, writeAudit } from './audit-log';
import { joinStatus } from './join-views';

const memberView = (u: User): MemberView => ({ id: u.id, name: u.name, phone: u.phone, roles: u.roles });

/** Everyone who holds a role in the admin's community. */
export async function listMembers(deps: Deps, actor: Actor): Promise<Result<{ items: MemberView[] }, AppError>> {
  if (actor.role !== 'admin') return fail('AUTH.FORBIDDEN');
  const users = await deps.store.listRefs('users', actor.user.communityId);
  return ok({ items: users.filter((u) => u.roles.length > 0).map(memberView) });
}

/** Takes the user out of every team (a worker who lost the role, or someone who left). */
async function leaveTeams(deps: Deps, user: User): Promise<void> {
  const teams = (await deps.store.listRefs('teams', user.communityId)).filter((t) => t.memberIds.includes(user.id));
  if (teams.length)
    await deps.store.putRefs(
      'teams',
      teams.map((t) => ({ ...t, memberIds: t.memberIds.filter((id) => id !== user.id) })),
    );
}

/** The admin takes one role from a member; the last admin's admin role cannot go. */
export async function revokeRole(deps: Deps, actor: Actor, userId: string, role: Role): Promise<Result<{ member: MemberView }, AppError>> {
  if (actor.role !== 'admin') return fail('AUTH.FORBIDDEN');
  const limited = refuseWrite(deps.limits, actor.user.id, deps.now());
  if (limited) return limited;
  const { store } = deps;
  const user = await store.getRef('users', userId);
  if (!user || user.communityId !== actor.user.communityId || user.roles.length === 0) return fail('MEMBER.NOT_FOUND');
  if (!user.roles.includes(role)) return ok({ member: memberView(user) });
  if (wouldLeaveNoAdmin(await store.listRefs('users', user.communityId), user, role)) return fail('MEMBER.LAST_ADMIN');
  const next = withoutRole(user, role);
  await store.putRefs('users', [next]);
  if (role === 'worker') await leaveTeams(deps, user);
  await writeAudit(deps, auditEntry(deps, user.communityId, { id: actor.user.id, name: actor.user.name }, 'role.revoked', user.name, ROLE_LABELS[role]));
  return ok({ member: memberView(next) });
}

/**
 * A person leaves the community: their roles, households and teams go and their name, phone and
 * OPENID are erased; their past orders stay, as docs/privacy.md says. The last admin cannot leave.
 */
export async function leave(deps: Deps, user: User): Promise<Result<JoinStatus, AppError>> {
  const { store } = deps;
  const limited = refuseWrite(deps.limits, user.id, deps.now());
  if (limited) return limited;
  if (wouldLeaveNoAdmin(await store.listRefs('users', user.communityId), user, 'all')) return fail('MEMBER.LAST_ADMIN');
  await leaveTeams(deps, user);
  await store.putRefs('users', [departed(user)]);
  // The log keeps that someone left, not who: the name goes with the rest of what identified them.
  await writeAudit(
    deps,
    auditEntry(deps, user.communityId, { id: user.id, name: '已退出的用户' }, 'member.left', user.id, user.roles.map((r) => ROLE_LABELS[r]).join('、')),
  );
  return ok(await joinStatus(deps, user.openid, null));
}
