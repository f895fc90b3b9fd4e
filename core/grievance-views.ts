import type { Millis } from './community';
import {
  GRIEVANCE_CATEGORIES,
  GRIEVANCE_CATEGORY_LABELS,
  GRIEVANCE_LEVEL_LABELS,
  PARTIES,
  PARTY_LABELS,
  ROUTE_KINDS,
  ROUTE_LABELS,
  isGrievance,
  type AgendaDecision,
  type Department,
  type GrievanceCategory,
  type Meeting,
  type Party,
  type RouteKind,
} from './grievance';
import { addFacts, orderFacts, ratesOf, ZERO_SUMS, type MetricSums, type Rates } from './metrics';
import { STATE_LABELS, TERMINAL_STATES, type Order, type OrderState } from './order';

/**
 * One 诉求 on the compound's public board: what, where, how far it got, and the outcome — never who
 * raised it (no name, phone or door; an anonymous one not even the building of a household).
 */
export interface BoardItem {
  readonly id: string;
  readonly version: number;
  readonly number: string | null;
  readonly category: GrievanceCategory;
  readonly title: string;
  readonly description: string;
  /** Where: the point in the compound, else the building (left out when anonymous), else the compound. */
  readonly where: string;
  readonly state: OrderState;
  readonly stateLabel: string;
  readonly level: string | null;
  /** Who is handling it, in public words: 服务队, 物业公司, the department's name, 圆桌会议. */
  readonly handledBy: string | null;
  /** What came of it: the recorded outcome, or the roundtable's decision while it is being carried out. */
  readonly outcome: string | null;
  readonly agenda: { readonly decision: string; readonly responsible: string; readonly dueAt: Millis } | null;
  /** How many residents said 我也遇到, the one who raised it included. */
  readonly voices: number;
  readonly createdAt: Millis;
  readonly updatedAt: Millis;
  /** The caller's own relation to it: raised it, 我也遇到, 关注. */
  readonly mine: boolean;
  readonly joined: boolean;
  readonly following: boolean;
}

/** Who is handling a 诉求, in the words the public reads. */
export function handledBy(o: Order): string | null {
  const route = o.grievance?.route;
  if (!route) return null;
  return route.to === 'department' ? route.departmentName : ROUTE_LABELS[route.to];
}

/** A 诉求 as the board shows it to `viewerId` (a resident of the community; '' for nobody in particular). */
export function boardItem(o: Order, viewerId: string, ownHouseholds: readonly string[] = []): BoardItem | null {
  if (!isGrievance(o)) return null;
  const g = o.grievance;
  const where = g.place || (g.anonymous ? o.address.compoundName : `${o.address.compoundName}${o.address.buildingName}`);
  return {
    id: o.id,
    version: o.version,
    number: o.number ?? null,
    category: g.category,
    title: o.serviceName,
    description: o.description,
    where,
    state: o.state,
    stateLabel: STATE_LABELS[o.state],
    level: g.level && GRIEVANCE_LEVEL_LABELS[g.level],
    handledBy: handledBy(o),
    outcome: o.completion?.notes ?? (o.state === 'refused' ? '物业无法受理' : null),
    agenda: g.agenda && agendaText(g.agenda),
    voices: 1 + g.supporters.length,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    mine: o.createdBy === viewerId || ownHouseholds.includes(o.householdId),
    joined: g.supporters.includes(viewerId),
    following: g.followers.includes(viewerId),
  };
}

const agendaText = (a: AgendaDecision) => ({ decision: a.decision, responsible: PARTY_LABELS[a.responsible], dueAt: a.dueAt });

/** One outside department's record: how many 诉求 it was sent, answered, answered late, and still owes past the deadline. */
export interface DepartmentRecord {
  readonly departmentId: string;
  readonly name: string;
  readonly routed: number;
  readonly answered: number;
  readonly late: number;
  /** Sent back as not theirs. */
  readonly declined: number;
  /** Still with the department past its deadline now. */
  readonly overdueNow: number;
  /** Average hours from routing to answer, over the answered ones; null when none. */
  readonly avgReplyHours: number | null;
}

export interface GrievanceGroup<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly sums: MetricSums;
  readonly rates: Rates;
}

/** The 诉求 statistics: the 三率 by category and by route, and which departments answer late. */
export interface GrievanceStats {
  readonly total: number;
  readonly byCategory: readonly GrievanceGroup<GrievanceCategory>[];
  readonly byRoute: readonly GrievanceGroup<RouteKind | 'unrouted'>[];
  readonly departments: readonly DepartmentRecord[];
}

/** Groups 诉求 by a key and sums their 三率 facts exactly as the board does for orders (core/metrics.ts). */
function groups<K extends string>(orders: readonly Order[], keys: readonly K[], keyOf: (o: Order) => K, label: (k: K) => string, asOf: Millis) {
  return keys.map((key) => {
    const sums = orders.filter((o) => keyOf(o) === key).reduce((s, o) => addFacts(s, orderFacts(o), asOf), ZERO_SUMS);
    return { key, label: label(key), sums, rates: ratesOf(sums) };
  });
}

