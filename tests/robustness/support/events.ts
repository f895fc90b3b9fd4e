import fc from 'fast-check';
import { ACTION_TYPES, type CONTRACT, contractOf, requestEntries, type ActionType, type FunctionName } from '@core';

/**
 * Every function and action of the wire contract, with the kind of each field and whether it may
 * be left out, read from core/contract (the fields are the contract's to declare); what is written
 * here by hand is one valid event per action and who sends it. The fuzzer breaks a valid event in
 * ways that can only make it invalid, and expects a 4xx for each (its own expectation).
 */
export type Kind = 'text' | 'id' | 'requestId' | 'enum' | 'int' | 'number' | 'bool' | 'list' | 'obj' | 'file';
export interface Field {
  readonly kind: Kind;
  readonly optional?: boolean;
  /** For objects: their own fields. */
  readonly fields?: Spec;
}
export type Spec = Readonly<Record<string, Field>>;

/** The shape of a valibot schema this reader looks at: its type, its checks, what it wraps. */
interface SchemaShape {
  readonly type: string;
  readonly wrapped?: SchemaShape;
  readonly entries?: Readonly<Record<string, SchemaShape>>;
  readonly pipe?: readonly { readonly type: string; readonly requirement?: unknown }[];
}

/** A field's kind, from its schema: a string with a pattern is an id (odd text would break it), an integer an int. */
function fieldOf(schema: SchemaShape): Field {
  const optional = schema.type === 'nullish' || schema.type === 'optional';
  const s = optional ? schema.wrapped! : schema;
  const has = (type: string, test: (requirement: unknown) => boolean = () => true) => (s.pipe ?? []).some((a) => a.type === type && test(a.requirement));
  switch (s.type) {
    case 'string':
      // A file's bytes (the admin's sheet, base64): longer than any huge text, so made wrong by its alphabet instead.
      if (has('max_length', (n) => (n as number) > 120_000)) return { kind: 'file', optional };
      return { kind: has('regex', (r) => (r as RegExp).source !== '(?:)') ? 'id' : 'text', optional };
    case 'number':
      return { kind: has('integer') ? 'int' : 'number', optional };
    case 'boolean':
      return { kind: 'bool', optional };
    case 'picklist':
      return { kind: 'enum', optional };
    case 'array':
      return { kind: 'list', optional };
    case 'strict_object':
      return { kind: 'obj', optional, fields: specOf(s.entries!) };
    default:
      throw new Error(`the fuzzer does not know schemas of type ${s.type}`);
  }
}
const specOf = (entries: Readonly<Record<string, unknown>>): Spec =>
  Object.fromEntries(Object.entries(entries).map(([key, schema]) => [key, fieldOf(schema as SchemaShape)]));

export interface RouteCase {
  readonly fn: string;
  readonly action: string;
  /** Needs no identity (the public 晾晒 board): leaving the caller out does not make it invalid. */
  readonly isPublic?: boolean;
  /** Takes a WeChat identity the store does not know (joining): an unknown OPENID is a newcomer, not a defect. */
  readonly takesNewcomers?: boolean;
  /** Fields besides `action`. */
  readonly spec: Spec;
  /** A valid event and who sends it. */
  readonly valid: (ids: { orderId: string; version: number }) => Record<string, unknown>;
  readonly user: string;
}

