import { manageView } from '../usecases/manage/manage-view';
import {
  retireService,
  saveBuilding,
  saveCompany,
  saveCompound,
  saveHousehold,
  saveResident,
  saveService,
  saveTeam,
  saveWorker,
} from '../usecases/manage/saves';
import { removeBuilding, removeHousehold, removeTeam } from '../usecases/manage/removals';
import { exportSheet, importSheet } from '../usecases/manage/sheet';
import { defineFunction } from './define-function';

/** 社区管理: the admin's places, people, teams, catalogue and companies; the household sheet in and out. */
export const manage = defineFunction('manage', {
  overview: (deps, actor) => manageView(deps, actor),
  saveCompany: (deps, actor, { role: _, ...input }) => saveCompany(deps, actor, input),
  saveCompound: (deps, actor, { role: _, ...input }) => saveCompound(deps, actor, input),
  saveBuilding: (deps, actor, { role: _, ...input }) => saveBuilding(deps, actor, input),
  saveHousehold: (deps, actor, { role: _, ...input }) => saveHousehold(deps, actor, input),
  saveResident: (deps, actor, { role: _, ...input }) => saveResident(deps, actor, input),
  saveWorker: (deps, actor, { role: _, ...input }) => saveWorker(deps, actor, input),
  saveTeam: (deps, actor, { role: _, ...input }) => saveTeam(deps, actor, input),
  saveService: (deps, actor, { role: _, ...input }) => saveService(deps, actor, input),
  retireService: (deps, actor, { role: _, ...input }) => retireService(deps, actor, input),
  removeBuilding: (deps, actor, { id, rev }) => removeBuilding(deps, actor, { id, rev }),
  removeHousehold: (deps, actor, { id, rev }) => removeHousehold(deps, actor, { id, rev }),
  removeTeam: (deps, actor, { id, rev }) => removeTeam(deps, actor, { id, rev }),
  importSheet: (deps, actor, { fileName, base64, dryRun }) => importSheet(deps, actor, { fileName, base64, dryRun }),
  exportSheet: (deps, actor, { format }) => exportSheet(deps, actor, format),
});
