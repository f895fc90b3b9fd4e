import { bool, int, obj, optional } from '@core';
import { adminView, updateService, updateSettings } from '../usecases/admin';
import { defineFunction, route } from './define-function';
import { entityId } from './fields';

/** Up to 60 days per stage, in minutes. */
const minutes = int(1, 60 * 24 * 60);
const deadlines = obj({ dispatch: minutes, accept: minutes, start: minutes, complete: minutes, confirm: minutes });
const weight = int(0, 100);

/** 社区管理员: deadlines, assessment weights, escalation interval, the catalogue. */
export const admin = defineFunction('admin', {
  settings: route({ fields: {}, access: 'role', run: (deps, actor) => adminView(deps, actor) }),
  updateSettings: route({
    fields: {
      defaultDeadlines: optional(deadlines),
      /** Percentages, e.g. 30 / 35 / 35. */
      weights: optional(obj({ response: weight, resolution: weight, satisfaction: weight })),
      escalationMinutes: optional(int(5, 7 * 24 * 60)),
    },
    access: 'role',
    run: (deps, actor, input) =>
      updateSettings(deps, actor, {
        ...(input.defaultDeadlines && { defaultDeadlines: input.defaultDeadlines }),
        ...(input.weights && {
          weights: { response: input.weights.response / 100, resolution: input.weights.resolution / 100, satisfaction: input.weights.satisfaction / 100 },
        }),
        ...(input.escalationMinutes !== undefined && { escalationMinutes: input.escalationMinutes }),
      }),
  }),
  updateService: route({
    fields: {
      serviceItemId: entityId,
      deadlines: optional(deadlines),
      useDefaultDeadlines: optional(bool, false),
      redPriceFen: optional(int(0, 10_000_000)),
      marketPriceFen: optional(int(0, 10_000_000)),
      active: optional(bool),
    },
    access: 'role',
    run: (deps, actor, input) =>
      updateService(deps, actor, {
        serviceItemId: input.serviceItemId,
        deadlines: input.useDefaultDeadlines ? null : input.deadlines,
        redPriceFen: input.redPriceFen,
        marketPriceFen: input.marketPriceFen,
        active: input.active,
      }),
  }),
});
