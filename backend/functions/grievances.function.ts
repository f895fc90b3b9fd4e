import { fail } from '@core';
import { board } from '../usecases/grievances/board';
import { listDepartments, saveDepartment } from '../usecases/grievances/departments';
import { createMeeting, exportMinutes, listMeetings, minutes } from '../usecases/grievances/meetings';
import { raise } from '../usecases/grievances/raise';
import { stats } from '../usecases/grievances/stats';
import { defineFunction } from './define-function';

/** 诉求: raised, on the compound's board, the department directory, the 圆桌会议 and its minutes, statistics by category and route. */
export const grievances = defineFunction('grievances', {
  create: (deps, user, { requestId, grievance }) =>
    user.roles.includes('resident')
      ? raise(deps, { user, role: 'resident', teamIds: [] }, requestId, grievance)
      : Promise.resolve(fail('AUTH.ROLE_NOT_HELD', { role: 'resident' })),
  board: (deps, actor, { compoundId, cursor, limit }) => board(deps, actor, compoundId, cursor, limit),
  departments: (deps, actor, { includeRetired }) => listDepartments(deps, actor, includeRetired),
  saveDepartment: (deps, actor, input) => saveDepartment(deps, actor, input),
  meetings: (deps, actor) => listMeetings(deps, actor),
  createMeeting: (deps, actor, input) => createMeeting(deps, actor, input),
  minutes: (deps, actor, { meetingId }) => minutes(deps, actor, meetingId),
  exportMinutes: (deps, actor, { meetingId }) => exportMinutes(deps, actor, meetingId),
  stats: (deps, actor, { month }) => stats(deps, actor, month),
});
