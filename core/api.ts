import type { AppError } from './errors';
import type { CommunitySettings, Household, ServiceCategory, ServiceItem, User } from './community';
import type { Order, OrderState } from './order';
import type { ActionType } from './order-inputs';
import type { AssessmentRow } from './assessment';
import type { Rates } from './metrics';
import type { AttentionQueue } from './order-index';
import type { PublicCase } from './public-cases';
import type { StatsCut } from './stats-cut';
import type { OnBehalfCounts, ProxyRelation } from './party-grid';
import type { Role } from './roles';

/**
 * What crosses the wire besides the requests: the envelope and the views the replies carry. The
 * requests and which reply each action gives are declared in core/contract.
 */
export type Envelope<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: AppError };

/** An order as one caller may see it: contact details masked where not needed, plus what they may do. */
export interface OrderView extends Order {
  readonly actions: readonly ActionType[];
  /** Only on a single order (orders.get) read by its household, once a worker has accepted it. */
  readonly servedBy?: ServedBy | null;
}

export interface HouseholdView extends Household {
  readonly address: string;
  /** The property company serving the household's compound, with the phone residents call (物业电话). */
  readonly property: { readonly name: string; readonly phone: string | null } | null;
  /** How the caller stands to it: their home, or a household they order for (代下单); absent from older servers. */
  readonly relation?: 'own' | ProxyRelation;
}

/**
 * Who serves the order, for its household: the worker's name and team once someone accepted it, and
 * their phone while the order is open (docs/privacy.md, "The worker's contact").
 */
export interface ServedBy {
  readonly name: string;
  readonly teamName: string;
  readonly phone: string | null;
}

export interface SessionInfo {
  readonly user: Pick<User, 'id' | 'name' | 'roles' | 'onDuty' | 'maxOpenOrders' | 'volunteer'>;
  readonly community: { readonly id: string; readonly name: string };
  readonly households: readonly HouseholdView[];
  readonly teams: readonly { readonly id: string; readonly name: string }[];
  readonly company: { readonly id: string; readonly name: string } | null;
  readonly compounds: readonly { readonly id: string; readonly name: string }[];
  /** The property company serving the resident's first household, with its desk phone (一键呼叫物业); optional for older servers. */
  readonly property?: { readonly name: string; readonly phone: string } | null;
  /** Every community the person belongs to, this one included (社区切换); optional for older servers. */
  readonly communities?: readonly { readonly id: string; readonly name: string; readonly roles: readonly Role[] }[];
}

export interface TeamMemberView {
  readonly id: string;
  readonly name: string;
  readonly onDuty: boolean;
  readonly openOrders: number;
  readonly maxOpenOrders: number;
}
export interface TeamView {
  readonly id: string;
  readonly name: string;
  /** Deleted by the admin: listed only so that its past orders show its name. */
  readonly removed?: boolean;
  readonly categories: readonly ServiceCategory[];
  readonly members: readonly TeamMemberView[];
}

/** What the admin page shows: the community's settings and its whole catalogue. */
export interface AdminView {
  readonly settings: CommunitySettings;
  readonly services: readonly ServiceItem[];
}

/** The supervisor's board (see backend/usecases/boards.ts). */
export interface SupervisorBoard {
  readonly period: { readonly from: number; readonly to: number };
  /** The compound or building every figure below is cut to (both null: the whole community). */
  readonly cut: StatsCut;
  readonly overall: Rates;
  readonly trend: readonly { readonly key: string; readonly rates: Rates }[];
  readonly teams: readonly AssessmentRow[];
  readonly compounds: readonly AssessmentRow[];
  readonly companies: readonly AssessmentRow[];
  /** Each worker's figures: for the supervisor only, never on the public board. */
  readonly workers: readonly { readonly key: string; readonly name: string; readonly rates: Rates }[];
  readonly categories: readonly { readonly key: string; readonly name: string; readonly rates: Rates }[];
  readonly counts: Record<OrderState, number>;
  /** The three rates of the 7 days ending on each day of the period (up to today), for readable trends when days are small. */
  readonly rolling: readonly { readonly key: string; readonly rates: Rates | null }[];
  /** 代下单: the period's orders placed on a resident's behalf, by who placed them (结对党员, 楼栋党小组长, 亲友). */
  readonly onBehalf: OnBehalfCounts;
  /** How many orders each attention queue holds in all (the queues below send at most 10 each); zeros for the admin. */
  readonly exceptionCounts: Readonly<Record<AttentionQueue, number>>;
  /** The orders that need attention: the supervisor's; always empty for the admin, who reads no orders. */
  readonly queues: Readonly<Record<'waiting' | 'overdue' | 'escalated' | 'complaints' | 'instructions', readonly OrderView[]>>;
}

/** One line of the public 晾晒 board: no person appears. */
export interface PublicRow {
  readonly name: string;
  readonly orders: number;
  readonly responseRate: number | null;
  readonly resolutionRate: number | null;
  readonly satisfactionRate: number | null;
  readonly score: number;
  readonly rank: number | null;
}
export interface PublicBoard {
  readonly community: string;
  readonly month: string;
  readonly overall: Rates;
  readonly compounds: readonly PublicRow[];
  readonly teams: readonly PublicRow[];
  /** The latest finished and rated cases of the month, newest first, anonymised (publicCase). */
  readonly recentCases: readonly PublicCase[];
  /** Teams residents rated satisfied this month, most praised first: how often, out of how many ratings. */
  readonly praisedTeams: readonly { readonly name: string; readonly praised: number; readonly rated: number }[];
}

/** A file to save: CSV or XLSX, base64-encoded. */
export interface ExportFile {
  readonly filename: string;
  readonly mime: string;
  readonly base64: string;
}

/** A notification as the app shows it. */
export interface StoredNotificationView {
  readonly id: string;
  readonly orderId: string;
  readonly text: string;
  /** "上门维修 · 阳光小区1号楼": which job it is about (null on old notifications). */
  readonly about: string | null;
  readonly at: number;
}
