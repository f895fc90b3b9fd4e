import type {
  Application,
  Assessment,
  AuditEntry,
  Invitation,
  AttentionQueue,
  GroupBy,
  MetricSums,
  Building,
  Community,
  Compound,
  Department,
  Meeting,
  Household,
  Millis,
  Order,
  OrderEvent,
  OrderIndex,
  OrderScope,
  OnBehalfCounts,
  OrderSort,
  StatsCut,
  OrderState,
  PropertyCompany,
  Recipient,
  ServiceCategory,
  ServiceItem,
  ServiceTeam,
  User,
  InboxReads,
  MessageSending,
  TemplateKey,
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
  /** Joining (core/membership.ts): applications for a household, invitations by code, the audit log. */
  applications: Application;
  invitations: Invitation;
  auditEntries: AuditEntry;
  /** 诉求 (core/grievance.ts): the admin's directory of outside departments, the roundtable meetings. */
  departments: Department;
  meetings: Meeting;
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
  'applications',
  'invitations',
  'auditEntries',
  'departments',
  'meetings',
];

/** Narrowing of a listing beyond the caller's scope (the supervisor's filters). */
export interface OrderFilter {
  readonly states?: readonly OrderState[];
  readonly compoundId?: string;
  /** Placed at this building (the party grid's 楼栋). */
  readonly buildingId?: string;
  readonly teamId?: string;
  readonly category?: ServiceCategory;
  /** Placed at or after this moment. */
  readonly createdFrom?: Millis;
  /** Placed before this moment (exclusive). */
  readonly createdTo?: Millis;
  /** One of the supervisor's queues (the core's IN_QUEUE says which orders sit in it). */
  readonly attention?: AttentionQueue;
  /** Open (not terminal) or terminal only, as the core's orderIndex says. */
  readonly open?: boolean;
  /** 诉求 only (core/grievance.ts): the compound's board, the roundtable, the 诉求 statistics. */
  readonly kind?: 'grievance';
  /** 诉求 put before this roundtable meeting (their route names it). */
  readonly meetingId?: string;
}

/** Keyset paging, newest change first. The cursor is opaque to callers. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | null;
  /** `recent`: latest change first (default); `oldest`: placed longest ago first; `urgent`: nearest deadline first. */
  readonly sort?: OrderSort;
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
  /** The service and place it concerns (notificationAbout); absent on notifications stored before it existed. */
  readonly about?: string;
  readonly at: Millis;
}