/** One valid input of each lifecycle action, and who sends it. */
const ACTIONS: Record<ActionType, { input: Record<string, unknown>; as: [string, string] }> = {
  cancel: { input: { reason: '不需要了' }, as: ['demo-resident', 'resident'] },
  urge: { input: {}, as: ['demo-resident', 'resident'] },
  confirm: { input: { attitude: 5, timeliness: 4, quality: 5, comment: '很好' }, as: ['demo-resident', 'resident'] },
  rework: { input: { reason: '还在漏' }, as: ['demo-resident', 'resident'] },
  complain: { input: { text: '太慢了' }, as: ['demo-resident', 'resident'] },
  dispatch: { input: { teamId: 't-general', workerId: 'demo-worker' }, as: ['demo-dispatcher', 'dispatcher'] },
  reassign: { input: { teamId: 't-general', workerId: 'demo-worker-3', reason: '换人' }, as: ['demo-dispatcher', 'dispatcher'] },
  refuse: { input: { reason: '不归物业管', redirect: '请找供水公司' }, as: ['demo-dispatcher', 'dispatcher'] },
  accept: { input: {}, as: ['demo-worker', 'worker'] },
  grab: { input: {}, as: ['demo-worker', 'worker'] },
  decline: { input: { reason: '在外地' }, as: ['demo-worker', 'worker'] },
  start: { input: {}, as: ['demo-worker', 'worker'] },
  complete: { input: { notes: '已修好', photos: ['fabc1234567.jpg'] }, as: ['demo-worker', 'worker'] },
  instruct: { input: { text: '请今天办好', to: 'dispatcher', dueInHours: 4 }, as: ['demo-supervisor', 'supervisor'] },
  reopen: { input: { reason: '居民说没修好' }, as: ['demo-supervisor', 'supervisor'] },
  reply: { input: { seq: 2, text: '已安排' }, as: ['demo-dispatcher', 'dispatcher'] },
  answer: { input: { seq: 2, text: '已督促' }, as: ['demo-supervisor', 'supervisor'] },
  revisit: { input: { reached: true, satisfied: true, notes: '满意' }, as: ['demo-supervisor', 'supervisor'] },
  reschedule: { input: { timeWindow: { from: Date.UTC(2026, 9, 6, 1), to: Date.UTC(2026, 9, 6, 3) }, reason: '改到明天' }, as: ['demo-resident', 'resident'] },
  propose_time: { input: { timeWindow: { from: Date.UTC(2026, 9, 6, 1), to: Date.UTC(2026, 9, 6, 3) }, reason: '家中无人' }, as: ['demo-worker', 'worker'] },
  accept_time: { input: {}, as: ['demo-resident', 'resident'] },
  refuse_time: { input: { reason: '今天就要' }, as: ['demo-resident', 'resident'] },
  classify: { input: { category: 'safety', level: 'urgent' }, as: ['demo-dispatcher', 'dispatcher'] },
  route: { input: { to: 'department', departmentId: 'd-power', note: '路灯归供电所' }, as: ['demo-supervisor', 'supervisor'] },
  resolve: { input: { text: '供电所已更换路灯', photos: [] }, as: ['demo-supervisor', 'supervisor'] },
  unroute: { input: { reason: '不归我们管' }, as: ['demo-supervisor', 'supervisor'] },
  me_too: { input: {}, as: ['demo-worker-3', 'resident'] },
  follow: { input: {}, as: ['demo-worker-3', 'resident'] },
  agenda_decide: { input: { decision: '业委会出资更换', responsible: 'owners', dueAt: Date.UTC(2026, 9, 20, 1) }, as: ['demo-supervisor', 'supervisor'] },
};

type Example = Omit<RouteCase, 'fn' | 'action' | 'spec' | 'isPublic' | 'takesNewcomers'>;
const DEADLINES = { dispatch: 60, accept: 60, start: 600, complete: 1440, confirm: 1440 };

