import type { ActionOf, RequestOf } from '@core';
import { call } from './client';

/** 社区管理 (admin): everything listed at once, one save per kind, the household sheet in and out. */
export const manageOverview = () => call('manage', 'overview', { role: 'admin' });

/** The saves of the manage function (every action but the overview and the sheet). */
export type ManageSave = Exclude<ActionOf<'manage'>, 'overview' | 'importSheet' | 'exportSheet'>;
/** A save's request as a form fills it: everything but the role, which is always admin. */
export type ManageRequest<A extends ManageSave> = Omit<RequestOf<'manage', A>, 'role'>;

export const manageSave = <A extends ManageSave>(action: A, req: ManageRequest<A>) =>
  call('manage', action, { role: 'admin', ...req } as RequestOf<'manage', A>);
export const importHouseholdSheet = (fileName: string, base64: string, dryRun: boolean) =>
  call('manage', 'importSheet', { role: 'admin', fileName, base64, dryRun });
export const exportHouseholdSheet = (format: 'csv' | 'xlsx') => call('manage', 'exportSheet', { role: 'admin', format });
