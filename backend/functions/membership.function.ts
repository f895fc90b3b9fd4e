import { apply, joinPlaces } from '../usecases/membership/apply';
import { listAudit } from '../usecases/membership/audit-log';
import { decideApplication, listApplications } from '../usecases/membership/decide';
import { invite, listInvitations, revokeInvitation } from '../usecases/membership/invitations';
import { statusOf } from '../usecases/membership/join-views';
import { leave, listMembers, revokeRole } from '../usecases/membership/members';
import { redeem } from '../usecases/membership/redeem';
import { ok } from '@core';
import { gridView, pairHouseholdWith } from '../usecases/party-grid';
import { defineFunction } from './define-function';

/** Joining: newcomers apply or redeem an invitation; the admin decides, invites, revokes and reads the audit log. */
export const membership = defineFunction('membership', {
  places: (deps, _who, { communityId }) => joinPlaces(deps, communityId),
  status: async (deps, who) => ok(await statusOf(deps, who)),
  apply: (deps, who, input) => apply(deps, who, input),
  redeem: (deps, who, input) => redeem(deps, who, input),
  leave: (deps, user) => leave(deps, user),
  applications: (deps, actor, { state }) => listApplications(deps, actor, state),
  decide: (deps, actor, input) => decideApplication(deps, actor, input),
  invite: (deps, actor, { memberRole, companyId, teamId, buildingId, days, maxUses }) =>
    invite(deps, actor, { role: memberRole, companyId, teamId, buildingId, days, maxUses }),
  invitations: (deps, actor) => listInvitations(deps, actor),
  revokeInvitation: (deps, actor, { code }) => revokeInvitation(deps, actor, code),
  members: (deps, actor) => listMembers(deps, actor),
  revokeRole: (deps, actor, { userId, memberRole }) => revokeRole(deps, actor, userId, memberRole),
  audit: (deps, actor, { limit }) => listAudit(deps, actor, limit),
  grid: (deps, actor) => gridView(deps, actor),
  pair: (deps, actor, { householdId, memberId }) => pairHouseholdWith(deps, actor, householdId, memberId),
});
