import { exportAssessment, getAssessment, publishAssessment } from '../usecases/assessment';
import { publicBoard, supervisorBoard } from '../usecases/boards';
import { exportVolunteerHours, volunteerHours } from '../usecases/volunteers';
import { defineFunction } from './define-function';

/** 督单 statistics: the supervisor's board, the public 晾晒 board, and the monthly 考核. */
export const statistics = defineFunction('statistics', {
  board: (deps, actor, { month }) => supervisorBoard(deps, actor, month),
  public: (deps, { communityId, month }) => publicBoard(deps, communityId, month),
  assessment: (deps, actor, { month }) => getAssessment(deps, actor, month),
  publish: (deps, actor, { month }) => publishAssessment(deps, actor, month),
  export: (deps, actor, { month, format }) => exportAssessment(deps, actor, month, format),
  volunteers: (deps, actor, { month }) => volunteerHours(deps, actor, month),
  exportVolunteers: (deps, actor, { month }) => exportVolunteerHours(deps, actor, month),
});
