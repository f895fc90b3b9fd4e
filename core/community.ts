import type { Role } from './roles';

/** Epoch milliseconds. The core never reads the clock: callers pass `now`. */
export type Millis = number;

/** What an admin sets for the whole community. */
export interface CommunitySettings {
  /** Deadlines for services that do not set their own. */
  readonly defaultDeadlines: StageDeadlines;
  /** Weights of 响应率, 解决率, 满意率 in the monthly assessment. */
  readonly weights: { readonly response: number; readonly resolution: number; readonly satisfaction: number };
  /** Minutes an overdue order waits before it is escalated one level further. */
  readonly escalationMinutes: number;
  /**
   * Minutes before a booked start by which the order must be dispatched and accepted (路程预留);
   * absent in communities set up before it existed: DEFAULT_TRAVEL_MINUTES applies.
   */
  readonly travelMinutes?: number;
}

/** 社区: the unit of supervision; everything belongs to exactly one. */
export interface Community {
  readonly id: string;
  readonly name: string;
  /** 社区书记: the last level of escalation. */
  readonly secretaryUserId: string | null;
  readonly settings: CommunitySettings;
}

/** 小区: a residential compound, served by one property company. */
export interface Compound {
  readonly id: string;
  readonly communityId: string;
  readonly name: string;
  readonly companyId: string;
  /** 小区党支部: the party branch that leads the compound (seed 002); absent until the admin names it. */
  readonly branchName?: string;
  /** Bumped by every admin change (core/manage): an edit made on an older copy is refused. Absent: never edited. */
  readonly rev?: number;
}

/** 楼栋 */
export interface Building {
  readonly id: string;
  readonly compoundId: string;
  readonly name: string;
  /** Bumped by every admin change (core/manage): an edit made on an older copy is refused. Absent: never edited. */
  readonly rev?: number;
}

/** A household: the address an order is delivered to. */
export interface Household {
  readonly id: string;
  readonly communityId: string;
  readonly compoundId: string;
  readonly buildingId: string;
  /** Unit and door, e.g. "2单元301". */
  readonly door: string;
  readonly contactName: string;
  readonly contactPhone: string;
  /** Bumped by every admin change (core/manage): an edit made on an older copy is refused. Absent: never edited. */
  readonly rev?: number;
}

/** 物业公司 (红色物业) */
export interface PropertyCompany {
  readonly id: string;
  readonly name: string;
  /** The service desk residents call (物业电话); companies stored before it existed have none. */
  readonly phone?: string;
  /** The community this company was added by (absent for companies seeded before the admin could add them). */
  readonly communityId?: string;
  /** Bumped by every admin change (core/manage): an edit made on an older copy is refused. Absent: never edited. */
  readonly rev?: number;
}

/**
 * How a team's new orders reach its members: the dispatcher picks (指派), the order waits in the
 * team's pool to be grabbed (抢单), or it goes at once to the next on-duty member with room (轮询).
 */
export const DISPATCH_MODES = ['dispatcher', 'pool', 'rotation'] as const;
export type DispatchMode = (typeof DISPATCH_MODES)[number];

export const DISPATCH_MODE_LABELS: Readonly<Record<DispatchMode, string>> = {
  dispatcher: '调度指派',
  pool: '抢单',
  rotation: '轮询',
};

/** 服务队 with its members. */
export interface ServiceTeam {
  readonly id: string;
  readonly communityId: string;
  readonly companyId: string | null;
  readonly name: string;
  readonly categories: readonly ServiceCategory[];
  readonly memberIds: readonly string[];
  /** 党员志愿服务队: registered volunteers (在职党员报到) join it, and it serves the 志愿服务 items. */
  readonly volunteer?: boolean;
  /** How new orders of its categories reach it; absent: by the dispatcher (teams stored before it existed). */
  readonly dispatchMode?: DispatchMode;
  /** Bumped by every admin change (core/manage): an edit made on an older copy is refused. Absent: never edited. */
  readonly rev?: number;
  /**
   * Deleted by the admin (added by mistake): kept, with no members and no categories, only so that
   * its past orders and statistics still name it; no list offers it and no order reaches it.
   */
  readonly removedAt?: Millis;
}