/** A page of a timeline: the newest `limit` events with a seq below `beforeSeq` (null: the newest of all). */
export interface EventPage {
  readonly beforeSeq: number | null;
  readonly limit: number;
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
  /** The core's orderIndex of `order` under its community's settings: what the store keeps beside it for its queries. */
  readonly index: OrderIndex;
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

/** An order read for a change, and the commit that may follow it (Store.openOrder). */
export interface OrderSession {
  /** The order as read; null when there is none. */
  readonly order: Order | null;
  /** The port's commit, with the same answers; at most once per session. */
  commit(change: Commit): Promise<CommitResult>;
  /** Ends a session that will not commit (a refused request); harmless after a commit. */
  release(): Promise<void>;
  /** Store.openOrdersOf, for the rule's check of a worker's cap while the order is read for a change. */
  openOrdersOf?(workerIds: readonly string[]): Promise<Record<string, number>>;
}

/** Reads an order for a change: in the store's own session where it has one, else by getOrder with a plain commit after. */
export async function openOrderSession(store: Store, id: string): Promise<OrderSession> {
  if (store.openOrder) return store.openOrder(id);
  return { order: await store.getOrder(id), commit: (c) => store.commit(c), release: async () => undefined };
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
  /**
   * Set by a store that guards a create by the new order's own id (CloudBase): a new order then
   * takes its id from its request (orderIdFor in runtime/idempotency.ts), the insert refuses a
   * retry, and the create looks up an earlier reply only when it cannot go ahead. Other stores look
   * it up first and keep ids that sort by time.
   */
  readonly idsFromRequests?: true;

  getRef<K extends ReferenceKind>(kind: K, id: string): Promise<ReferenceTypes[K] | null>;
  /**
   * All documents of a kind in a community. Communities and companies belong to none, so they are
   * all listed whatever the community; buildings belong to compounds: list them without one.
   */
  listRefs<K extends ReferenceKind>(kind: K, communityId?: string): Promise<ReferenceTypes[K][]>;
  putRefs<K extends ReferenceKind>(kind: K, docs: readonly ReferenceTypes[K][]): Promise<void>;
  /** Removes one document (an admin deleting a building or household added by mistake); nothing when it is gone already. */
  deleteRef(kind: ReferenceKind, id: string): Promise<void>;
  /** Writes a document only if none has its id: false when one exists (published reports stay frozen). */
  insertRef<K extends ReferenceKind>(kind: K, doc: ReferenceTypes[K]): Promise<boolean>;
  /** Counts one more order placed in the community on `day` (China date "1130"), atomically: its sequence, 1 for the first. */
  nextOrderNumber(communityId: string, day: string): Promise<number>;
  findUserByOpenid(openid: string): Promise<User | null>;
  /** Every community's record of one WeChat identity (a person may belong to several), in no set order. */
  findUsersByOpenid(openid: string): Promise<User[]>;
  /**
   * The community's users paired with a household (结对: its `caresFor` names it), in no set order:
   * one as a rule. Asked on every order placed, so it never lists the community's people.
   */
  usersCaringFor(communityId: string, householdId: string): Promise<User[]>;

  getOrder(id: string): Promise<Order | null>;
  listOrders(scope: OrderScope, filter: OrderFilter, page: PageRequest): Promise<Page<Order>>;
  countByState(scope: OrderScope, filter: OrderFilter): Promise<Record<OrderState, number>>;
  /** For each worker: the orders they hold (the index's holder: assigned to them and not yet completed). */
  openOrdersOf(workerIds: readonly string[]): Promise<Record<string, number>>;
  /**
   * An order's timeline, oldest first: all of it, or (with `page`) its newest `limit` events before
   * `beforeSeq` (all of the newest when null), still oldest first.
   */
  listEvents(orderId: string, page?: EventPage): Promise<OrderEvent[]>;
  listNotifications(recipients: readonly Recipient[], limit: number): Promise<StoredNotification[]>;
  /**
   * Orders whose stored next sweep moment (the index's nextSweepAt) has come by `now`, by (moment, id);
   * the cursor continues strictly after the previous page, so orders that stay due cannot hide the rest.
   */
  listDueForSweep(now: Millis, limit: number, cursor?: string | null): Promise<Page<Order>>;
  /**
   * Replaces the stored index of each order still at the given version (the order itself is
   * unchanged); one that moved on meanwhile was indexed by its own commit. Returns how many it wrote.
   */
  reindex(entries: readonly Reindex[]): Promise<number>;
  /**
   * The 三率 counts of a community's orders placed in [from, to), grouped; computed by the database
   * (SQL, or CloudBase aggregation) to the core's definitions (orderFacts, addFacts).
   */
  metricSums(communityId: string, period: { from: Millis; to: Millis }, by: GroupBy, asOf: Millis, cut?: StatsCut): Promise<GroupSums[]>;
  /**
   * metricSums for several groupings of the same orders, one list per grouping in the order asked
   * (the supervisor's board wants seven). The embedded store reads the orders once for all of them.
   * With a cut (a compound or building), only the orders placed there, counted from the orders
   * through their compound or building index rather than from the community's rollups.
   */
  metricSumsMany(communityId: string, period: { from: Millis; to: Millis }, bys: readonly GroupBy[], asOf: Millis, cut?: StatsCut): Promise<GroupSums[][]>;

  /**
   * 代下单 in a period: the community's counted orders placed on someone's behalf (within the cut
   * when given), per relation of whoever placed them, and how many a proxy confirmed.
   */
  onBehalfCounts(communityId: string, period: { from: Millis; to: Millis }, cut?: StatsCut): Promise<OnBehalfCounts>;

  /**
   * The first reply stored under a request id. `orderId` says where the request pointed, for a store
   * that keeps replies beside their orders (CloudBase): the order it acted on, or null for a request
   * that made a new order; without it the store looks everywhere. The answer is the same.
   */
  getReply(key: string, orderId?: string | null): Promise<StoredReply | null>;
  /** Removes the replies stored before `before` (they have expired, see REPLY_TTL); answers how many. */
  pruneReplies(before: Millis): Promise<number>;
  commit(change: Commit): Promise<CommitResult>;
  /**
   * Only in stores where the commit would otherwise read the order again (CloudBase, commit.ts):
   * reads an order to change it, and the session's commit reuses that read for its version check.
   * Callers use openOrderSession (below), which falls back to getOrder and commit for a store
   * without it; the answers are the same either way.
   */
  openOrder?(id: string): Promise<OrderSession>;

  /**
   * Forgets a recipient's notifications older than their `keep` newest (those at the same moment as
   * the oldest kept stay too); answers how many went. The inbox reads far fewer than it keeps.
   */
  pruneNotifications(recipient: Recipient, keep: number): Promise<number>;
  /** Adds one subscribe-message consent per template for the user (WeChat grants one message per consent). */
  addConsents(userId: string, templates: readonly TemplateKey[]): Promise<void>;
  /** Uses one of the user's consents to a template, atomically: false when none is left. */
  takeConsent(userId: string, template: TemplateKey): Promise<boolean>;
  /** How many unused consents the user holds per template. */
  consentsOf(userId: string): Promise<Record<TemplateKey, number>>;
  /**
   * Records a commit's sendings together and forgets each user's oldest beyond `keep` (core's
   * SENDINGS_KEPT_PER_USER): one write for a whole team's messages, not one per member.
   */
  recordSendings(sendings: readonly MessageSending[], keep: number): Promise<void>;
  /** The user's latest sendings, newest first. */
  listSendings(userId: string, limit: number): Promise<MessageSending[]>;
  /** What the user has read of their inbox (core/inbox.ts). */
  inboxReads(userId: string): Promise<InboxReads>;
  /** Marks one order's messages (or, with null, all) read up to `at`, as the core's markRead says. */
  markInboxRead(userId: string, orderId: string | null, at: Millis): Promise<void>;

  /**
   * In stores that move an order's statistics into the rollups after its commit: folds what is still
   * due (CloudBase, rollup-fold.ts: marked orders; embedded: the queued changes) for at most
   * `budgetMs` of wall-clock time, and answers how many. Reads of the statistics fold first
   * themselves, so this only keeps that small, off the requests' path.
   */
  foldRollups?(budgetMs: number): Promise<number>;

  /**
   * In stores whose commit is more than one write (CloudBase: a record, then the order, commit.ts):
   * finishes the commits a function killed in between left recorded but not written, and makes
   * derived bookkeeping match the orders (the workers' claims). Answers how many it changed.
   */
  finishCommits?(now: Millis): Promise<number>;

  /** Removes everything (the reset command and tests). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** A new index for an order as it stands at `version`. */
export interface Reindex {
  readonly orderId: string;
  readonly version: number;
  readonly index: OrderIndex;
}
