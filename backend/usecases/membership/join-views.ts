import type { Application, ApplicationView, Invitation, InvitationView, JoinStatus, Millis, User } from '@core';
import { ROLE_LABELS, invitationPath, invitationScene } from '@core';
import type { Deps } from '../../runtime/deps';
import type { Identity } from '../../runtime/caller';

/** An application as people read it: the address in words rather than ids. */
export async function applicationViews(deps: Deps, apps: readonly Application[]): Promise<ApplicationView[]> {
  const { store } = deps;
  const name = async <K extends 'communities' | 'compounds' | 'buildings'>(kind: K, id: string) => (await store.getRef(kind, id))?.name ?? '';
  return Promise.all(
    apps.map(async (a) => ({
      id: a.id,
      communityName: await name('communities', a.communityId),
      address: `${await name('compounds', a.compoundId)}${await name('buildings', a.buildingId)}${a.door}`,
      name: a.name,
      phone: a.phone,
      state: a.state,
      reason: a.reason,
      createdAt: a.createdAt,
      decidedAt: a.decidedAt,
    })),
  );
}

/** Where this WeChat identity stands: member or not, and each of its applications, newest first. */
export async function joinStatus(deps: Deps, openid: string, user: User | null): Promise<JoinStatus> {
  // Applications are few and kept per community; a newcomer has none yet, so they are read across all.
  const mine = (await deps.store.listRefs('applications')).filter((a) => a.openid === openid).sort((a, b) => b.createdAt - a.createdAt);
  const community = user ? await deps.store.getRef('communities', user.communityId) : null;
  return {
    member: user && user.roles.length > 0 ? { name: user.name, roles: user.roles, communityName: community?.name ?? '' } : null,
    applications: await applicationViews(deps, mine),
  };
}

export const statusOf = (deps: Deps, who: Identity) => joinStatus(deps, who.openid, who.user);

/** What an invitation is now: usable, or why not. */
export function invitationStatus(inv: Invitation, now: Millis): InvitationView['status'] {
  if (inv.revoked) return 'revoked';
  if (now >= inv.expiresAt) return 'expired';
  return inv.uses >= inv.maxUses ? 'used-up' : 'active';
}

/** An invitation as the admin hands it out: code, path and QR scene, and its scope by name. */
export async function invitationView(deps: Deps, inv: Invitation): Promise<InvitationView> {
  const scope = inv.teamId
    ? ((await deps.store.getRef('teams', inv.teamId))?.name ?? null)
    : inv.companyId
      ? ((await deps.store.getRef('companies', inv.companyId))?.name ?? null)
      : inv.buildingId
        ? ((await deps.store.getRef('buildings', inv.buildingId))?.name ?? null)
        : null;
  return {
    code: inv.id,
    role: inv.role,
    scope,
    expiresAt: inv.expiresAt,
    maxUses: inv.maxUses,
    uses: inv.uses,
    revoked: inv.revoked,
    status: invitationStatus(inv, deps.now()),
    path: invitationPath(inv.id),
    scene: invitationScene(inv.id),
    createdAt: inv.createdAt,
  };
}

/** The words an audit line uses for a role given. */
export const roleWords = (inv: Pick<Invitation, 'role'>, scope: string | null) => `${ROLE_LABELS[inv.role]}${scope ? `（${scope}）` : ''}`;