/**
 * One person in one community. Roles decide what they may do; the other fields say where:
 * households they live in or care for (代办), the company they dispatch for.
 */
export interface User {
  readonly id: string;
  /** WeChat OPENID: the only identity a deployed function trusts. */
  readonly openid: string;
  readonly communityId: string;
  readonly name: string;
  readonly phone: string;
  readonly roles: readonly Role[];
  /** Households the user may order for: their own and those paired with them (结对/代办). */
  readonly householdIds: readonly string[];
  /** For dispatchers: the property company they work for. */
  readonly companyId: string | null;
  /** For workers: whether they take new orders now. */
  readonly onDuty: boolean;
  /** For workers: the most open orders they may hold at once. */
  readonly maxOpenOrders: number;
  /**
   * 结对认亲: households this party member (党员中心户) looks after and may order for; each household
   * has at most one such member (core/party-grid.ts). Absent on users stored before the grid existed.
   */
  readonly caresFor?: readonly string[];
  /** For 楼栋党小组长 (role group_leader): the buildings they lead. */
  readonly leads?: readonly string[];
  /** 在职党员报到: what a party member working elsewhere offers the community they live in. */
  readonly volunteer?: VolunteerProfile;
  /** For workers: the kinds of service they can do (shown to the dispatcher; absent: not recorded). */
  readonly skills?: readonly ServiceCategory[];
  /** Bumped by every admin change (core/manage): an edit made on an older copy is refused. Absent: never edited. */
  readonly rev?: number;
}

/** A party member's 报到 with the community where they live. */
export interface VolunteerProfile {
  /** What they can do, in their words (电工, 陪老人聊天…). */
  readonly skills: string;
  /** Where they work (their own unit's party organisation). */
  readonly workplace: string;
  readonly registeredAt: Millis;
}

export const SERVICE_CATEGORIES = ['daycare', 'homecare', 'meal', 'companion', 'repair', 'cleaning', 'other'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<ServiceCategory, string>> = {
  daycare: '日托',
  homecare: '上门照料',
  meal: '送餐',
  companion: '陪护',
  repair: '维修',
  cleaning: '保洁',
  other: '其他',
};

/** Minutes each stage may take before the order is overdue (issue 5 reads these). */
export interface StageDeadlines {
  readonly dispatch: number;
  readonly accept: number;
  readonly start: number;
  readonly complete: number;
  readonly confirm: number;
}

/** A catalogue entry: what can be ordered, at the red price beside the market price (in fen). */
export interface ServiceItem {
  readonly id: string;
  readonly communityId: string;
  readonly name: string;
  readonly category: ServiceCategory;
  readonly description: string;
  readonly redPriceFen: number;
  readonly marketPriceFen: number;
  readonly unit: string;
  /** Null: the community's default deadlines apply. */
  readonly deadlines: StageDeadlines | null;
  readonly active: boolean;
  /** How the resident pays; items stored before it existed are paid at the door. */
  readonly payment?: PaymentMode;
  /** 志愿服务: free, served by registered volunteers (在职党员报到), who record their hours. */
  readonly volunteer?: boolean;
  /** When the admin retired it for good: it cannot be ordered again, old orders still show its name. */
  readonly retiredAt?: Millis | null;
  /** Bumped by every admin change (core/manage): an edit made on an older copy is refused. Absent: never edited. */
  readonly rev?: number;
}

/** How a service is paid: at the door at the red price, free, or subsidised by the community. */
export const PAYMENT_MODES = ['at_door', 'free', 'subsidised'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

export const PAYMENT_LABELS: Readonly<Record<PaymentMode, string>> = {
  at_door: '上门服务后付款',
  free: '免费',
  subsidised: '社区补贴',
};

/** The item's payment mode, reading an item stored before the field existed as paid at the door. */
export const paymentOf = (item: Pick<ServiceItem, 'payment'>): PaymentMode => item.payment ?? 'at_door';
