/**
 * A cut of the supervisor's statistics along the party grid (小区 → 楼栋): every figure of the board,
 * the statistics and the 考核 then counts only the orders placed in that compound or building.
 * Both null: the whole community.
 */
export interface StatsCut {
  readonly compoundId: string | null;
  readonly buildingId: string | null;
}

/** The whole community: no cut. */
export const WHOLE_COMMUNITY: StatsCut = { compoundId: null, buildingId: null };

/** Whether a cut narrows anything (a missing cut is the whole community). */
export const isCut = (cut: StatsCut | null | undefined): cut is StatsCut => !!cut && (cut.compoundId !== null || cut.buildingId !== null);

/** Whether an order placed at this compound and building falls inside the cut. */
export const inCut = (cut: StatsCut, o: { readonly compoundId: string; readonly buildingId?: string | null }): boolean =>
  (cut.compoundId === null || o.compoundId === cut.compoundId) && (cut.buildingId === null || o.buildingId === cut.buildingId);
