import * as v from 'valibot';
import type { AdminView, ExportFile, OrderView, PublicBoard, SessionInfo, StoredNotificationView, SupervisorBoard, TeamView } from '../api';
import type { Assessment } from '../assessment';
import { PAYMENT_MODES, SERVICE_CATEGORIES, type ServiceItem } from '../community';
import { CODE_ALPHABET, CODE_LENGTH, INVITABLE_ROLES, type AuditEntry } from '../membership';
import type { ApplicationView, InvitationScopes, InvitationView, JoinPlaces, JoinStatus, MemberView } from '../membership-views';
import { ROLES } from '../roles';
import type { GridView } from '../party-grid';
import type { VolunteerMonth } from '../volunteers';
import { ORDER_STATES, type OrderEvent, type OrderState } from '../order';
import { ORDER_SORTS } from '../order-index';
import { ACTION_INPUTS, ACTION_TYPES, ORDER_FORMS, type ActionType } from '../order-inputs';
import { MANAGE_INPUTS } from '../manage/manage-inputs';
import type { ImportReply, ManageView } from '../manage/manage-views';
import type { Building, Compound, Household, PropertyCompany, ServiceTeam, User } from '../community';
import { PARTIES, type Department, type Meeting } from '../grievance';
import type { BoardItem, GrievanceStats, Minutes } from '../grievance-views';
import { bool, int, list, obj, oneOf, optional, str } from './fields';
import { lazyProperties } from '../lazy-properties';
import type { InboxView } from '../inbox';
import { TEMPLATE_KEYS, type MessageSending, type TemplateKey } from '../messages';

/**
 * Every cloud function's every action, declared once: who may call it, the fields of its request
 * and the type of its reply. The app's API types, the handlers' validation, the forms' checks, the
 * fuzzer's fields and the tables of docs/api.md all come from here.
 *
 * Replies are TypeScript types, not schemas: our own code builds them and the compiler checks both
 * ends, so a runtime schema would only add weight to the mini-program and time to every reply.
 */

/** The newest events `orders.get` answers at once; older ones come a page at a time. */
export const TIMELINE_PAGE = 30;

/** A reply type, carried by the declaration without any runtime value. */
export interface Reply<T> {
  readonly reply?: T;
}
const reply = <T>(): Reply<T> => ({});

/**
 * `public` actions need no identity (the 晾晒 board); `identity` ones a WeChat identity that need
 * not be a member yet (joining); `user` ones a known user; `role` ones also name the role the caller
 * acts in (`role` in the request), which the caller must hold.
 */
export type Access = 'public' | 'identity' | 'user' | 'role';

export interface ActionContract<A extends Access = Access, E extends v.ObjectEntries = v.ObjectEntries, R = unknown> {
  readonly access: A;
  /** The request's fields besides `action` (and `role`, which every `role` action adds). */
  readonly request: E;
  readonly reply: Reply<R>;
}
const action = <const A extends Access, const E extends v.ObjectEntries, R>(access: A, request: E, r: Reply<R>): ActionContract<A, E, R> => ({
  access,
  request,
  reply: r,
});

/** The ranges of the admin's settings, in minutes: the forms word their own hints from these. */
export const SETTING_BOUNDS = {
  /** A stage's deadline: a minute to 60 days. */
  stageMinutes: { min: 1, max: 60 * 24 * 60 },
  /** The escalation interval: 5 minutes to a week. */
  escalationMinutes: { min: 5, max: 7 * 24 * 60 },
  /** The travel allowance before a booked start: none to a day. */
  travelMinutes: { min: 0, max: 24 * 60 },
} as const;

/** The largest spreadsheet the admin may upload, in bytes (the local server takes a body this large for `manage`). */
export const MAX_SHEET_BYTES = 1024 * 1024;

/**
 * Fields many actions share, each built when first read: a function's cold start builds none of
 * them, its first call only those its action's request holds.
 */
