import {
  DAY,
  fail,
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
  return range ? ok(range) : fail('INPUT.INVALID', { month: '月份格式应为 2026-11' });
}

export interface RatedGroup {
  readonly key: string;
  readonly name: string;
  readonly rates: Rates;
}

/** Grouped rates with display names; groups without a key (never assigned) are left out. */
export async function ratesBy(deps: Deps, communityId: string, period: Period, by: GroupBy, names: Map<string, string>): Promise<RatedGroup[]> {
  const groups: GroupSums[] = await deps.store.metricSums(communityId, period, by, deps.now());
  return groups.flatMap((g) => (g.key === null ? [] : [{ key: g.key, name: names.get(g.key) ?? g.key, rates: ratesOf(g.sums) }]));
}

/** The community's overall rates for a period. */
export async function overall(deps: Deps, communityId: string, period: Period): Promise<Rates> {
  const [all] = await deps.store.metricSums(communityId, period, 'all', deps.now());
  return ratesOf(all?.sums ?? ZERO_SUMS);
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

/** Ranked rows of teams and companies: the 考核 table. */
export async function assessmentRows(deps: Deps, communityId: string, period: Period, weights: AssessmentWeights): Promise<AssessmentRow[]> {
  const names = await namesOf(deps, communityId);
  const [teams, companies] = await Promise.all([ratesBy(deps, communityId, period, 'team', names), ratesBy(deps, communityId, period, 'company', names)]);
  const unit = (g: RatedGroup) => ({ id: g.key, name: g.name, rates: g.rates });
  return [...rankRows('team', teams.map(unit), weights), ...rankRows('company', companies.map(unit), weights)];
}
type AssessmentWeights = Parameters<typeof rankRows>[2];

/** Only the community's supervisors and admin read its statistics. */
export const mayReadStatistics = (actor: Actor) => actor.role === 'supervisor' || actor.role === 'admin';
