import type { CreateGrievanceInput, RequestOf, Role } from '@core';
import { call } from './client';

/** 诉求: raise one, the compound's board, the department directory, the 圆桌会议 and its minutes. */
export const raiseGrievance = (requestId: string, grievance: CreateGrievanceInput) => call('grievances', 'create', { requestId, grievance });
export const grievanceBoard = (role: Role, compoundId: string | null = null, cursor: string | null = null) =>
  call('grievances', 'board', { role, compoundId, cursor, limit: 50 });
export const listDepartments = (role: Role, includeRetired = false) => call('grievances', 'departments', { role, includeRetired });
export const saveDepartment = (change: Omit<RequestOf<'grievances', 'saveDepartment'>, 'role'>) =>
  call('grievances', 'saveDepartment', { role: 'admin', ...change } as RequestOf<'grievances', 'saveDepartment'>);
export const listMeetings = (role: Role) => call('grievances', 'meetings', { role });
export const createMeeting = (meeting: Omit<RequestOf<'grievances', 'createMeeting'>, 'role'>) =>
  call('grievances', 'createMeeting', { role: 'supervisor', ...meeting } as RequestOf<'grievances', 'createMeeting'>);
export const meetingMinutes = (role: Role, meetingId: string) => call('grievances', 'minutes', { role, meetingId });
export const exportMinutes = (role: Role, meetingId: string) => call('grievances', 'exportMinutes', { role, meetingId });
export const grievanceStats = (month: string) => call('grievances', 'stats', { role: 'supervisor', month });