/** One valid event of every other action: a total map, so an action the contract adds needs one here. */
const EXAMPLES: { readonly [F in FunctionName]: { readonly [A in Exclude<keyof (typeof CONTRACT)[F], ActionType>]: Example } } = {
  session: {
    whoami: { valid: () => ({}), user: 'demo-resident' },
    setOnDuty: { valid: () => ({ onDuty: false }), user: 'demo-worker' },
    volunteer: { valid: () => ({ skills: '电工，陪老人聊天', workplace: '市供电公司' }), user: 'demo-resident-2' },
  },
  catalog: { list: { valid: () => ({}), user: 'demo-resident' } },
  teams: { list: { valid: () => ({ role: 'dispatcher' }), user: 'demo-dispatcher' } },
  notifications: {
    list: { valid: () => ({ role: 'worker', limit: 10 }), user: 'demo-worker' },
    inbox: { valid: () => ({ role: 'resident' }), user: 'demo-resident' },
    unread: { valid: () => ({ role: 'worker' }), user: 'demo-worker' },
    markRead: { valid: () => ({ role: 'resident', orderId: 'o-none' }), user: 'demo-resident' },
    subscribe: { valid: () => ({ templates: ['orderProgress'] }), user: 'demo-resident' },
    sendings: { valid: () => ({ limit: 5 }), user: 'demo-resident' },
  },
  statistics: {
    board: { valid: () => ({ role: 'supervisor', month: '2026-09' }), user: 'demo-supervisor' },
    public: { valid: () => ({ communityId: 'c-xingfuli', month: '2026-09' }), user: 'demo-resident' },
    assessment: { valid: () => ({ role: 'supervisor', month: '2026-09' }), user: 'demo-supervisor' },
    publish: { valid: () => ({ role: 'supervisor', month: '2026-09' }), user: 'demo-supervisor' },
    export: { valid: () => ({ role: 'supervisor', month: '2026-09', format: 'csv' }), user: 'demo-supervisor' },
    volunteers: { valid: () => ({ role: 'supervisor', month: '2026-09' }), user: 'demo-supervisor' },
    exportVolunteers: { valid: () => ({ role: 'supervisor', month: '2026-09' }), user: 'demo-supervisor' },
  },
  admin: {
    settings: { valid: () => ({ role: 'admin' }), user: 'demo-admin' },
    updateSettings: {
      valid: () => ({ role: 'admin', defaultDeadlines: DEADLINES, weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 }, escalationMinutes: 60 }),
      user: 'demo-admin',
    },
    updateService: {
      valid: () => ({ role: 'admin', serviceItemId: 's-repair', deadlines: DEADLINES, redPriceFen: 100, marketPriceFen: 200, active: true }),
      user: 'demo-admin',
    },
  },
  membership: {
    places: { valid: () => ({ communityId: 'c-xingfuli' }), user: 'demo-resident' },
    status: { valid: () => ({}), user: 'demo-resident' },
    apply: {
      valid: () => ({ communityId: 'c-xingfuli', compoundId: 'cp-yangguang', buildingId: 'b-yg-1', door: '3单元502', name: '张秀兰', phone: '13800001111' }),
      user: 'demo-resident',
    },
    redeem: { valid: () => ({ code: 'ABCDEFGH', communityId: 'c-xingfuli', name: '新队员', phone: '13800009999' }), user: 'demo-resident' },
    leave: { valid: () => ({}), user: 'demo-resident-2' },
    applications: { valid: () => ({ role: 'admin', state: 'pending' }), user: 'demo-admin' },
    decide: { valid: () => ({ role: 'admin', applicationId: 'ap-none', approve: false, reason: '查无此户' }), user: 'demo-admin' },
    invite: { valid: () => ({ role: 'admin', memberRole: 'worker', teamId: 't-general', days: 7, maxUses: 1 }), user: 'demo-admin' },
    invitations: { valid: () => ({ role: 'admin' }), user: 'demo-admin' },
    revokeInvitation: { valid: () => ({ role: 'admin', code: 'ABCDEFGH' }), user: 'demo-admin' },
    members: { valid: () => ({ role: 'admin' }), user: 'demo-admin' },
    revokeRole: { valid: () => ({ role: 'admin', userId: 'demo-worker-2', memberRole: 'worker' }), user: 'demo-admin' },
    audit: { valid: () => ({ role: 'admin', limit: 20 }), user: 'demo-admin' },
    grid: { valid: () => ({ role: 'group_leader' }), user: 'demo-leader' },
    pair: { valid: () => ({ role: 'group_leader', householdId: 'h-yg-b', memberId: 'demo-leader' }), user: 'demo-leader' },
  },
  manage: {
    overview: { valid: () => ({ role: 'admin' }), user: 'demo-admin' },
    saveCompany: { valid: () => ({ role: 'admin', name: '安心物业', phone: '0825-2345678' }), user: 'demo-admin' },
    saveCompound: { valid: () => ({ role: 'admin', name: '幸福小区', companyId: 'pc-hongxin' }), user: 'demo-admin' },
    saveBuilding: { valid: () => ({ role: 'admin', compoundId: 'cp-yangguang', name: '9号楼' }), user: 'demo-admin' },
    saveHousehold: {
      valid: () => ({ role: 'admin', buildingId: 'b-yg-1', door: '5单元101', contactName: '钱多多', contactPhone: '13700001234' }),
      user: 'demo-admin',
    },
    saveResident: { valid: () => ({ role: 'admin', name: '钱多多', phone: '13700001234', householdIds: ['h-yg-a'] }), user: 'demo-admin' },
    saveWorker: { valid: () => ({ role: 'admin', id: 'demo-worker', rev: 0, skills: ['repair'], onDuty: true, maxOpenOrders: 4 }), user: 'demo-admin' },
    saveTeam: {
      valid: () => ({
        role: 'admin',
        name: '保洁队',
        companyId: 'pc-hongxin',
        categories: ['cleaning'],
        memberIds: ['demo-worker'],
        dispatchMode: 'dispatcher',
      }),
      user: 'demo-admin',
    },
    saveService: {
      valid: () => ({
        role: 'admin',
        name: '理发上门',
        category: 'homecare',
        description: '',
        unit: '次',
        redPriceFen: 1000,
        marketPriceFen: 3000,
        payment: 'at_door',
      }),
      user: 'demo-admin',
    },
    retireService: { valid: () => ({ role: 'admin', id: 's-errand', rev: 0 }), user: 'demo-admin' },
    removeBuilding: { valid: () => ({ role: 'admin', id: 'b-hp-5', rev: 0 }), user: 'demo-admin' },
    removeHousehold: { valid: () => ({ role: 'admin', id: 'h-hp-b', rev: 0 }), user: 'demo-admin' },
    removeTeam: { valid: () => ({ role: 'admin', id: 't-general', rev: 0 }), user: 'demo-admin' },
    importSheet: {
      valid: () => ({
        role: 'admin',
        fileName: '住户.csv',
        base64: Buffer.from('小区,楼栋,单元,门牌,姓名,电话\n阳光小区,1号楼,2,301,张秀兰,13800001111\n').toString('base64'),
        dryRun: true,
      }),
      user: 'demo-admin',
    },
    exportSheet: { valid: () => ({ role: 'admin', format: 'csv' }), user: 'demo-admin' },
  },
  grievances: {
    create: {
      valid: () => ({
        requestId: 'fuzz-grievance-0001',
        grievance: { category: 'facility', householdId: 'h-yg-a', description: '1号楼北侧路灯不亮', place: '1号楼北侧', anonymous: true, photos: [] },
      }),
      user: 'demo-resident',
    },
    board: { valid: () => ({ role: 'resident', compoundId: 'cp-yangguang', limit: 10 }), user: 'demo-resident' },
    departments: { valid: () => ({ role: 'supervisor', includeRetired: true }), user: 'demo-supervisor' },
    saveDepartment: { valid: () => ({ role: 'admin', name: '燃气公司', contact: '客服', phone: '96777', active: true }), user: 'demo-admin' },
    meetings: { valid: () => ({ role: 'supervisor' }), user: 'demo-supervisor' },
    createMeeting: {
      valid: () => ({
        role: 'supervisor',
        compoundId: 'cp-yangguang',
        title: '十月圆桌会议',
        at: Date.UTC(2026, 9, 10, 6),
        place: '社区党群服务中心',
        attendees: { street: '王书记', neighbourhood: '李主任', partyBranch: '刘书记', owners: '陈主任', property: '赵经理' },
      }),
      user: 'demo-supervisor',
    },
    minutes: { valid: () => ({ role: 'supervisor', meetingId: 'm-none' }), user: 'demo-supervisor' },
    exportMinutes: { valid: () => ({ role: 'supervisor', meetingId: 'm-none' }), user: 'demo-supervisor' },
    stats: { valid: () => ({ role: 'supervisor', month: '2026-09' }), user: 'demo-supervisor' },
  },
  orders: {
    create: {
      valid: () => ({
        requestId: 'fuzz-create-0001',
        order: {
          serviceItemId: 's-repair',
          householdId: 'h-yg-a',
          description: '厨房水龙头漏水',
          timeWindow: { from: Date.UTC(2026, 9, 5, 2), to: Date.UTC(2026, 9, 5, 4) },
          photos: [],
          contactName: '张秀兰',
          contactPhone: '13800001111',
        },
      }),
      user: 'demo-resident',
    },
    list: {
      valid: () => ({
        role: 'supervisor',
        filter: { states: ['pending_dispatch'], compoundId: 'cp-yangguang', category: 'repair', createdFrom: 0 },
        limit: 10,
        sort: 'oldest',
      }),
      user: 'demo-supervisor',
    },
    get: { valid: ({ orderId }) => ({ role: 'resident', orderId }), user: 'demo-resident' },
  },
};

