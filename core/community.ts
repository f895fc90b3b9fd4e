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
}

/** 楼栋 */
export interface Building {
  readonly id: string;
  readonly compoundId: string;
  readonly name: string;
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
}

/** 物业公司 (红色物业) */
export interface PropertyCompany {
  readonly id: string;
  readonly name: string;
  /** The service desk residents call (一键呼叫物业); absent where none is registered. */
  readonly phone?: string;
}

/** 服务队 with its members. */
export interface ServiceTeam {
  readonly id: string;
  readonly communityId: string;
  readonly companyId: string | null;
  readonly name: string;
  readonly categories: readonly ServiceCategory[];
  readonly memberIds: readonly string[];
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
}
