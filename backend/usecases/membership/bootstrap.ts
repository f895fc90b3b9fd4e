import type { CommunitySettings, Invitation } from '@core';
import type { Deps } from '../../runtime/deps';
import { createInvitation } from './invitations';

/** A new community's settings until its admin changes them: the 12345 norms of domain.md and the 30/35/35 weighting. */
export const NEW_COMMUNITY_SETTINGS: CommunitySettings = {
  defaultDeadlines: { dispatch: 120, accept: 60, start: 24 * 60, complete: 3 * 24 * 60, confirm: 3 * 24 * 60 },
  weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 },
  escalationMinutes: 120,
};

/** The first admin's code lasts this long: enough to reach the person, short enough not to linger. */
export const BOOTSTRAP_DAYS = 3;

export type BootstrapResult =
  | { readonly ok: true; readonly invitation: Invitation; readonly created: boolean }
  | { readonly ok: false; readonly problem: string };

/**
 * What the deploy command does: makes the community if it is new (a name is then needed) and a
 * one-time admin invitation in it. Whoever redeems the code in the mini-program is its admin.
 */
export async function bootstrapAdmin(deps: Deps, communityId: string, name: string | null): Promise<BootstrapResult> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(communityId)) return { ok: false, problem: '社区编号只能含字母、数字、- 和 _' };
  const existing = await deps.store.getRef('communities', communityId);
  if (!existing && !name) return { ok: false, problem: `社区 ${communityId} 还不存在；新建请加上 --name <社区名称>` };
  if (!existing) await deps.store.putRefs('communities', [{ id: communityId, name: name!, secretaryUserId: null, settings: NEW_COMMUNITY_SETTINGS }]);
  const invitation = await createInvitation(
    deps,
    communityId,
    { id: 'bootstrap', name: '部署命令' },
    { role: 'admin', companyId: null, teamId: null, buildingId: null, days: BOOTSTRAP_DAYS, maxUses: 1 },
    null,
  );
  return { ok: true, invitation, created: !existing };
}