/** A route of the contract with its fields as the contract declares them. */
function routeOf(fn: FunctionName, action: string, example: Example): RouteCase {
  const declared = contractOf(fn, action)!;
  return {
    fn,
    action,
    spec: specOf(requestEntries(declared)),
    ...(declared.access === 'public' && { isPublic: true }),
    ...(declared.access === 'identity' && { takesNewcomers: true }),
    ...example,
  };
}

export const ROUTES: readonly RouteCase[] = [
  ...(Object.keys(EXAMPLES) as FunctionName[]).flatMap((fn) =>
    Object.entries(EXAMPLES[fn] as Record<string, Example>).map(([action, example]) => routeOf(fn, action, example)),
  ),
  ...ACTION_TYPES.map((action) => {
    const a = ACTIONS[action];
    return routeOf('orders', action, {
      valid: ({ orderId, version }) => ({ role: a.as[1], orderId, version, requestId: `fuzz-${action}-0001`, input: a.input }),
      user: a.as[0],
    });
  }),
];

// ---------------------------------------------------------------------------------------------
// Values

/** An own, enumerable property even for `__proto__`, as JSON.parse makes it. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Keys that attack prototypes or privileges, beside random ones. */
export const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineSetter__',
  'isAdmin',
  'role ',
  'Action',
  '',
];

