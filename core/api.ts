import type { AppError } from './errors';
import type { CommunitySettings, Household, ServiceCategory, ServiceItem, StageDeadlines, User } from './community';
import type { Order, OrderEvent, OrderState } from './order';
import type { ActionType, CreateOrderInput } from './order-inputs';
import type { Role } from './roles';
import type { Assessment, AssessmentRow } from './assessment';
import type { Rates } from './metrics';

/**
 * The wire contract between the app and the cloud functions: one request and one reply type per
 * function and action. The app's API client and the functions' handlers both compile against it.
 */
export type Envelope<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: AppError };

/** An order as one caller may see it: contact details masked where not needed, plus what they may do. */
export interface OrderView extends Order {
  readonly actions: readonly ActionType[];
}

export interface OrderListFilter {
  readonly states?: readonly OrderState[];
  readonly compoundId?: string;
  readonly teamId?: string;
  readonly category?: ServiceCategory;
  readonly createdFrom?: number;
  readonly createdTo?: number;
  /** For workers: only the orders they hold (`mine`), or only their teams' pool (`pool`). */
  readonly holder?: 'mine' | 'pool';
}

export interface HouseholdView extends Household {
  readonly address: string;
}

export interface SessionInfo {
  readonly user: Pick<User, 'id' | 'name' | 'roles' | 'onDuty' | 'maxOpenOrders'>;
  readonly community: { readonly id: string; readonly name: string };
  readonly households: readonly HouseholdView[];
  readonly teams: readonly { readonly id: string; readonly name: string }[];
  readonly company: { readonly id: string; readonly name: string } | null;
  readonly compounds: readonly { readonly id: string; readonly name: string }[];
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
  readonly categories: readonly ServiceCategory[];
  readonly members: readonly TeamMemberView[];
}

/** Request and reply of every function, keyed by function name then action. */
export interface Api {
  session: {
    whoami: { req: Record<string, never>; res: SessionInfo };
    setOnDuty: { req: { onDuty: boolean }; res: SessionInfo };
  };
  catalog: {
    list: { req: Record<string, never>; res: { items: ServiceItem[] } };
  };
  orders: {
    create: { req: { requestId: string; order: CreateOrderInput }; res: { order: OrderView } };
    list: {
      req: { role: Role; filter?: OrderListFilter; cursor?: string | null; limit?: number; sort?: 'recent' | 'oldest' };
      res: { items: OrderView[]; nextCursor: string | null; counts: Record<OrderState, number> };
    };
    get: { req: { role: Role; orderId: string; before?: number; limit?: number }; res: { order: OrderView; events: OrderEvent[]; older: number | null } };
  } & {
    [A in ActionType]: {
      req: { role: Role; orderId: string; version: number; requestId: string; input: Record<string, unknown> };
      res: { order: OrderView };
    };
  };
  teams: {
    list: { req: { role: Role }; res: { teams: TeamView[] } };
  };
  notifications: {
    list: { req: { role: Role; limit?: number }; res: { items: StoredNotificationView[] } };
  };
  statistics: {
    board: { req: { role: Role; month?: string | null }; res: SupervisorBoard };
    public: { req: { communityId: string; month: string }; res: PublicBoard };
    assessment: { req: { role: Role; month: string }; res: Assessment };
    publish: { req: { role: Role; month: string }; res: Assessment };
    export: { req: { role: Role; month: string; format: 'csv' | 'xlsx' }; res: ExportFile };
  };
  admin: {
    settings: { req: { role: Role }; res: AdminView };
    updateSettings: {
      req: {
        role: Role;
        defaultDeadlines?: StageDeadlines;
        weights?: { response: number; resolution: number; satisfaction: number };
        escalationMinutes?: number;
      };
      res: AdminView;
    };
    updateService: {
      req: {
        role: Role;
        serviceItemId: string;
        deadlines?: StageDeadlines;
        useDefaultDeadlines?: boolean;
        redPriceFen?: number;
        marketPriceFen?: number;
        active?: boolean;
      };
      res: AdminView;
    };
  };
}

/** What the admin page shows: the community's settings and its whole catalogue. */
export interface AdminView {
  readonly settings: CommunitySettings;
  readonly services: readonly ServiceItem[];
}

/** The supervisor's board (see backend/usecases/boards.ts). */
export interface SupervisorBoard {
  readonly period: { readonly from: number; readonly to: number };
  readonly overall: Rates;
  readonly trend: readonly { readonly key: string; readonly rates: Rates }[];
  readonly teams: readonly AssessmentRow[];
  readonly compounds: readonly AssessmentRow[];
  readonly companies: readonly AssessmentRow[];
  /** Each worker's figures: for the supervisor only, never on the public board. */
  readonly workers: readonly { readonly key: string; readonly name: string; readonly rates: Rates }[];
  readonly categories: readonly { readonly key: string; readonly name: string; readonly rates: Rates }[];
  readonly counts: Record<OrderState, number>;
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
}

/** A file to save: CSV or XLSX, base64-encoded. */
export interface ExportFile {
  readonly filename: string;
  readonly mime: string;
  readonly base64: string;
}

export type FunctionName = keyof Api;
export type ActionOf<F extends FunctionName> = keyof Api[F] & string;
export type RequestOf<F extends FunctionName, A extends ActionOf<F>> = Api[F][A] extends { req: infer R } ? R : never;
export type ReplyOf<F extends FunctionName, A extends ActionOf<F>> = Api[F][A] extends { res: infer R } ? R : never;

/** A notification as the app shows it. */
export interface StoredNotificationView {
  readonly id: string;
  readonly orderId: string;
  readonly text: string;
  readonly at: number;
}
