import type { Millis, ServiceCategory } from './community';
import { resolveDueAt, respondDueAt } from './deadlines';
import type { Order } from './order';

/**
 * What each order contributes to the 三率, computed the same way wherever it is stored. The exact
 * definitions are written out in docs/metrics.md; this is their one implementation.
 */
export interface OrderFacts {
  readonly communityId: string;
  readonly compoundId: string;
  readonly companyId: string;
  readonly category: ServiceCategory;
  readonly teamId: string | null;
  readonly workerId: string | null;
  readonly createdAt: Millis;
  /** In the cohort: everything except an order the resident withdrew before anyone accepted it. */
  readonly counted: boolean;
  /** First accepted by its response deadline: placed (or last 改约) + dispatch + accept, or the booked start less the travel allowance. */
  readonly respondedOnTime: boolean;
  readonly resolveDueAt: Millis;
  /** No more work will happen: closed, refused, or cancelled. */
  readonly settled: boolean;
  /** Closed, and never sent back for rework nor reopened. */
  readonly resolved: boolean;
  /** The resident rated it, or a return visit reached them and asked. */
  readonly rated: boolean;
  /** The latest answer was satisfied: a return visit's word, else a rating averaging 4 stars or more. */
  readonly satisfied: boolean;
  /** Placed to closed, less the time it waited on the resident, for closed orders. */
  readonly handlingMs: number | null;
  /** Some stage ran past its deadline. */
  readonly overdue: boolean;
}

/** Derives an order's facts. */
export function orderFacts(o: Order): OrderFacts {
  const visit = [...o.returnVisits].reverse().find((v) => v.reached && v.satisfied !== null);
  const ratingAvg = o.rating ? (o.rating.attitude + o.rating.timeliness + o.rating.quality) / 3 : null;
  const closed = o.state === 'closed';
  return {
    communityId: o.communityId,
    compoundId: o.compoundId,
    companyId: o.companyId,
    category: o.category,
    teamId: o.assignment?.teamId ?? null,
    workerId: o.assignment?.mode === 'member' ? o.assignment.workerId : null,
    createdAt: o.createdAt,
    counted: !(o.state === 'cancelled' && o.firstAcceptedAt === null),
    respondedOnTime: o.firstAcceptedAt !== null && o.firstAcceptedAt <= respondDueAt(o),
    resolveDueAt: resolveDueAt(o),
    settled: closed || o.state === 'refused' || o.state === 'cancelled',
    resolved: closed && o.reworkCount === 0 && o.reopenCount === 0,
    rated: visit !== undefined || ratingAvg !== null,
    satisfied: visit ? visit.satisfied === true : ratingAvg !== null && ratingAvg >= 4,
    handlingMs: closed && o.closedAt !== null ? o.closedAt - o.createdAt - (o.residentHeldMs ?? 0) : null,
    overdue: o.overdueStages.length > 0,
  };
}

/** Counts that every rate is a ratio of; they add up across orders, groups and stores. */
export interface MetricSums {
  readonly orders: number;
  readonly respondedOnTime: number;
  /** Orders settled, or whose resolve deadline has passed by the time of asking. */
  readonly due: number;
  readonly resolved: number;
  readonly rated: number;
  readonly satisfied: number;
  readonly closed: number;
  readonly handlingMs: number;
  readonly overdue: number;
}

export const ZERO_SUMS: MetricSums = { orders: 0, respondedOnTime: 0, due: 0, resolved: 0, rated: 0, satisfied: 0, closed: 0, handlingMs: 0, overdue: 0 };

/** Two groups' sums together: groups of finer keys roll up into coarser ones exactly. */
export function addSums(a: MetricSums, b: MetricSums): MetricSums {
  return {
    orders: a.orders + b.orders,
    respondedOnTime: a.respondedOnTime + b.respondedOnTime,
    due: a.due + b.due,
    resolved: a.resolved + b.resolved,
    rated: a.rated + b.rated,
    satisfied: a.satisfied + b.satisfied,
    closed: a.closed + b.closed,
    handlingMs: a.handlingMs + b.handlingMs,
    overdue: a.overdue + b.overdue,
  };
}

/** Adds one order's facts, as of a moment, to running sums: the reference every store's aggregation is tested against. */
export function addFacts(s: MetricSums, f: OrderFacts, asOf: Millis): MetricSums {
  if (!f.counted) return s;
  const b = (x: boolean) => (x ? 1 : 0);
  return {
    orders: s.orders + 1,
    respondedOnTime: s.respondedOnTime + b(f.respondedOnTime),
    due: s.due + b(f.settled || f.resolveDueAt <= asOf),
    resolved: s.resolved + b(f.resolved),
    rated: s.rated + b(f.rated),
    satisfied: s.satisfied + b(f.satisfied),
    closed: s.closed + b(f.handlingMs !== null),
    handlingMs: s.handlingMs + (f.handlingMs ?? 0),
    overdue: s.overdue + b(f.overdue),
  };
}

/** The measures of Beijing's 接诉即办, plus handling time and overdue count. Null where nothing was measured. */
export interface Rates {
  readonly orders: number;
  /** 响应率 = respondedOnTime / orders */
  readonly responseRate: number | null;
  /** 解决率 = resolved / due */
  readonly resolutionRate: number | null;
  /** 满意率 = satisfied / rated */
  readonly satisfactionRate: number | null;
  readonly avgHandlingHours: number | null;
  readonly overdue: number;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function ratesOf(s: MetricSums): Rates {
  return {
    orders: s.orders,
    responseRate: ratio(s.respondedOnTime, s.orders),
    resolutionRate: s.due === 0 ? null : Math.min(1, s.resolved / s.due),
    satisfactionRate: ratio(s.satisfied, s.rated),
    avgHandlingHours: s.closed === 0 ? null : s.handlingMs / s.closed / 3_600_000,
    overdue: s.overdue,
  };
}

/** Weights of the assessment score: a community setting; these are one county's published defaults. */
export interface ScoreWeights {
  readonly response: number;
  readonly resolution: number;
  readonly satisfaction: number;
}
export const DEFAULT_WEIGHTS: ScoreWeights = { response: 0.3, resolution: 0.35, satisfaction: 0.35 };
/** A group needs this many orders to be ranked, or one fast order tops the table. */
export const MIN_ORDERS_TO_RANK = 5;

/**
 * The weighted 0–100 score over the rates that were measured: a rate with nothing to measure (no
 * order due, nobody rated) neither earns nor costs points; with nothing measured at all, 0.
 */
export function scoreOf(r: Rates, w: ScoreWeights = DEFAULT_WEIGHTS): number {
  const parts = [
    [w.response, r.responseRate],
    [w.resolution, r.resolutionRate],
    [w.satisfaction, r.satisfactionRate],
  ] as const;
  const measured = parts.filter(([weight, rate]) => rate !== null && weight > 0);
  const total = measured.reduce((sum, [weight]) => sum + weight, 0);
  if (total === 0) return 0;
  return Math.round((measured.reduce((sum, [weight, rate]) => sum + weight * rate!, 0) / total) * 1000) / 10;
}
