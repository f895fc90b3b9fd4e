import { checkRedeemable, fail, grantRole, invalid, ok, type AppError, type JoinStatus, type Result, type User } from '@core';
import type { Identity } from '../../runtime/caller';
import type { Deps } from '../../runtime/deps';
import { refuseWrite } from '../../runtime/rate-limit';
import { auditEntry } from './audit-log';
import { roleWords, statusOf } from './join-views';

export interface RedeemInput {
  readonly code: string;
  /** The community the link or QR code named; null when the code was typed. */
  readonly communityId: string | null;
  readonly name?: string;
  readonly phone?: string;
}

/** A worker's defaults when an invitation makes them one: on duty, up to five open orders. */
const NEW_WORKER = { onDuty: true, maxOpenOrders: 5 } as const;

/**
 * Takes the role an invitation offers. A newcomer becomes a member with the name and phone given;
 * a member adds the role (a worker also joins the team). Redeeming a role one already holds spends no use.
 */
export async function redeem(deps: Deps, who: Identity, input: RedeemInput): Promise<Result<JoinStatus, AppError>> {
  const { store } = deps;
  const limited = refuseWrite(deps.limits, who.openid, deps.now());
  if (limited) return limited;
  const inv = await store.getRef('invitations', input.code);
  if (!inv) return fail('INVITE.NOT_FOUND');
  const member = who.user && who.user.roles.length > 0 ? who.user : null;
  const usable = checkRedeemable(inv, member, input.communityId, deps.now());
  if (!usable.ok) return usable;
  const team = inv.teamId ? await store.getRef('teams', inv.teamId) : null;
  if (
    member?.roles.includes(inv.role) &&
    (!team || team.memberIds.includes(member.id)) &&
    (inv.role !== 'dispatcher' || member.companyId === inv.companyId) &&
    (inv.role !== 'group_leader' || !inv.buildingId || (member.leads ?? []).includes(inv.buildingId))
  ) {
    return ok(await statusOf(deps, who));
  }
  if (!member && (!input.name || !input.phone)) {
    return invalid({ ...(!input.name && { name: '请填写姓名' }), ...(!input.phone && { phone: '请填写手机号' }) });
  }

  const base: User = member ?? {
    id: who.user?.id ?? deps.newId('u-'),
    openid: who.openid,
    communityId: inv.communityId,
    name: input.name!,
    phone: input.phone!,
    roles: [],
    householdIds: [],
    companyId: null,
    onDuty: false,
    maxOpenOrders: 0,
  };
  const user = { ...grantRole(base, inv), ...(inv.role === 'worker' && !base.roles.includes('worker') && NEW_WORKER) };
  // Each use is claimed by writing its audit line under a fixed id: two people taking the last use
  // at once cannot both succeed, since only one insert of that id can.
  const line = auditEntry(
    deps,
    inv.communityId,
    { id: user.id, name: user.name },
    'invitation.redeemed',
    inv.id,
    roleWords(inv, team?.name ?? null),
    `use-${inv.id}-${inv.uses + 1}`,
  );
  if (!(await store.insertRef('auditEntries', line))) return fail('INVITE.USED_UP');

  await store.putRefs('invitations', [{ ...inv, uses: inv.uses + 1, redeemedBy: [...inv.redeemedBy, user.id] }]);
  await store.putRefs('users', [user]);
  // A team deleted since the invitation was made takes nobody in (its tombstone only keeps its name).
  if (team && team.removedAt === undefined && !team.memberIds.includes(user.id))
    await store.putRefs('teams', [{ ...team, memberIds: [...team.memberIds, user.id] }]);
  return ok(await statusOf(deps, { openid: who.openid, user }));
}
