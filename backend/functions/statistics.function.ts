import { oneOf, optional, str } from '@core';
import { exportAssessment, getAssessment, publishAssessment } from '../usecases/assessment';
import { publicBoard, supervisorBoard } from '../usecases/boards';
import { defineFunction, route } from './define-function';
import { entityId } from './fields';

const month = str({ min: 7, max: 7, pattern: /^\d{4}-\d{2}$/ });
const format = oneOf(['csv', 'xlsx'] as const);

/** 督单 statistics: the supervisor's board, the public 晾晒 board, and the monthly 考核. */
export const statistics = defineFunction('statistics', {
  board: route({ fields: { month: optional(month, null) }, access: 'role', run: (deps, actor, { month: m }) => supervisorBoard(deps, actor, m) }),
  public: route({
    fields: { communityId: entityId, month },
    access: 'public',
    run: (deps, { communityId, month: m }) => publicBoard(deps, communityId, m),
  }),
  assessment: route({ fields: { month }, access: 'role', run: (deps, actor, { month: m }) => getAssessment(deps, actor, m) }),
  publish: route({ fields: { month }, access: 'role', run: (deps, actor, { month: m }) => publishAssessment(deps, actor, m) }),
  export: route({
    fields: { month, format },
    access: 'role',
    run: (deps, actor, input) => exportAssessment(deps, actor, input.month, input.format),
  }),
});
