import {
  ATTENTION_QUEUES,
  DAY,
  dayKeys,
  fail,
  publicCase,
  ROLLING_DAYS,
  rollingRates,
  type AttentionQueue,
  type PublicCase,
  invalid,
  ok,
  rankRows,
  type Actor,
  type AppError,
  type AssessmentRow,
  type PublicBoard,
  type PublicRow,
  type Result,
  type StatsCut,
  type SupervisorBoard,
} from '@core';
import type { Deps } from '../runtime/deps';
import type { OrderFilter } from '../storage/port';
import { viewOrder } from './order-view';
import { checkedCut, cutFilter } from './stats-cut';
import { mayReadStatistics, namesOf, periodOf, ratesByMany, type RatedGroup } from './statistics';

const QUEUE_SIZE = 10;

/** Each attention queue as a store filter: lateness only while open; a complaint or 督办 awaits its answer on any order. */
const QUEUE_FILTERS: Readonly<Record<AttentionQueue, OrderFilter>> = {
  overdue: { open: true, attention: 'overdue' },
  escalated: { open: true, attention: 'escalated' },
  complaints: { attention: 'complaints' },
  instructions: { attention: 'instructions' },
};

/** 督单 board: the three rates and their trend, rankings, and the queues that need attention. */
export async function supervisorBoard(deps: Deps, actor: Actor, month: string | null, requested?: StatsCut): Promise<Result<SupervisorBoard, AppError>> {
  if (!mayReadStatistics(actor)) return fail('AUTH.FORBIDDEN');
  const period = periodOf(month, deps.now());
  if (!period.ok) return period;
  const communityId = actor.user.communityId;
  const checked = await checkedCut(deps, communityId, requested);
  if (!checked.ok) return checked;
  const cut = checked.value;
  // Every figure follows the cut: rates and rankings, counts, the exception counts and the queues.
  const inCutFilter = cutFilter(cut);
  const community = await deps.store.getRef('communities', communityId);
  const weights = community?.settings.weights ?? { response: 0.3, resolution: 0.35, satisfaction: 0.35 };
  const names = await namesOf(deps, communityId);
  const scope = { kind: 'community', communityId } as const;
  // Admins see counts and settings, never orders (docs/privacy.md): their queues stay empty and unread.
  const queue = async (filter: OrderFilter) => {
    if (actor.role !== 'supervisor') return [];
    const page = await deps.store.listOrders(scope, { ...filter, ...inCutFilter }, { limit: QUEUE_SIZE, sort: 'oldest' });
    return page.items.map((o) => viewOrder(o, actor, deps.now()));
  };
  const p = period.value;
  // How many in all: the same filters as the queues, counted over every state.
  const total = async (filter: OrderFilter) =>
    actor.role !== 'supervisor' ? 0 : Object.values(await deps.store.countByState(scope, { ...filter, ...inCutFilter })).reduce((n, x) => n + x, 0);
  const now = deps.now();
  const shownDays = dayKeys(p.from, Math.min(p.to - 1, Math.max(now, p.from)));
  const [rates, counts, waiting, overdue, escalated, complaints, instructions, sevenDaysBack, exceptionCounts, onBehalf] = await Promise.all([
    ratesByMany(deps, communityId, p, ['day', 'team', 'compound', 'company', 'worker', 'category'], names, cut),
    deps.store.countByState(scope, inCutFilter),
    queue({ open: true }),
    queue(QUEUE_FILTERS.overdue),
    queue(QUEUE_FILTERS.escalated),
    queue(QUEUE_FILTERS.complaints),
    queue(QUEUE_FILTERS.instructions),
    // The daily sums from six days before the period, so its first day has a whole window too.
    deps.store.metricSumsMany(communityId, { from: p.from - (ROLLING_DAYS - 1) * DAY, to: p.to }, ['day'], now, cut),
    Promise.all(ATTENTION_QUEUES.map((q) => total(QUEUE_FILTERS[q]))),
    deps.store.onBehalfCounts(communityId, p, cut),
  ]);
  const { day: trend, team: teams, compound: compounds, company: companies, worker: workers, category: categories } = rates.groups;
  const unit = (g: RatedGroup) => ({ id: g.key, name: g.name, rates: g.rates });
  return ok({
    period: p,
    cut,
    overall: rates.overall,
    trend: trend.map((g) => ({ key: g.key, rates: g.rates })),
    teams: rankRows('team', teams.map(unit), weights),
    compounds: rankRows('compound', compounds.map(unit), weights),
    companies: rankRows('company', companies.map(unit), weights),
    workers,
    categories,
    counts,
    rolling: rollingRates(sevenDaysBack[0] ?? [], shownDays),
    onBehalf,
    exceptionCounts: Object.fromEntries(ATTENTION_QUEUES.map((q, i) => [q, exceptionCounts[i] ?? 0])) as Record<AttentionQueue, number>,
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
  const [rates, teamSums, recentCases] = await Promise.all([
    ratesByMany(deps, communityId, period.value, ['compound', 'team'], names),
    deps.store.metricSumsMany(communityId, period.value, ['team'], deps.now()),
    recentCasesOf(deps, communityId, period.value),
  ]);
  const { compound: compounds, team: teams } = rates.groups;
  const praisedTeams = (teamSums[0] ?? [])
    .flatMap((g) => (g.key === null || g.sums.satisfied === 0 ? [] : [{ name: names.get(g.key) ?? g.key, praised: g.sums.satisfied, rated: g.sums.rated }]))
    .sort((a, b) => b.praised - a.praised || b.praised / b.rated - a.praised / a.rated || a.name.localeCompare(b.name))
    .slice(0, PRAISED_TEAMS);
  const unit = (g: RatedGroup) => ({ id: g.key, name: g.name, rates: g.rates });
  return ok({
    community: community.name,
    month,
    overall: rates.overall,
    compounds: rankRows('compound', compounds.map(unit), community.settings.weights).map(publicRow),
    teams: rankRows('team', teams.map(unit), community.settings.weights).map(publicRow),
    recentCases,
    praisedTeams,
  });
}

/** How many finished cases and praised teams the 晾晒 board shows. */
const RECENT_CASES = 8;
const PRAISED_TEAMS = 5;
/** How far back the running month's 最近办结 may reach into the month before. */
const RECENT_DAYS = 30;

/**
 * The latest finished and rated cases, anonymised: read from the newest changed closed orders (a few
 * pages' worth, enough to find a board's handful among unrated or sweep-closed ones). A past month's
 * board shows its own; the running month's reaches back RECENT_DAYS, so the wall screen is not empty
 * on the morning of the 1st.
 */
async function recentCasesOf(deps: Deps, communityId: string, period: { from: number; to: number }): Promise<PublicCase[]> {
  const now = deps.now();
  const from = period.to > now ? Math.min(period.from, now - RECENT_DAYS * DAY) : period.from;
  const page = await deps.store.listOrders({ kind: 'community', communityId }, { states: ['closed'] }, { limit: RECENT_CASES * 4, sort: 'recent' });
  return (
    page.items
      .filter((o) => o.completion !== null && o.completion.at >= from && o.completion.at < period.to)
      // Newest finished first: an order confirmed late was still finished when its report came.
      .sort((a, b) => b.completion!.at - a.completion!.at)
      .flatMap((o) => publicCase(o) ?? [])
      .slice(0, RECENT_CASES)
  );
}
