import { exportAssessment, getAssessment, publishAssessment } from '../usecases/assessment';
import { publicBoard, supervisorBoard } from '../usecases/boards';
import { exportVolunteerHours, volunteerHours } from '../usecases/volunteers';
import { defineFunction } from './define-function';

/** 督单 statistics: the supervisor's board, the public 晾晒 board, and the monthly 考核. */
export const statistics = defineFunction('statistics', {
  board: (deps, actor, { month, compoundId, buildingId }) => supervisorBoard(deps, actor, month, { compoundId, buildingId }),
  public: (deps, { communityId, month }) => publicBoard(deps, communityId, month),
  assessment: (deps, actor, { month, compoundId, buildingId }) => getAssessment(deps, actor, month, { compoundId, buildingId }),
  publish: (deps, actor, { month }) => publishAssessment(deps, actor, month),
  export: (deps, actor, { month, format, compoundId, buildingId }) => exportAssessment(deps, actor, month, format, { compoundId, buildingId }),
  volunteers: (deps, actor, { month }) => volunteerHours(deps, actor, month),
  exportVolunteers: (deps, actor, { month }) => exportVolunteerHours(deps, actor, month),
});