/** Text that is valid as text yet odd: scripts, emoji sequences, combining marks, zero-width characters, lone surrogates. */
export const oddText = fc.oneof(
  fc.constantFrom('👩‍👩‍👧‍👦🏳️‍🌈', 'é́́́́́', 'עברית عربى', '\u200b\u200c\u200d', 'ﷺ𒐫', '\ud800', '\udfff', 'Z̸̢̛͖̈́a̵l̷g̴o̶', '𠜎𠜱𠝹𠱓', '　全角　'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Characters the validator must refuse inside text (invisible or reordering). */
export const CONTROL_CHARS = [
  '\u0000',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u001b',
  '\u007f',
  '\u061c',
  '\u200b',
  '\u200e',
  '\u2028',
  '\u202a',
  '\u202e',
  '\u2060',
  '\u2066',
  '\u2069',
  '\ufeff',
];

const leaf = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), oddText);
const key = fc.oneof(fc.constantFrom(...NASTY_KEYS), fc.string({ maxLength: 12 }));
/** JSON values, including objects whose keys are `__proto__` and friends. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of entries) setOwn(o, k, v);
      return o;
    }),
  ),
})).value;

const nonEmptyObject = fc.array(fc.tuple(key, jsonValue), { minLength: 1, maxLength: 3 }).map((entries) => {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) setOwn(o, k, v);
  return o;
});
const someArray = fc.array(jsonValue, { maxLength: 4 });
const someString = fc.oneof(oddText, fc.constantFrom('1', 'true', '2026-09', 'null', '{}', '[]'));
/** Integers that fit no range the contract uses (all ranges lie within 0 … 4.1e12). */
const outOfRangeInt = fc.oneof(fc.integer({ max: -1 }), fc.constantFrom(2 ** 53, -(2 ** 53), 9e15, Number.MAX_SAFE_INTEGER));
const fraction = fc.double({ noNaN: true, noDefaultInfinity: true, noInteger: true });

/** A value of the wrong type (or out of every range) for a field of this kind; JSON-safe. */
export function wrongValue(field: Field): fc.Arbitrary<unknown> {
  const nullIfRequired = field.optional ? [] : [fc.constant(null)];
  switch (field.kind) {
    case 'text':
    case 'id':
    case 'requestId':
    case 'enum':
      return fc.oneof(fc.integer(), fraction, fc.boolean(), someArray, nonEmptyObject, fc.constant({}), ...nullIfRequired);
    case 'int':
      return fc.oneof(fraction, outOfRangeInt, someString, fc.boolean(), someArray, nonEmptyObject, ...nullIfRequired);
    case 'number':
      // Fractions (the 考核 weights) lie within 0 … 1; any integer beyond those bounds is out of range.
      return fc.oneof(fc.integer({ min: 2 }), fc.integer({ max: -1 }), someString, fc.boolean(), someArray, nonEmptyObject, ...nullIfRequired);
    case 'bool':
      return fc.oneof(fc.integer(), someString, someArray, nonEmptyObject, ...nullIfRequired);
    case 'list':
      return fc.oneof(
        someString,
        fc.integer(),
        fc.boolean(),
        nonEmptyObject,
        // longer than any list the contract allows (9 photos, 8 states)
        fc.array(fc.constant('fabc1234567.jpg'), { minLength: 10, maxLength: 40 }),
        fc.array(fc.oneof(fc.integer(), nonEmptyObject, fc.constant(null), someArray), { minLength: 1, maxLength: 3 }),
        ...nullIfRequired,
      );
    case 'obj':
      return fc.oneof(someString, fc.integer(), fc.boolean(), someArray, ...nullIfRequired);
    case 'file':
      return fc.oneof(fc.integer(), fc.boolean(), someArray, nonEmptyObject, fc.constant('不是base64的文字!'), ...nullIfRequired);
  }
}