const FIELDS = lazyProperties({
  entityId: () => str({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ }),
  /** A client-made id that makes a write happen once however often it is sent. */
  requestId: () => str({ min: 8, max: 64, pattern: /^[A-Za-z0-9_-]+$/ }),
  /** The order version the caller saw: a write on a changed order is refused, not merged. */
  version: () => int(1, 1_000_000_000),
  month: () => str({ min: 7, max: 7, pattern: /^\d{4}-\d{2}$/ }),
  instant: () => int(0, 4_102_444_800_000),
  deadlines: () => {
    const minutes = int(SETTING_BOUNDS.stageMinutes.min, SETTING_BOUNDS.stageMinutes.max);
    return obj({ dispatch: minutes, accept: minutes, start: minutes, complete: minutes, confirm: minutes });
  },
  /** A weight of the 考核 score as a fraction (0.35 = 35 %), the unit the settings keep and show. */
  weight: () => v.pipe(v.number('应为0到1之间的数'), v.minValue(0, '应为0到1之间的数'), v.maxValue(1, '应为0到1之间的数')),
  /** A name and a mainland phone as a newcomer gives them. */
  personName: () => str({ min: 1, max: 20 }),
  phone: () => str({ min: 11, max: 11, pattern: /^1\d{10}$/ }),
  /** An invitation code as typed: the code alphabet only, upper case (the app upper-cases what is typed). */
  inviteCode: () => str({ min: CODE_LENGTH, max: CODE_LENGTH, pattern: new RegExp(`^[${CODE_ALPHABET}]+$`) }),
  /** A file's bytes as base64: only base64 characters, at most the encoding of MAX_SHEET_BYTES. */
  base64File: () =>
    v.pipe(
      v.string('应为文字'),
      v.maxLength(Math.ceil(MAX_SHEET_BYTES / 3) * 4, '文件不能超过1MB'),
      v.regex(/^[A-Za-z0-9+/]*={0,2}$/, '不是base64编码的文件'),
      v.metadata({ min: 0, max: Math.ceil(MAX_SHEET_BYTES / 3) * 4 }),
    ),
  fileName: () => str({ min: 1, max: 100 }),
});

/** Requests' parts made of the fields above, each built when first read. */
const PARTS = lazyProperties({
  /** The party-grid cut of the statistics (core/stats-cut.ts): a compound, a building, both, or neither. */
  statsCut: () => ({ compoundId: optional(FIELDS.entityId, null), buildingId: optional(FIELDS.entityId, null) }),
  orderFilter: () => {
    const { entityId, instant } = FIELDS;
    return obj({
      states: optional(list(oneOf(ORDER_STATES), ORDER_STATES.length)),
      compoundId: optional(entityId),
      /** Placed at this building (the supervisor's cut, the group leader's list). */
      buildingId: optional(entityId),
      teamId: optional(entityId),
      category: optional(oneOf(SERVICE_CATEGORIES)),
      createdFrom: optional(instant),
      createdTo: optional(instant),
      /** For workers: only the orders they hold (`mine`), or only their teams' pool (`pool`). */
      holder: optional(oneOf(['mine', 'pool'])),
    });
  },
});

/** Which orders a list asks for; every field may be left out. */
export type OrderListFilter = Readonly<Partial<v.InferOutput<(typeof PARTS)['orderFilter']>>>;

/** Every lifecycle action shares one request: which order, the version the caller saw, a request id, the input. */
const lifecycleAction = <A extends ActionType>(type: A) =>
  action(
    'role',
    { orderId: FIELDS.entityId, version: FIELDS.version, requestId: FIELDS.requestId, input: optional(ACTION_INPUTS[type], {}) },
    reply<{ order: OrderView }>(),
  );
type LifecycleActions = { readonly [A in ActionType]: ReturnType<typeof lifecycleAction<A>> };
/** A save answers the document as stored, with its new revision. */
const saved = <T>() => reply<{ saved: T }>();

/** The lifecycle actions of the orders part of the contract, each built when first read. */
const lifecycleMakers = () =>
  Object.fromEntries(ACTION_TYPES.map((type) => [type, () => lifecycleAction(type)])) as unknown as { [A in ActionType]: () => LifecycleActions[A] };

