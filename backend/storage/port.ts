import type {
  Assessment,
  GroupBy,
  MetricSums,
  Building,
  Community,
  Compound,
  Household,
  Millis,
  Order,
  OrderEvent,
  OrderScope,
  OrderState,
  PropertyCompany,
  Recipient,
  ServiceCategory,
  ServiceItem,
  ServiceTeam,
  User,
} from '@core';

/** Reference data, by collection name. Written by seeding and the admin, read by everyone. */
export interface ReferenceTypes {
  communities: Community;
  compounds: Compound;
  buildings: Building;
  households: Household;
  companies: PropertyCompany;
  teams: ServiceTeam;
  users: User;
  serviceItems: ServiceItem;
  assessments: Assessment;
}
export type ReferenceKind = keyof ReferenceTypes;
export const REFERENCE_KINDS: readonly ReferenceKind[] = [
  'communities',
  'compounds',
  'buildings',
  'households',
  'companies',
  'teams',
  'users',
  'serviceItems',
  'assessments',
];

/** Narrowing of a listing beyond the caller's scope (the supervisor's filters). */
export interface OrderFilter {
  readonly states?: readonly OrderState[];
  readonly compoundId?: string;
  readonly teamId?: string;
  readonly category?: ServiceCategory;
  /** Placed at or after this moment. */
  readonly createdFrom?: Millis;
  /** Placed before this moment (exclusive). */
  readonly createdTo?: Millis;
  /** The supervisor's queues: overdue (any level), escalated (level 2+), complaints or 督办 awaiting an answer. */
  readonly attention?: 'overdue' | 'escalated' | 'complaints' | 'instructions';
}

/** Keyset paging, newest change first. The cursor is opaque to callers. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | null;
  /** `recent`: latest change first (default); `oldest`: placed longest ago first (waiting longest). */
  readonly sort?: 'recent' | 'oldest';
}
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** A notification as stored: what the core asked for, with when. */
export interface StoredNotification {
  readonly id: string;
  readonly to: Recipient;
  readonly orderId: string;
  readonly text: string;
  readonly at: Millis;
}

/** The first reply to a request id, kept so that a retry gets the same answer and writes nothing. */
export interface StoredReply {
  readonly key: string;
  /** Hash of what was asked, so a reused id with a different request is told apart from a retry. */
  readonly fingerprint: string;
  readonly reply: unknown;
  readonly at: Millis;
}

/**
 * One atomic write: the order (inserted when `expectedVersion` is null, else compare-and-set on the
 * version), its new events, the notifications, and the reply under the request id. All or nothing.
 */
export interface Commit {
  readonly order: Order;
  readonly expectedVersion: number | null;
  readonly events: readonly OrderEvent[];
  readonly notifications: readonly StoredNotification[];
  readonly reply: StoredReply | null;
  /**
   * A worker's cap, checked inside the same atomic write: if after it the worker would hold more
   * than `max` open orders, nothing is written ('capacity'). Two grabs or dispatches of different
   * orders to one worker cannot both slip under the cap.
   */
  readonly capacity?: { readonly workerId: string; readonly max: number };
}

/** One group's counts; key null for `all` and for orders without that key. */
export interface GroupSums {
  readonly key: string | null;
  readonly sums: MetricSums;
}

/** Why a commit wrote nothing: someone else changed the order first, or the request id was used. */
export type CommitConflict = 'version' | 'request' | 'capacity';
export type CommitResult = { readonly ok: true } | { readonly ok: false; readonly conflict: CommitConflict };

/**
 * The storage port. Adapters translate their database's failures into these results; anything
 * else they throw is a bug (the function answers INTERNAL) unless it is StoreUnavailable (see outage.ts).
 */
export interface Store {
  readonly kind: 'embedded' | 'cloudbase';

  getRef<K extends ReferenceKind>(kind: K, id: string): Promise<ReferenceTypes[K] | null>;
  /**
   * All documents of a kind in a community. Communities and companies belong to none, so they are
   * all listed whatever the community; buildings belong to compounds: list them without one.
   */
  listRefs<K extends ReferenceKind>(kind: K, communityId?: string): Promise<ReferenceTypes[K][]>;
  putRefs<K extends ReferenceKind>(kind: K, docs: readonly ReferenceTypes[K][]): Promise<void>;
  /** Writes a document only if none has its id: false when one exists (published reports stay frozen). */
  insertRef<K extends ReferenceKind>(kind: K, doc: ReferenceTypes[K]): Promise<boolean>;
  findUserByOpenid(openid: string): Promise<User | null>;

  getOrder(id: string): Promise<Order | null>;
  listOrders(scope: OrderScope, filter: OrderFilter, page: PageRequest): Promise<Page<Order>>;
  countByState(scope: OrderScope, filter: OrderFilter): Promise<Record<OrderState, number>>;
  /** For each worker: orders assigned to them and not yet completed (pending_accept, accepted, in_service). */
  openOrdersOf(workerIds: readonly string[]): Promise<Record<string, number>>;
  listEvents(orderId: string): Promise<OrderEvent[]>;
  listNotifications(recipients: readonly Recipient[], limit: number): Promise<StoredNotification[]>;
  /** Orders the sweep has something to do for by `now` (see the core's nextSweepAt), soonest first. */
  listDueForSweep(now: Millis, limit: number): Promise<Order[]>;
  /**
   * The 三率 counts of a community's orders placed in [from, to), grouped; computed by the database
   * (SQL, or CloudBase aggregation) to the core's definitions (orderFacts, addFacts).
   */
  metricSums(communityId: string, period: { from: Millis; to: Millis }, by: GroupBy, asOf: Millis): Promise<GroupSums[]>;
  /**
   * metricSums for several groupings of the same orders, one list per grouping in the order asked
   * (the supervisor's board wants seven). The embedded store reads the orders once for all of them.
   */
  metricSumsMany(communityId: string, period: { from: Millis; to: Millis }, bys: readonly GroupBy[], asOf: Millis): Promise<GroupSums[][]>;

  getReply(key: string): Promise<StoredReply | null>;
  commit(change: Commit): Promise<CommitResult>;

  /** Removes everything (the reset command and tests). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** States in which an order counts against a worker's cap. */
export const OPEN_FOR_WORKER: readonly OrderState[] = ['pending_accept', 'accepted', 'in_service'];

/** The worker an order counts against, if it is open and assigned to one. */
export const holderOf = (o: Order | null): string | null =>
  o && o.assignment?.mode === 'member' && OPEN_FOR_WORKER.includes(o.state) ? o.assignment.workerId : null;
