import { adminView, updateService, updateSettings } from '../usecases/admin';
import { defineFunction } from './define-function';

/** 社区管理员: deadlines, assessment weights (fractions, as the settings keep them), escalation interval, travel allowance, the catalogue. */
export const admin = defineFunction('admin', {
  settings: (deps, actor) => adminView(deps, actor),
  updateSettings: (deps, actor, input) =>
    updateSettings(deps, actor, {
      ...(input.defaultDeadlines && { defaultDeadlines: input.defaultDeadlines }),
      ...(input.weights && { weights: input.weights }),
      ...(input.escalationMinutes !== undefined && { escalationMinutes: input.escalationMinutes }),
      ...(input.travelMinutes !== undefined && { travelMinutes: input.travelMinutes }),
    }),
  updateService: (deps, actor, input) =>
    updateService(deps, actor, {
      serviceItemId: input.serviceItemId,
      deadlines: input.useDefaultDeadlines ? null : input.deadlines,
      redPriceFen: input.redPriceFen,
      marketPriceFen: input.marketPriceFen,
      payment: input.payment,
      active: input.active,
    }),
});
