import type { Millis, ServiceCategory, StageDeadlines } from './community';
import type { Stage, StageClock } from './deadlines';
import type { Grievance } from './grievance';
import type { Role } from './roles';
import type { OrderProxy, ResponsibleMember } from './party-grid';

export const ORDER_STATES = [
  'pending_dispatch',
  'pending_accept',
  'accepted',
  'in_service',
  'referred',
  'pending_confirm',
  'closed',
  'cancelled',
  'refused',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** The domain's own words for the states, as residents read them. */
export const STATE_LABELS: Readonly<Record<OrderState, string>> = {
  pending_dispatch: '待派单',
  pending_accept: '待接单',
  accepted: '已接单',
  in_service: '服务中',
  referred: '转办中',
  pending_confirm: '待确认',
  closed: '已办结',
  cancelled: '已取消',
  refused: '已退回',
};

/** States from which no further work happens unless someone reopens the order. */
export const TERMINAL_STATES: readonly OrderState[] = ['closed', 'cancelled', 'refused'];
/** States of an order still in hand: every state but the terminal ones (the supervisor's open queue). */
export const OPEN_STATES: readonly OrderState[] = ORDER_STATES.filter((s) => !TERMINAL_STATES.includes(s));
/** Open states in which the work itself is not done yet: the resident is still waiting (催单, longest waiting). */
export const UNFINISHED_STATES: readonly OrderState[] = OPEN_STATES.filter((s) => s !== 'pending_confirm');
/** Unfinished states in which an assigned worker holds the order: what counts against their cap (a referred 诉求 is with no worker). */
export const HELD_STATES: readonly OrderState[] = UNFINISHED_STATES.filter((s) => s !== 'pending_dispatch' && s !== 'referred');
/** The one state in which a pool order is offered to its team to grab. */
export const POOL_STATE: OrderState = 'pending_accept';

/**
 * Who holds the order. A pool order waits for any on-duty member of the team to grab it;
 * a member order names the one worker who must accept or decline it.
 */
export type Assignment = { readonly mode: 'pool'; readonly teamId: string } | { readonly mode: 'member'; readonly teamId: string; readonly workerId: string };

export interface Rating {
  /** 态度, 时效, 质量: 1–5 stars each. */
  readonly attitude: number;
  readonly timeliness: number;
  readonly quality: number;
  readonly comment: string;
}

export interface Completion {
  readonly notes: string;
  readonly photos: readonly string[];
  readonly at: Millis;
}

export interface Address {
  readonly compoundName: string;
  readonly buildingName: string;
  readonly door: string;
}

export interface TimeWindow {
  readonly from: Millis;
  readonly to: Millis;
}

/** A reply to a 督办 instruction or an answer to a complaint. */
export interface Answer {
  readonly text: string;
  readonly at: Millis;
  readonly by: string;
}

/**
 * The order waits on the resident: a worker proposed another time (nobody home, parts to buy) and
 * the resident has not answered yet. Its clocks stand still from `since` until the answer.
 */
export interface Waiting {
  readonly reason: string;
  readonly proposed: TimeWindow;
  readonly since: Millis;
  readonly by: string;
}

/** A 督办 instruction as it stands on the order: unanswered past its deadline, it is overdue itself. */
export interface Instruction {
  readonly seq: number;
  readonly text: string;
  readonly to: 'dispatcher' | 'worker';
  readonly dueAt: Millis | null;
  readonly at: Millis;
  readonly by: string;
  readonly answer: Answer | null;
  readonly overdue: boolean;
}

/** A complaint to the community, waiting in the supervisor's queue until answered. */
export interface Complaint {
  readonly seq: number;
  readonly text: string;
  readonly at: Millis;
  readonly answer: Answer | null;
}

/** 回访: a call or visit after closing. */
export interface ReturnVisit {
  readonly reached: boolean;
  readonly satisfied: boolean | null;
  readonly notes: string;
  readonly at: Millis;
  readonly by: string;
}

/**
 * A work order. `version` counts its events: every change writes exactly one event whose `seq`
 * equals the new version, so the timeline is the complete record of the order.
 */
export interface Order {
  readonly id: string;
  /** A 诉求 (core/grievance.ts) rather than a service from the catalogue; absent on service orders. */
  readonly kind?: 'grievance';
  /** The 诉求's category, level, route and followers; present exactly when `kind` is 'grievance'. */
  readonly grievance?: Grievance;
  /** The number residents and staff say on the phone ("1130-017", core/order-number.ts); absent on orders placed before numbers existed. */
  readonly number?: string;
  readonly version: number;
  readonly communityId: string;
  readonly compoundId: string;
  readonly companyId: string;
  readonly householdId: string;
  /** The household's building (楼栋), for the grid's cuts; absent on orders placed before it was recorded. */
  readonly buildingId?: string;
  /** Who ordered for the household when it was not their own home (代下单); null or absent: the household itself. */
  readonly proxy?: OrderProxy | null;
  /** The party member paired with the household when it was placed (结对), who follows it; null or absent: none. */
  readonly partyMember?: ResponsibleMember | null;
  /** 志愿服务: a free volunteer service, taken by a registered volunteer (在职党员报到). */
  readonly volunteer?: boolean;
  /** When the worker last started on site (开始服务); absent on orders started before it was recorded. */
  readonly startedAt?: Millis | null;
  /** Hours of volunteer service, start to completion in half hours (volunteer orders only). */
  readonly volunteerHours?: number | null;
  /** The last confirmation was made by a proxy for the resident (代居民确认); counted apart in the statistics. */
  readonly confirmedOnBehalf?: boolean;
  /** Who placed it: the resident, or a relative or party member ordering for them (代办). */
  readonly createdBy: string;
  readonly serviceItemId: string;
  readonly serviceName: string;
  readonly category: ServiceCategory;
  readonly redPriceFen: number;
  readonly marketPriceFen: number;
  readonly unit: string;
  readonly description: string;
  readonly timeWindow: TimeWindow;
  readonly photos: readonly string[];
  readonly contactName: string;
  readonly contactPhone: string;
  readonly address: Address;
  readonly state: OrderState;
  readonly assignment: Assignment | null;
  readonly createdAt: Millis;
  readonly updatedAt: Millis;
  readonly acceptedAt: Millis | null;
  /** The first acceptance ever: what 响应率 measures, unchanged by later reassignments. */
  readonly firstAcceptedAt: Millis | null;
  /** The service item's deadlines, copied when the order was placed so later edits do not move them. */
  readonly sla: StageDeadlines;
  /** The clock of the stage the order is in; null once work has ended. */
  readonly clock: StageClock | null;
  /** Every stage that ran past its deadline, once each. */
  readonly overdueStages: readonly Stage[];
  /** Closed by the sweep after the resident did not confirm in time (not a rating). */
  readonly autoClosed: boolean;
  readonly completion: Completion | null;
  readonly rating: Rating | null;
  readonly closedAt: Millis | null;
  readonly lastUrgedAt: Millis | null;
  readonly urgeCount: number;
  readonly reworkCount: number;
  readonly reopenCount: number;
  readonly instructions: readonly Instruction[];
  readonly complaints: readonly Complaint[];
  readonly returnVisits: readonly ReturnVisit[];
  /** The community's travel allowance in minutes, copied when placed; absent on orders placed before it existed (the default applies). */
  readonly travelMinutes?: number;
  /** What the order waits on the resident for, if anything: its clocks are paused meanwhile. */
  readonly waiting: Waiting | null;
  /** Time spent waiting on the resident, in total: the 三率 leave it out of the team's time. */
  readonly residentHeldMs: number;
  /** How often the resident moved the booking (改约), and when last. */
  readonly rescheduleCount: number;
  readonly rescheduledAt: Millis | null;
  /** Last reason given by whoever cancelled, refused, declined or reopened. */
  readonly lastReason: string | null;
}

/**
 * What an order has not had yet when it is placed: no worker, no completion, no 督单 history.
 * Frozen, because every new order shares these empty lists until a change replaces them. The
 * optional fields an action sets later are here too (null, false): an order that gained a key only
 * when first started or confirmed took another hidden class in V8 from then on, so the code every
 * action shares (the view, the index, the store's row) saw a mix of them.
 */
export const NOTHING_YET = Object.freeze({
  assignment: null,
  acceptedAt: null,
  firstAcceptedAt: null,
  overdueStages: Object.freeze([]),
  autoClosed: false,
  completion: null,
  rating: null,
  closedAt: null,
  lastUrgedAt: null,
  urgeCount: 0,
  reworkCount: 0,
  reopenCount: 0,
  instructions: Object.freeze([]),
  complaints: Object.freeze([]),
  returnVisits: Object.freeze([]),
  lastReason: null,
  waiting: null,
  residentHeldMs: 0,
  rescheduleCount: 0,
  rescheduledAt: null,
  startedAt: null,
  volunteerHours: null,
  confirmedOnBehalf: false,
} as const) satisfies Partial<Order>;

/** One entry of an order's timeline. */
export interface OrderEvent {
  readonly orderId: string;
  readonly seq: number;
  readonly action: string;
  readonly actorId: string;
  readonly actorRole: Role | 'system';
  readonly at: Millis;
  readonly from: OrderState | null;
  readonly to: OrderState;
  readonly payload: Readonly<Record<string, unknown>>;
}