/** Values the cloud never sends (JSON cannot carry them), for in-process calls only. */
export const unJsonValue = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, BigInt(7), Symbol('x'), () => 1, new Date(0), new Map(), new Uint8Array(3));

/** A string longer than any field allows, ending in odd text. */
export const hugeText = fc.tuple(fc.integer({ min: 600, max: 120_000 }), fc.constantFrom('x', '字', '😀'), oddText).map(([n, ch, tail]) => ch.repeat(n) + tail);

// ---------------------------------------------------------------------------------------------
// Defects: each one alone makes an event invalid, and none undoes another.

export type Path = readonly string[];
export type Caller = { devUserId: string } | { openid: string } | null;

export type Defect =
  | { readonly type: 'drop'; readonly path: Path }
  | { readonly type: 'wrong'; readonly path: Path; readonly value: unknown }
  | { readonly type: 'extra'; readonly at: Path; readonly key: string; readonly value: unknown }
  | { readonly type: 'root'; readonly value: unknown }
  | { readonly type: 'action'; readonly value: unknown }
  | { readonly type: 'caller'; readonly caller: Caller };

const ROLE_NAMES = ['resident', 'dispatcher', 'worker', 'supervisor', 'admin'];
const DEMO_ROLES: Record<string, string[]> = {
  'demo-resident': ['resident'],
  'demo-worker': ['worker'],
  'demo-dispatcher': ['dispatcher'],
  'demo-supervisor': ['supervisor'],
  'demo-admin': ['admin'],
};
const STRINGY: readonly Kind[] = ['text', 'id', 'requestId', 'enum'];

/** Every field of a spec with its path. */
export function fieldsOf(spec: Spec, at: Path = []): { path: Path; field: Field }[] {
  return Object.entries(spec).flatMap(([k, field]) => [{ path: [...at, k], field }, ...(field.fields ? fieldsOf(field.fields, [...at, k]) : [])]);
}
/** Every object of a spec (the root first) with the keys it knows. */
function objectsOf(spec: Spec, at: Path = [], root = true): { at: Path; known: string[] }[] {
  const own = { at, known: [...Object.keys(spec), ...(root ? ['action'] : [])] };
  return [own, ...Object.entries(spec).flatMap(([k, field]) => (field.fields ? objectsOf(field.fields, [...at, k], false) : []))];
}

