import type { ApplicationState, InvitableRole, Role } from '@core';
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
export const listApplications = (state: ApplicationState = 'pending') => call('membership', 'applications', { role: 'admin', state });
export const decideApplication = (applicationId: string, approve: boolean, reason = '') =>
  call('membership', 'decide', { role: 'admin', applicationId, approve, reason });
export const createInvitation = (req: { memberRole: InvitableRole; companyId?: string | null; teamId?: string | null; days: number; maxUses: number }) =>
  call('membership', 'invite', { role: 'admin', ...req });
export const listInvitations = () => call('membership', 'invitations', { role: 'admin' });
export const revokeInvitation = (code: string) => call('membership', 'revokeInvitation', { role: 'admin', code });
export const listMembers = () => call('membership', 'members', { role: 'admin' });
export const revokeMemberRole = (userId: string, memberRole: Role) => call('membership', 'revokeRole', { role: 'admin', userId, memberRole });
export const auditLog = (limit = 100) => call('membership', 'audit', { role: 'admin', limit });
