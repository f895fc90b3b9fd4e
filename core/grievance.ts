import type { Millis, StageDeadlines } from './community';
import type { Order } from './order';
import { DAY, HOUR, MINUTE } from './time';

/**
 * 诉求: a resident's request or complaint beyond the catalogue (民有所呼). It is an order of its own
 * kind: the same table, timeline, deadlines, 督办, 回访, ratings and 三率, with the route below.
 */
export const GRIEVANCE_CATEGORIES = ['facility', 'sanitation', 'safety', 'dispute', 'policy', 'suggestion', 'other'] as const;
export type GrievanceCategory = (typeof GRIEVANCE_CATEGORIES)[number];

export const GRIEVANCE_CATEGORY_LABELS: Readonly<Record<GrievanceCategory, string>> = {
  facility: '设施报修',
  sanitation: '环境卫生',
  safety: '安全隐患',
  dispute: '邻里纠纷',
  policy: '政策咨询',
  suggestion: '意见建议',
  other: '其他',
};

/** 一般 / 紧急 / 重大: set by whoever classifies the 诉求, and the deadlines follow. */
export const GRIEVANCE_LEVELS = ['normal', 'urgent', 'major'] as const;
export type GrievanceLevel = (typeof GRIEVANCE_LEVELS)[number];

export const GRIEVANCE_LEVEL_LABELS: Readonly<Record<GrievanceLevel, string>> = { normal: '一般', urgent: '紧急', major: '重大' };

const mins = (ms: number) => ms / MINUTE;

/**
 * Deadlines per level, from the 12345 norms (shared/domain.md): emergencies answered within 2 h and
 * settled within a day, ordinary requests within 7 days, complex ones within 15; the resident has
 * three days to confirm, as for a service. `dispatch` is the time to classify and route.
 */
export const LEVEL_DEADLINES: Readonly<Record<GrievanceLevel, StageDeadlines>> = {
  normal: { dispatch: mins(24 * HOUR), accept: mins(24 * HOUR), start: mins(3 * DAY), complete: mins(7 * DAY), confirm: mins(3 * DAY) },
  urgent: { dispatch: 30, accept: 30, start: mins(2 * HOUR), complete: mins(DAY), confirm: mins(3 * DAY) },
  major: { dispatch: mins(2 * HOUR), accept: mins(2 * HOUR), start: mins(DAY), complete: mins(15 * DAY), confirm: mins(3 * DAY) },
};

/** Before anyone classified it: online requests are taken within 2 h, then the 一般 clocks. */
export const UNCLASSIFIED_DEADLINES: StageDeadlines = { ...LEVEL_DEADLINES.normal, dispatch: mins(2 * HOUR) };

/** The five parties of the 圆桌会议 (seed 000). */
export const PARTIES = ['street', 'neighbourhood', 'partyBranch', 'owners', 'property'] as const;
export type Party = (typeof PARTIES)[number];

export const PARTY_LABELS: Readonly<Record<Party, string>> = {
  street: '街道党工委',
  neighbourhood: '居委会',
  partyBranch: '小区党组织',
  owners: '业委会',
  property: '物业',
};

/** Where a 诉求 was sent: a service team (the usual path), the property company itself, an outside department, the roundtable. */
export const ROUTE_KINDS = ['team', 'company', 'department', 'roundtable'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export const ROUTE_LABELS: Readonly<Record<RouteKind, string>> = {
  team: '服务队',
  company: '物业公司',
  department: '职能部门',
  roundtable: '圆桌会议',
};

export type Route =
  | { readonly to: 'team'; readonly at: Millis; readonly by: string }
  | { readonly to: 'company'; readonly at: Millis; readonly by: string }
  | { readonly to: 'department'; readonly departmentId: string; readonly departmentName: string; readonly at: Millis; readonly by: string }
  | { readonly to: 'roundtable'; readonly meetingId: string; readonly at: Millis; readonly by: string };

/** An outside department's answer, entered by the supervisor; `late` against the deadline the route set. */
export interface DepartmentReply {
  readonly departmentId: string;
  readonly departmentName: string;
  readonly text: string;
  /** Whether the department took it on (false: not theirs, the 诉求 goes back to be routed again). */
  readonly accepted: boolean;
  readonly routedAt: Millis;
  readonly at: Millis;
  readonly late: boolean;
}

/** What the roundtable decided for one agenda item: who does what by when. */
export interface AgendaDecision {
  readonly meetingId: string;
  readonly decision: string;
  readonly responsible: Party;
  readonly dueAt: Millis;
  readonly at: Millis;
}

/** What a 诉求 carries beyond an order. */
export interface Grievance {
  readonly category: GrievanceCategory;
  /** Null until the dispatcher or supervisor classified it. */
  readonly level: GrievanceLevel | null;
  /** Hidden from other residents: the board shows no name, not even masked. */
  readonly anonymous: boolean;
  /** A point in the compound ("3栋北侧路灯"), or '' when it is at the household itself. */
  readonly place: string;
  readonly route: Route | null;
  /** Residents who said 我也遇到 (not the one who raised it). */
  readonly supporters: readonly string[];
  /** Residents told of its outcome: the supporters and whoever pressed 关注. */
  readonly followers: readonly string[];
  readonly replies: readonly DepartmentReply[];
  readonly agenda: AgendaDecision | null;
}

/** An outside department (街道 office, 城管, 供水, 供电, 派出所…), kept by the admin as a directory. */
export interface Department {
  readonly id: string;
  readonly communityId: string;
  readonly name: string;
  /** Whom the supervisor calls there, and how. */
  readonly contact: string;
  readonly phone: string;
  /** Retired departments stay for the history but take no new 诉求. */
  readonly active: boolean;
}

/** A 圆桌会议: its agenda is the 诉求 routed to it (their route names the meeting). */
export interface Meeting {
  readonly id: string;
  readonly communityId: string;
  readonly compoundId: string;
  readonly title: string;
  readonly at: Millis;
  readonly place: string;
  /** Who attends for each of the five parties. */
  readonly attendees: Readonly<Record<Party, string>>;
  readonly createdBy: string;
  readonly createdAt: Millis;
}

/** A 诉求 is an order with a grievance part. */
export type GrievanceOrder = Order & { readonly kind: 'grievance'; readonly grievance: Grievance };

/** Whether an order is a 诉求. */
export const isGrievance = (o: Order): o is GrievanceOrder => o.kind === 'grievance' && o.grievance !== undefined;

/** Whether a resident is among those told of the 诉求's outcome (raised it, 我也遇到, or 关注). */
export const followsGrievance = (o: Order, userId: string): boolean => o.createdBy === userId || (o.grievance?.followers.includes(userId) ?? false);

/** Everyone to tell when the 诉求 has an outcome: whoever raised it is told by the row itself. */
export const followersOf = (o: Order): readonly string[] => (o.grievance?.followers ?? []).filter((id) => id !== o.createdBy);

/** The name a 诉求 goes by on lists and notifications. */
export const grievanceTitle = (category: GrievanceCategory): string => `诉求·${GRIEVANCE_CATEGORY_LABELS[category]}`;