/** Defects that can be made to one route's events; `inProcess` adds values JSON cannot carry. */
export function defectsFor(route: RouteCase, routeNames: readonly string[], inProcess: boolean): fc.Arbitrary<Defect> {
  // Only fields whose parent object is in the valid event: a defect there cannot be a no-op.
  const sample = { action: route.action, ...route.valid({ orderId: 'o1', version: 1 }) };
  const fields = fieldsOf(route.spec).filter(({ path }) => parentOf(sample, path) !== null);
  const required = fields.filter(({ field }) => !field.optional);
  const options: fc.Arbitrary<Defect>[] = [];
  if (required.length) options.push(fc.constantFrom(...required).map(({ path }) => ({ type: 'drop', path }) as Defect));
  if (fields.length) {
    options.push(
      fc.constantFrom(...fields).chain(({ path, field }) => {
        const extra = inProcess ? [field.kind === 'obj' ? fc.constantFrom<unknown>(NaN, Infinity, BigInt(7), Symbol('x'), () => 1) : unJsonValue] : [];
        return fc.oneof(wrongValue(field), ...extra).map((value) => ({ type: 'wrong', path, value }) as Defect);
      }),
    );
    const stringy = fields.filter(({ field }) => STRINGY.includes(field.kind));
    if (stringy.length) {
      options.push(fc.tuple(fc.constantFrom(...stringy), hugeText).map(([{ path }, value]) => ({ type: 'wrong', path, value }) as Defect));
      options.push(
        fc
          .tuple(fc.constantFrom(...stringy), fc.constantFrom(...CONTROL_CHARS), fc.string({ maxLength: 5 }))
          .map(([{ path }, ch, tail]) => ({ type: 'wrong', path, value: `a${ch}b${tail}` }) as Defect),
      );
    }
  }
  const objects = objectsOf(route.spec).filter(({ at }) => at.length === 0 || parentOf(sample, [...at, '']) !== null);
  options.push(
    fc.constantFrom(...objects).chain(({ at, known }) =>
      fc
        .tuple(
          key.filter((k) => !known.includes(k)),
          jsonValue,
        )
        .map(([k, value]) => ({ type: 'extra', at, key: k, value }) as Defect),
    ),
  );
  options.push(fc.oneof(fc.constant(null), someArray, fc.integer(), someString, fc.boolean()).map((value) => ({ type: 'root', value }) as Defect));
  options.push(
    fc
      .oneof(
        someString.filter((s) => !routeNames.includes(s)),
        fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
        fc.integer(),
        fc.constant(null),
        nonEmptyObject,
      )
      .map((value) => ({ type: 'action', value }) as Defect),
  );
  if (route.spec.role) {
    const notHeld = ROLE_NAMES.filter((r) => !(DEMO_ROLES[route.user] ?? ROLE_NAMES).includes(r));
    options.push(
      fc
        .oneof(
          fc.constantFrom(...notHeld, 'root', 'Resident', 'resident ', 'system', ''),
          fc.string({ maxLength: 10 }).filter((s) => !ROLE_NAMES.includes(s.trim())),
        )
        .map((value) => ({ type: 'wrong', path: ['role'], value }) as Defect),
    );
  }
  if (!route.isPublic) {
    options.push(
      fc
        .constantFrom<Caller>(
          null,
          { devUserId: '' },
          { devUserId: 'nobody' },
          { devUserId: '__proto__' },
          { openid: '' },
          ...(route.takesNewcomers ? [] : [{ openid: 'forged-openid' }]),
        )
        .map((caller) => ({ type: 'caller', caller }) as Defect),
    );
  }
  return fc.oneof(...options);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parentOf(event: unknown, path: Path): Record<string, unknown> | null {
  let at: unknown = event;
  for (const k of path.slice(0, -1)) {
    if (!isObj(at) || !Object.hasOwn(at, k)) return null;
    at = at[k];
  }
  return isObj(at) ? at : null;
}

/** Applies defects (after noise) to a copy of a valid event; returns the event and who sends it. */
export function breakEvent(valid: Record<string, unknown>, action: string, user: string, defects: readonly Defect[]) {
  let event: unknown = JSON.parse(JSON.stringify({ action, ...valid }));
  let caller: Caller = { devUserId: user };
  for (const d of defects) {
    switch (d.type) {
      case 'drop': {
        const parent = parentOf(event, d.path);
        if (parent) delete parent[d.path[d.path.length - 1]!];
        break;
      }
      case 'wrong': {
        const parent = parentOf(event, d.path);
        if (parent) setOwn(parent, d.path[d.path.length - 1]!, d.value);
        break;
      }
      case 'extra': {
        const target = d.at.length ? parentOf(event, [...d.at, '']) : isObj(event) ? event : null;
        if (target) setOwn(target, d.key, d.value);
        break;
      }
      case 'root':
        event = d.value;
        break;
      case 'action':
        if (isObj(event)) setOwn(event, 'action', d.value);
        break;
      case 'caller':
        caller = d.caller;
        break;
    }
  }
  return { event, caller };
}

/** Valid but odd text in free-text fields, so defects travel beside emoji, RTL and lone surrogates. */
export function noiseFor(route: RouteCase): fc.Arbitrary<{ path: Path; value: string }[]> {
  const texts = fieldsOf(route.spec).filter(({ path, field }) => field.kind === 'text' && path[path.length - 1] !== 'contactPhone');
  if (!texts.length) return fc.constant([]);
  return fc.array(fc.tuple(fc.constantFrom(...texts), oddText), { maxLength: 2 }).map((xs) => xs.map(([{ path }, value]) => ({ path, value: `备注${value}` })));
}

export function withNoise(valid: Record<string, unknown>, noise: readonly { path: Path; value: string }[]) {
  const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
  for (const n of noise) {
    const parent = parentOf(copy, n.path);
    if (parent && Object.hasOwn(parent, n.path[n.path.length - 1]!)) parent[n.path[n.path.length - 1]!] = n.value;
  }
  return copy;
}
