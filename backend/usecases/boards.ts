import {
  fail,
  invalid,
  ok,
  rankRows,
  type Actor,
  type AppError,
  type AssessmentRow,
  type PublicBoard,
  type PublicRow,
  type Result,
  type SupervisorBoard,
} from '@core';
import type { Deps } from '../runtime/deps';
import type { OrderFilter } from '../storage/port';
import { viewOrder } from './order-view';
import { mayReadStatistics, namesOf, periodOf, ratesByMany, type RatedGroup } from './statistics';

const QUEUE_SIZE = 10;

/** 督单 board: the three rates and their trend, rankings, and the queues that need attention. */
export async function supervisorBoard(deps: Deps, actor: Actor, month: string | null): Promise<Result<SupervisorBoard, AppError>> {
  if (!mayReadStatistics(actor)) return fail('AUTH.FORBIDDEN');
  const period = periodOf(month, deps.now());
  if (!period.ok) return period;
  const communityId = actor.user.communityId;
  const community = await deps.store.getRef('communities', communityId);
  const weights = community?.settings.weights ?? { response: 0.3, resolution: 0.35, satisfaction: 0.35 };
  const names = await namesOf(deps, communityId);
  const scope = { kind: 'community', communityId } as const;
  // Admins see counts and settings, never orders (docs/privacy.md): their queues stay empty and unread.
  const queue = async (filter: OrderFilter) => {
    if (actor.role !== 'supervisor') return [];
    const page = await deps.store.listOrders(scope, filter, { limit: QUEUE_SIZE, sort: 'oldest' });
    return page.items.map((o) => viewOrder(o, actor, deps.now()));
  };
  const p = period.value;
  const [rates, counts, waiting, overdue, escalated, complaints, instructions] = await Promise.all([
    ratesByMany(deps, communityId, p, ['day', 'team', 'compound', 'company', 'worker', 'category'], names),
    deps.store.countByState(scope, {}),
    queue({ open: true }),
    queue({ open: true, attention: 'overdue' }),
    queue({ attention: 'escalated', open: true }),
    queue({ attention: 'complaints' }),
    queue({ attention: 'instructions' }),
  ]);
  const { day: trend, team: teams, compound: compounds, company: companies, worker: workers, category: categories } = rates.groups;
  const unit = (g: RatedGroup) => ({ id: g.key, name: g.name, rates: g.rates });
  return ok({
    period: p,
    overall: rates.overall,
    trend: trend.map((g) => ({ key: g.key, rates: g.rates })),
    teams: rankRows('team', teams.map(unit), weights),
    compounds: rankRows('compound', compounds.map(unit), weights),
    companies: rankRows('company', companies.map(unit), weights),
    workers,
    categories,
    counts,
    queues: { waiting, overdue, escalated, complaints, instructions },
  });
}

const publicRow = (r: AssessmentRow): PublicRow => ({
  name: r.name,
  orders: r.rates.orders,
  responseRate: r.rates.responseRate,
  resolutionRate: r.rates.resolutionRate,
  satisfactionRate: r.rates.satisfactionRate,
  score: r.score,
  rank: r.rank,
});

/** 晾晒: the month's results of every compound and team, for anyone to read without logging in. */
export async function publicBoard(deps: Deps, communityId: string, month: string): Promise<Result<PublicBoard, AppError>> {
  const community = await deps.store.getRef('communities', communityId);
  if (!community) return invalid({ communityId: '没有这个社区' });
  const period = periodOf(month, deps.now());
  if (!period.ok) return period;
  const names = await namesOf(deps, communityId);
  const rates = await ratesByMany(deps, communityId, period.value, ['compound', 'team'], names);
  const { compound: compounds, team: teams } = rates.groups;
  const unit = (g: RatedGroup) => ({ id: g.key, name: g.name, rates: g.rates });
  return ok({
    community: community.name,
    month,
    overall: rates.overall,
    compounds: rankRows('compound', compounds.map(unit), community.settings.weights).map(publicRow),
    teams: rankRows('team', teams.map(unit), community.settings.weights).map(publicRow),
  });
}
