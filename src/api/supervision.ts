import { WHOLE_COMMUNITY, type RequestOf, type Role, type StatsCut } from '@core';
import { call } from './client';

/** 督单 statistics, the public 晾晒 board, the monthly 考核 and the admin's settings. */
export const supervisorBoard = (role: Role, month: string | null, cut: StatsCut = WHOLE_COMMUNITY) => call('statistics', 'board', { role, month, ...cut });
export const publicBoard = (communityId: string, month: string) => call('statistics', 'public', { communityId, month });
export const getAssessment = (role: Role, month: string, cut: StatsCut = WHOLE_COMMUNITY) => call('statistics', 'assessment', { role, month, ...cut });
export const publishAssessment = (role: Role, month: string) => call('statistics', 'publish', { role, month });
export const exportAssessment = (role: Role, month: string, format: 'csv' | 'xlsx', cut: StatsCut = WHOLE_COMMUNITY) =>
  call('statistics', 'export', { role, month, format, ...cut });

export const adminSettings = () => call('admin', 'settings', { role: 'admin' });

/** What an admin may change: the request of `updateSettings` or `updateService`, without the role. */
export type AdminChange<A extends 'updateSettings' | 'updateService'> = Omit<RequestOf<'admin', A>, 'role'>;
/** The request an admin change is sent as (weights are fractions, as the settings keep them). */
export const adminRequest = <A extends 'updateSettings' | 'updateService'>(change: AdminChange<A>) =>
  ({ role: 'admin' as const, ...change }) as RequestOf<'admin', A>;
export const updateSettings = (change: AdminChange<'updateSettings'>) => call('admin', 'updateSettings', adminRequest<'updateSettings'>(change));
export const updateService = (change: AdminChange<'updateService'>) => call('admin', 'updateService', adminRequest<'updateService'>(change));

/** 在职党员报到: registering what one can do, and the supervisor's monthly record of volunteer hours. */
export const registerVolunteer = (skills: string, workplace: string) => call('session', 'volunteer', { skills, workplace });
export const volunteerHours = (month: string) => call('statistics', 'volunteers', { role: 'supervisor', month });
export const exportVolunteerHours = (month: string) => call('statistics', 'exportVolunteers', { role: 'supervisor', month });