/** The department a 诉求 was last sent to, from its route or, once answered or sent back, its replies. */
function departmentsOf(o: Order): string[] {
  const g = o.grievance!;
  const ids = g.replies.map((r) => r.departmentId);
  if (g.route?.to === 'department') ids.push(g.route.departmentId);
  return [...new Set(ids)];
}

/** The 诉求 statistics of a set of 诉求 (those placed in a month, say), as of `now`. */
export function grievanceStats(orders: readonly Order[], departments: readonly Department[], now: Millis): GrievanceStats {
  const all = orders.filter(isGrievance);
  const routeOf = (o: Order): RouteKind | 'unrouted' => o.grievance?.route?.to ?? 'unrouted';
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const records = new Map<string, { routed: number; answered: number; late: number; declined: number; overdueNow: number; replyMs: number }>();
  for (const o of all) {
    for (const id of departmentsOf(o)) {
      const r = records.get(id) ?? { routed: 0, answered: 0, late: 0, declined: 0, overdueNow: 0, replyMs: 0 };
      const replies = o.grievance.replies.filter((x) => x.departmentId === id);
      const route = o.grievance.route;
      const waiting = route?.to === 'department' && route.departmentId === id && o.state === 'referred';
      r.routed += replies.length + (waiting ? 1 : 0);
      for (const x of replies) {
        if (x.accepted) r.answered += 1;
        else r.declined += 1;
        if (x.late) r.late += 1;
        r.replyMs += x.at - x.routedAt;
      }
      if (waiting && o.clock && now > o.clock.dueAt) r.overdueNow += 1;
      records.set(id, r);
    }
  }
  const departmentRecords: DepartmentRecord[] = [...records.entries()]
    .map(([departmentId, r]) => {
      const replied = r.answered + r.declined;
      return {
        departmentId,
        name: names.get(departmentId) ?? departmentId,
        routed: r.routed,
        answered: r.answered,
        late: r.late,
        declined: r.declined,
        overdueNow: r.overdueNow,
        avgReplyHours: replied ? Math.round((r.replyMs / replied / 3_600_000) * 10) / 10 : null,
      };
    })
    // The latest answerers first: the supervisor's question is who to press.
    .sort((a, b) => b.late + b.overdueNow - (a.late + a.overdueNow) || a.name.localeCompare(b.name));
  return {
    total: all.length,
    byCategory: groups(
      all,
      GRIEVANCE_CATEGORIES,
      (o) => o.grievance!.category,
      (k) => GRIEVANCE_CATEGORY_LABELS[k],
      now,
    ),
    byRoute: groups(all, [...ROUTE_KINDS, 'unrouted' as const], routeOf, (k) => (k === 'unrouted' ? '待分派' : ROUTE_LABELS[k]), now),
    departments: departmentRecords,
  };
}

/** One agenda item of a meeting's minutes: the 诉求 (no one's name), the decision, and how far it got. */
export interface MinutesItem {
  readonly orderId: string;
  readonly number: string | null;
  readonly title: string;
  readonly description: string;
  readonly where: string;
  readonly voices: number;
  readonly decision: string | null;
  readonly responsible: string | null;
  readonly dueAt: Millis | null;
  readonly state: OrderState;
  readonly stateLabel: string;
  readonly outcome: string | null;
  /** The resident's rating of the outcome (质量 stars), once given. */
  readonly rating: number | null;
  readonly done: boolean;
}

export interface Minutes {
  readonly meeting: Meeting;
  readonly attendees: readonly { readonly party: Party; readonly label: string; readonly names: string }[];
  readonly items: readonly MinutesItem[];
}

/** A meeting's minutes from the 诉求 on its agenda. */
export function minutesOf(meeting: Meeting, items: readonly Order[]): Minutes {
  return {
    meeting,
    attendees: PARTIES.map((party) => ({ party, label: PARTY_LABELS[party], names: meeting.attendees[party] })),
    items: items.filter(isGrievance).map((o) => {
      const b = boardItem(o, '')!;
      const a = o.grievance.agenda;
      return {
        orderId: o.id,
        number: b.number,
        title: b.title,
        description: b.description,
        where: b.where,
        voices: b.voices,
        decision: a?.decision ?? null,
        responsible: a ? PARTY_LABELS[a.responsible] : null,
        dueAt: a?.dueAt ?? null,
        state: o.state,
        stateLabel: STATE_LABELS[o.state],
        outcome: o.completion?.notes ?? null,
        rating: o.rating?.quality ?? null,
        done: TERMINAL_STATES.includes(o.state) || o.state === 'pending_confirm',
      };
    }),
  };
}
