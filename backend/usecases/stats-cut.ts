import { invalid, ok, WHOLE_COMMUNITY, type AppError, type Result, type StatsCut } from '@core';
import type { Deps } from '../runtime/deps';
import type { OrderFilter } from '../storage/port';

/**
 * A requested cut checked against the community's own places: an unknown compound or building, or
 * a building outside the named compound, is refused by field. A building alone names its compound too.
 */
export async function checkedCut(deps: Deps, communityId: string, cut: StatsCut | undefined): Promise<Result<StatsCut, AppError>> {
  if (!cut || (cut.compoundId === null && cut.buildingId === null)) return ok(WHOLE_COMMUNITY);
  const compounds = await deps.store.listRefs('compounds', communityId);
  if (cut.compoundId !== null && !compounds.some((c) => c.id === cut.compoundId)) return invalid({ compoundId: '本社区没有这个小区' });
  if (cut.buildingId === null) return ok(cut);
  const building = await deps.store.getRef('buildings', cut.buildingId);
  if (!building || !compounds.some((c) => c.id === building.compoundId)) return invalid({ buildingId: '本社区没有这个楼栋' });
  if (cut.compoundId !== null && building.compoundId !== cut.compoundId) return invalid({ buildingId: '这个楼栋不在所选小区' });
  return ok({ compoundId: building.compoundId, buildingId: building.id });
}

/** The cut as a listing filter, for the board's queues and counts. */
export const cutFilter = (cut: StatsCut): OrderFilter => ({
  ...(cut.compoundId !== null ? { compoundId: cut.compoundId } : {}),
  ...(cut.buildingId !== null ? { buildingId: cut.buildingId } : {}),
});