export const CONTRACT = lazyProperties({
  /** Who am I: roles, households, teams — what the start page shows. */
  session: () => ({
    whoami: action('user', {}, reply<SessionInfo>()),
    setOnDuty: action('user', { onDuty: bool }, reply<SessionInfo>()),
    /** 在职党员报到: a party member working elsewhere offers the community they live in what they can do. */
    volunteer: action('user', { skills: str({ min: 1, max: 100 }), workplace: str({ min: 1, max: 50 }) }, reply<SessionInfo>()),
  }),
  /** The service catalogue: red price beside market price. */
  catalog: () => ({
    list: action('user', {}, reply<{ items: ServiceItem[]; popular: string[] }>()),
  }),
  /** 工单: place, list, read, and every action of the lifecycle. */
  orders: () =>
    lazyProperties({
      create: () => action('user', { requestId: FIELDS.requestId, order: ORDER_FORMS.create }, reply<{ order: OrderView }>()),
      list: () =>
        action(
          'role',
          {
            filter: optional(PARTS.orderFilter, {}),
            cursor: optional(str({ max: 200 }), null),
            limit: optional(int(1, 50), 20),
            sort: optional(oneOf(ORDER_SORTS), 'recent'),
          },
          reply<{ items: OrderView[]; nextCursor: string | null; counts: Record<OrderState, number> }>(),
        ),
      /**
       * The order and the newest page of its timeline; `older` is the cursor for the page before, or null.
       * `photoUrls` says where each of the order's photos loads from for this viewer (on CloudBase a
       * temporary address: the bucket is closed to clients).
       */
      get: () =>
        action(
          'role',
          { orderId: FIELDS.entityId, before: optional(int(2, 1_000_000_000), null), limit: optional(int(1, 100), TIMELINE_PAGE) },
          reply<{ order: OrderView; events: OrderEvent[]; older: number | null; photoUrls: Record<string, string> }>(),
        ),
      ...lifecycleMakers(),
    }),
  /** Service teams with each member's duty and load, for dispatching. */
  teams: () => ({
    list: action('role', {}, reply<{ teams: TeamView[] }>()),
  }),
  /** What happened to my orders, newest first. */
  notifications: () => ({
    list: action('role', { limit: optional(int(1, 100), 30) }, reply<{ items: StoredNotificationView[] }>()),
    /** The inbox: my latest messages grouped per order, each marked read or unread, and how many are unread. */
    inbox: action('role', {}, reply<InboxView<StoredNotificationView>>()),
    /** How many of my messages are unread (each role's home shows it). */
    unread: action('role', {}, reply<{ unread: number }>()),
    /** Marks one order's messages read, or all of them when `orderId` is null; answers what is still unread. */
    markRead: action('role', { orderId: optional(FIELDS.entityId, null) }, reply<{ unread: number }>()),
    /** Records the subscribe-message templates I just accepted in WeChat's prompt: one message each. */
    subscribe: action('user', { templates: list(oneOf(TEMPLATE_KEYS), 3) }, reply<{ consents: Record<TemplateKey, number> }>()),
    /** My latest subscribe messages and what became of each, with the consents I have left. */
    sendings: action('user', { limit: optional(int(1, 50), 20) }, reply<{ items: MessageSending[]; consents: Record<TemplateKey, number> }>()),
  }),
  /** 督单 statistics: the supervisor's board, the public 晾晒 board, and the monthly 考核. */
  // A part's shared fields are its maker's parameter defaults: read, so built, when the part is first built.
  statistics: ({ month, entityId } = FIELDS, { statsCut } = PARTS) => ({
    board: action('role', { month: optional(month, null), ...statsCut }, reply<SupervisorBoard>()),
    public: action('public', { communityId: entityId, month }, reply<PublicBoard>()),
    /** The month's 考核; cut to a compound or building it is always computed now (only the whole community's is published). */
    assessment: action('role', { month, ...statsCut }, reply<Assessment>()),
    publish: action('role', { month }, reply<Assessment>()),
    export: action('role', { month, format: oneOf(['csv', 'xlsx']), ...statsCut }, reply<ExportFile>()),
    /** Each registered volunteer's 志愿服务 orders and hours in a month (在职党员报到). */
    volunteers: action('role', { month }, reply<{ month: string; items: VolunteerMonth[] }>()),
    exportVolunteers: action('role', { month }, reply<ExportFile>()),
  }),
  /** 社区管理员: deadlines, assessment weights, escalation interval, travel allowance, the catalogue. */
  admin: ({ deadlines, weight, entityId } = FIELDS) => ({
    settings: action('role', {}, reply<AdminView>()),
    updateSettings: action(
      'role',
      {
        defaultDeadlines: optional(deadlines),
        weights: optional(obj({ response: weight, resolution: weight, satisfaction: weight })),
        escalationMinutes: optional(int(SETTING_BOUNDS.escalationMinutes.min, SETTING_BOUNDS.escalationMinutes.max)),
        travelMinutes: optional(int(SETTING_BOUNDS.travelMinutes.min, SETTING_BOUNDS.travelMinutes.max)),
      },
      reply<AdminView>(),
    ),
    updateService: action(
      'role',
      {
        serviceItemId: entityId,
        deadlines: optional(deadlines),
        useDefaultDeadlines: optional(bool, false),
        redPriceFen: optional(int(0, 10_000_000)),
        marketPriceFen: optional(int(0, 10_000_000)),
        active: optional(bool),
        /** How residents pay: at the door, free, or subsidised (shown on the catalogue and the order). */
        payment: optional(oneOf(PAYMENT_MODES)),
      },
      reply<AdminView>(),
    ),
  }),
  /**
   * 社区管理: the admin adds and changes compounds, buildings, households, residents and their
   * bindings, workers, teams, the catalogue and property companies; imports and exports the
   * household sheet. Every save is checked by core/manage and written to the audit log.
   */
  manage: () => ({
    overview: action('role', {}, reply<ManageView>()),
    saveCompany: action('role', MANAGE_INPUTS.saveCompany.entries, saved<PropertyCompany>()),
    saveCompound: action('role', MANAGE_INPUTS.saveCompound.entries, saved<Compound>()),
    saveBuilding: action('role', MANAGE_INPUTS.saveBuilding.entries, saved<Building>()),
    saveHousehold: action('role', MANAGE_INPUTS.saveHousehold.entries, saved<Household>()),
    saveResident: action('role', MANAGE_INPUTS.saveResident.entries, saved<User>()),
    saveWorker: action('role', MANAGE_INPUTS.saveWorker.entries, saved<User>()),
    saveTeam: action('role', MANAGE_INPUTS.saveTeam.entries, saved<ServiceTeam>()),
    saveService: action('role', MANAGE_INPUTS.saveService.entries, saved<ServiceItem>()),
    retireService: action('role', MANAGE_INPUTS.retireService.entries, saved<ServiceItem>()),
    /** Deletes what was added by mistake; MANAGE.IN_USE while it still holds people or open orders. */
    removeBuilding: action('role', MANAGE_INPUTS.removeBuilding.entries, reply<{ removed: string }>()),
    removeHousehold: action('role', MANAGE_INPUTS.removeHousehold.entries, reply<{ removed: string }>()),
    removeTeam: action('role', MANAGE_INPUTS.removeTeam.entries, reply<{ removed: string }>()),
    /** Reads an XLSX or CSV of households and residents; `dryRun` only lists what would happen, row by row. */
    importSheet: action('role', { fileName: FIELDS.fileName, base64: FIELDS.base64File, dryRun: optional(bool, true) }, reply<ImportReply>()),
    exportSheet: action('role', { format: oneOf(['csv', 'xlsx']) }, reply<ExportFile>()),
  }),
  /**
   * 诉求 (民有所呼): raised by residents, shown on the compound's board without personal data; the
   * directory of outside departments (admin); the 圆桌会议 and its minutes; statistics by category
   * and route. Classifying, routing, answers, 我也遇到 and 关注 are lifecycle actions of `orders`.
   */
  grievances: ({ requestId, entityId, instant, month } = FIELDS) => ({
    create: action('user', { requestId, grievance: ORDER_FORMS.grievance }, reply<{ order: OrderView }>()),
    /** The compound's 诉求, open and answered, newest change first (a resident's own compound when left out). */
    board: action(
      'role',
      { compoundId: optional(entityId, null), cursor: optional(str({ max: 200 }), null), limit: optional(int(1, 50), 20) },
      reply<{ compoundId: string; compoundName: string; items: BoardItem[]; nextCursor: string | null }>(),
    ),
    departments: action('role', { includeRetired: optional(bool, false) }, reply<{ items: Department[] }>()),
    /** Adds a department (no `departmentId`) or edits one; `active: false` retires it. */
    saveDepartment: action(
      'role',
      {
        departmentId: optional(entityId, null),
        name: str({ min: 1, max: 30 }),
        contact: optional(str({ max: 30 }), ''),
        phone: optional(str({ max: 20 }), ''),
        active: optional(bool, true),
      },
      reply<{ department: Department }>(),
    ),
    meetings: action('role', {}, reply<{ items: Meeting[] }>()),
    createMeeting: action(
      'role',
      {
        compoundId: entityId,
        title: str({ min: 1, max: 50 }),
        at: instant,
        place: str({ min: 1, max: 50 }),
        attendees: obj(Object.fromEntries(PARTIES.map((p) => [p, str({ min: 1, max: 100 })])) as Record<(typeof PARTIES)[number], ReturnType<typeof str>>),
      },
      reply<{ meeting: Meeting }>(),
    ),
    /** A meeting's minutes: attendees, and each agenda item's decision, responsible party, deadline and progress. */
    minutes: action('role', { meetingId: entityId }, reply<Minutes>()),
    /** The minutes as a document (HTML that prints to PDF and opens in Word). */
    exportMinutes: action('role', { meetingId: entityId }, reply<ExportFile>()),
    stats: action('role', { month }, reply<GrievanceStats>()),
  }),
  /** Joining: applications for a household, invitations to a role, roles revoked, leaving, the audit log. */
  membership: ({ entityId, personName, phone, inviteCode } = FIELDS) => ({
    /** The communities, and the compounds and buildings of one (the only one when there is one), for the join form. */
    places: action('identity', { communityId: optional(entityId, null) }, reply<JoinPlaces>()),
    /** Whether this WeChat user is a member, and where each of their applications stands. */
    status: action('identity', {}, reply<JoinStatus>()),
    apply: action(
      'identity',
      { communityId: entityId, compoundId: entityId, buildingId: entityId, door: str({ min: 1, max: 20 }), name: personName, phone },
      reply<JoinStatus>(),
    ),
    /** Takes an invitation's role; a newcomer also gives a name and phone. `communityId` is the one the link named. */
    redeem: action(
      'identity',
      { code: inviteCode, communityId: optional(entityId, null), name: optional(personName), phone: optional(phone) },
      reply<JoinStatus>(),
    ),
    /** Leaves the community: roles and households go, the name and phone are erased, past orders stay. */
    leave: action('user', {}, reply<JoinStatus>()),
    applications: action('role', { state: optional(oneOf(['pending', 'approved', 'refused']), 'pending') }, reply<{ items: ApplicationView[] }>()),
    decide: action('role', { applicationId: entityId, approve: bool, reason: optional(str({ max: 200 }), '') }, reply<{ application: ApplicationView }>()),
    invite: action(
      'role',
      {
        memberRole: oneOf(INVITABLE_ROLES),
        companyId: optional(entityId, null),
        teamId: optional(entityId, null),
        /** 楼栋党小组长: the building they will lead. */
        buildingId: optional(entityId, null),
        days: optional(int(1, 90), 7),
        maxUses: optional(int(1, 100), 1),
      },
      reply<{ invitation: InvitationView }>(),
    ),
    /** The invitations, newest first, and the teams and companies a new one may name. */
    invitations: action('role', {}, reply<{ items: InvitationView[]; scopes: InvitationScopes }>()),
    revokeInvitation: action('role', { code: inviteCode }, reply<{ invitation: InvitationView }>()),
    members: action('role', {}, reply<{ items: MemberView[] }>()),
    revokeRole: action('role', { userId: entityId, memberRole: oneOf(ROLES) }, reply<{ member: MemberView }>()),
    audit: action('role', { limit: optional(int(1, 200), 100) }, reply<{ items: AuditEntry[] }>()),
    /** The party grid the caller arranges (admin: every building; 楼栋党小组长: theirs), with each household's paired party member. */
    grid: action('role', {}, reply<GridView>()),
    /** 结对认亲: pairs a household with a party member who is a resident of the community (null: unpairs it). */
    pair: action('role', { householdId: entityId, memberId: optional(entityId, null) }, reply<GridView>()),
  }),
});
