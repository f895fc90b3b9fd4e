import type { ApplicationState, InvitableRole, Role } from '@core';

/** Who arranges a building's people: the admin anywhere, its 楼栋党小组长 in theirs. */
export type GridRole = 'admin' | 'group_leader';
import { call } from './client';

/** Joining, as a newcomer sees it: the places to pick, where my applications stand, applying, redeeming a code. */
export const joinPlaces = (communityId: string | null = null) => call('membership', 'places', { communityId });
export const joinStatus = () => call('membership', 'status', {});
export const applyToJoin = (req: { communityId: string; compoundId: string; buildingId: string; door: string; name: string; phone: string }) =>
  call('membership', 'apply', req);
export const redeemInvitation = (code: string, communityId: string | null, person: { name?: string; phone?: string }) =>
  call('membership', 'redeem', { code, communityId, ...person });
export const leaveCommunity = () => call('membership', 'leave', {});

/** The admin's side: applications, invitations, members and the audit log. */
export const listApplications = (state: ApplicationState = 'pending', role: GridRole = 'admin') => call('membership', 'applications', { role, state });
export const decideApplication = (applicationId: string, approve: boolean, reason = '', role: GridRole = 'admin') =>
  call('membership', 'decide', { role, applicationId, approve, reason });
export const createInvitation = (req: {
  memberRole: InvitableRole;
  companyId?: string | null;
  teamId?: string | null;
  buildingId?: string | null;
  days: number;
  maxUses: number;
}) => call('membership', 'invite', { role: 'admin', ...req });
export const listInvitations = () => call('membership', 'invitations', { role: 'admin' });
export const revokeInvitation = (code: string) => call('membership', 'revokeInvitation', { role: 'admin', code });
export const listMembers = () => call('membership', 'members', { role: 'admin' });
export const revokeMemberRole = (userId: string, memberRole: Role) => call('membership', 'revokeRole', { role: 'admin', userId, memberRole });
export const auditLog = (limit = 100) => call('membership', 'audit', { role: 'admin', limit });

/** 结对认亲: the grid the caller arranges, and pairing a household with a party member (null: unpairing). */
export const partyGrid = (role: GridRole) => call('membership', 'grid', { role });
export const pairHousehold = (role: GridRole, householdId: string, memberId: string | null) => call('membership', 'pair', { role, householdId, memberId });
