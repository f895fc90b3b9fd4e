import {
  ASSESSED_KINDS,
  DAY,
  invalid,
  monthRange,
  ok,
  rankRows,
  ratesOf,
  ZERO_SUMS,
  type Actor,
  type AppError,
  type AssessmentRow,
  type GroupBy,
  type Millis,
  type Rates,
  type Result,
  type StatsCut,
} from '@core';
import type { Deps } from '../runtime/deps';
import type { GroupSums } from '../storage/port';

export interface Period {
  readonly from: Millis;
  readonly to: Millis;
}

/** The period of a request: a calendar month, or the last 30 days. */
export function periodOf(month: string | null, now: Millis): Result<Period, AppError> {
  if (month === null) return ok({ from: now - 30 * DAY, to: now + 1 });
  const range = monthRange(month);
  return range ? ok(range) : invalid({ month: '月份格式应为 2026-11' });
}

export interface RatedGroup {
  readonly key: string;
  readonly name: string;
  readonly rates: Rates;
}

/**
 * Rates of several groupings at once, read from the store in one go: the whole period's, and per
 * grouping its named groups (orders without that key, never assigned, are left out).
 */
export async function ratesByMany<B extends Exclude<GroupBy, 'all'>>(
  deps: Deps,
  communityId: string,
  period: Period,
  bys: readonly B[],
  names: Map<string, string>,
  cut?: StatsCut,
): Promise<{ overall: Rates; groups: Record<B, RatedGroup[]> }> {
  const [all, ...grouped] = await deps.store.metricSumsMany(communityId, period, ['all', ...bys], deps.now(), cut);
  const named = (groups: GroupSums[]) =>
    groups.flatMap((g) => (g.key === null ? [] : [{ key: g.key, name: names.get(g.key) ?? g.key, rates: ratesOf(g.sums) }]));
  return {
    overall: ratesOf(all?.[0]?.sums ?? ZERO_SUMS),
    groups: Object.fromEntries(bys.map((by, i) => [by, named(grouped[i] ?? [])])) as Record<B, RatedGroup[]>,
  };
}

/** Names of everything statistics group by, so the board shows 服务队 names rather than ids. */
export async function namesOf(deps: Deps, communityId: string): Promise<Map<string, string>> {
  const { store } = deps;
  const [teams, compounds, companies, users] = await Promise.all([
    store.listRefs('teams', communityId),
    store.listRefs('compounds', communityId),
    store.listRefs('companies'),
    store.listRefs('users', communityId),
  ]);
  const names = new Map<string, string>();
  for (const x of [...teams, ...compounds, ...companies, ...users]) names.set(x.id, x.name);
  return names;
}

/** Ranked rows of teams, companies and workers: the 考核 table. */
export async function assessmentRows(deps: Deps, communityId: string, period: Period, weights: AssessmentWeights, cut?: StatsCut): Promise<AssessmentRow[]> {
  const names = await namesOf(deps, communityId);
  const { groups } = await ratesByMany(deps, communityId, period, ASSESSED_KINDS, names, cut);
  const unit = (g: RatedGroup) => ({ id: g.key, name: g.name, rates: g.rates });
  return ASSESSED_KINDS.flatMap((kind) => rankRows(kind, groups[kind].map(unit), weights));
}
type AssessmentWeights = Parameters<typeof rankRows>[2];

/** Only the community's supervisors and admin read its statistics. */
export const mayReadStatistics = (actor: Actor) => actor.role === 'supervisor' || actor.role === 'admin';
