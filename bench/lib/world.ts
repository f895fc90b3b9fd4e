/**
 * The bench's community: the demo data plus enough residents and workers for 50 concurrent loops,
 * written through the store's own putRefs. Workers take any number of orders (no capacity cap),
 * and no rate limits are passed in Deps.
 */
import type { Envelope, Household, ServiceTeam, User } from '@core';
import { FUNCTIONS } from '../../backend/functions/registry';
import { timeOrderedId, type Deps } from '../../backend/runtime/deps';
import { seedDemo } from '../../backend/server/seed';
import type { Store } from '../../backend/storage/port';

export const PEOPLE = 50;
export const COMMUNITY = 'c-xingfuli';
export const BENCH_TEAM = 't-bench';
export const DISPATCHER = 'demo-dispatcher';
export const SUPERVISOR = 'demo-supervisor';
export const residentId = (i: number) => `bench-resident-${i}`;
/** The bench person whose resident placed an order (`createdBy`): residentId's inverse. */
export const personOf = (createdBy: string) => Number(createdBy.slice(createdBy.lastIndexOf('-') + 1));
export const workerId = (i: number) => `bench-worker-${i}`;
export const householdId = (i: number) => `bench-hh-${i}`;

const person = (id: string, roles: User['roles'], extra: Partial<User>): User => ({
  id,
  openid: `openid-${id}`,
  communityId: COMMUNITY,
  name: id,
  phone: '13700000000',
  roles,
  householdIds: [],
  companyId: null,
  onDuty: true,
  maxOpenOrders: 1_000_000,
  ...extra,
});

/** Seeds the demo community and the bench's residents, households, workers and pool team. */
export async function seedBench(store: Store): Promise<void> {
  await seedDemo(store);
  const idx = Array.from({ length: PEOPLE }, (_, i) => i);
  const households: Household[] = idx.map((i) => ({
    id: householdId(i),
    communityId: COMMUNITY,
    compoundId: i % 2 ? 'cp-heping' : 'cp-yangguang',
    buildingId: i % 2 ? 'b-hp-5' : 'b-yg-1',
    door: `${1 + (i % 4)}单元${100 + i}`,
    contactName: `居民${i}`,
    contactPhone: '13700000000',
  }));
  const users: User[] = [
    ...idx.map((i) => person(residentId(i), ['resident'], { householdIds: [householdId(i)] })),
    ...idx.map((i) => person(workerId(i), ['worker'], {})),
  ];
  const team: ServiceTeam = {
    id: BENCH_TEAM,
    communityId: COMMUNITY,
    companyId: 'pc-hongxin',
    name: '压测服务队',
    categories: ['repair', 'cleaning', 'other'],
    memberIds: idx.map(workerId),
  };
  await store.putRefs('households', households);
  await store.putRefs('users', users);
  await store.putRefs('teams', [team]);
}

/** Deps as the local server builds them, minus the rate limits. */
export const benchDeps = (store: Store, now: () => number = Date.now): Deps => ({ store, now, newId: (prefix) => timeOrderedId(prefix, now()) });

/** Calls a function as a user, in-process or over HTTP; answers the envelope. */
export type Call = (fn: string, event: Record<string, unknown>, user: string) => Promise<Envelope<any>>;

export const inProcess =
  (deps: Deps): Call =>
  (fn, event, user) =>
    FUNCTIONS[fn as keyof typeof FUNCTIONS](event, { devUserId: user }, deps);

/** The actions of one whole loop, in order, and the reads the app makes beside them. */
export const ACTIONS = ['create', 'dispatch', 'grab', 'start', 'complete', 'confirm', 'list', 'get'] as const;
export type LoopAction = (typeof ACTIONS)[number];
/** The actions that write: one store commit each; together they take an order to 已办结. */
export const WRITES: readonly LoopAction[] = ['create', 'dispatch', 'grab', 'start', 'complete', 'confirm'];

/**
 * What people write differs in length from one order to the next, and so does the loop's: each
 * person has their own description, notes and comment. With the same texts in every loop, the
 * events of a loop had the same length every time, and the events table's leaf splits (a commit
 * that writes four to six of its pages instead of one, every two or three loops) fell on the same
 * one or two actions of the loop for the whole run: which action's p95 paid for them depended on
 * how many bytes the events of a version happen to have, not on what the action costs
 * (docs/performance.md, session 19). Moduli prime to each other, so the lengths vary over all 50.
 */
const DESCRIPTIONS = ['卫生间水龙头漏水，请师傅上门查看', '灯不亮了', '厨房下水道堵了，水下不去，家里有老人，麻烦尽快来一趟'];
const NOTES = [
  '已更换阀芯，试水无渗漏',
  '已修好',
  '疏通了厨房下水管，清理了地漏，试水正常，已请住户留意三天内有无渗水',
  '门锁已调校，开关顺畅',
  '更换灯管两支，检查了线路',
  '已处理',
  '上门查看后更换了密封圈',
];
const COMMENTS = ['', '师傅很耐心', '来得很快，修得也好，谢谢师傅', '好', ''];

let rid = 0;
const runTag = Math.random().toString(36).slice(2, 8);
export const requestId = () => `b${runTag}${(++rid).toString(36)}`;

/** The event and caller of one action of person `i`'s loop on order `orderId` at `version`. */
export function step(action: LoopAction, i: number, orderId: string, version: number): { fn: string; user: string; event: Record<string, unknown> } {
  const act = (user: string, role: string, input: Record<string, unknown> = {}) => ({
    fn: 'orders',
    user,
    event: { action, role, orderId, version, requestId: requestId(), input },
  });
  switch (action) {
    case 'create': {
      const t = Date.now();
      return {
        fn: 'orders',
        user: residentId(i),
        event: {
          action: 'create',
          requestId: requestId(),
          order: {
            serviceItemId: 's-repair',
            householdId: householdId(i),
            description: DESCRIPTIONS[i % DESCRIPTIONS.length],
            timeWindow: { from: t, to: t + 3_600_000 },
          },
        },
      };
    }
    case 'dispatch':
      return act(DISPATCHER, 'dispatcher', { teamId: BENCH_TEAM, workerId: null });
    case 'grab':
    case 'start':
      return act(workerId(i), 'worker');
    case 'complete':
      return act(workerId(i), 'worker', { notes: NOTES[i % NOTES.length] });
    case 'confirm':
      return act(residentId(i), 'resident', { attitude: 5, timeliness: 5, quality: 4, comment: COMMENTS[i % COMMENTS.length] });
    case 'list':
      // The dispatcher's inbox as the app opens it: the company's waiting orders, counts per state.
      return { fn: 'orders', user: DISPATCHER, event: { action: 'list', role: 'dispatcher', filter: { states: ['pending_dispatch'] }, limit: 20 } };
    case 'get':
      return { fn: 'orders', user: residentId(i), event: { action: 'get', role: 'resident', orderId } };
  }
}

/**
 * One whole loop for person `i`: create → dispatch (to the pool) → grab → start → complete → confirm
 * (已办结); `record` hears each action's latency in ms. Throws on any refused action.
 */
export async function runLoop(call: Call, i: number, record?: (a: LoopAction, ms: number) => void): Promise<void> {
  let orderId = '';
  let version = 0;
  for (const action of WRITES) {
    const s = step(action, i, orderId, version);
    const t = performance.now();
    const reply = await call(s.fn, s.event, s.user);
    record?.(action, performance.now() - t);
    if (!reply.ok) throw new Error(`${action} by ${s.user}: ${reply.error.code} ${reply.error.message}`);
    const order = (reply.data as { order: { id: string; version: number } }).order;
    orderId = order.id;
    version = order.version;
  }
}

/**
 * `n` lists (the dispatcher's inbox) and then `n` gets of `order` by its resident; `record` hears each
 * call's latency in ms. Throws on any refused read.
 */
export async function runReads(
  call: Call,
  order: { readonly id: string; readonly createdBy: string; readonly version: number },
  n: number,
  record?: (a: LoopAction, ms: number) => void,
): Promise<void> {
  for (const action of ['list', 'get'] as const) {
    for (let k = 0; k < n; k++) {
      const s = step(action, personOf(order.createdBy), order.id, order.version);
      const t = performance.now();
      const reply = await call(s.fn, s.event, s.user);
      record?.(action, performance.now() - t);
      if (!reply.ok) throw new Error(`${action}: ${reply.error.code}`);
    }
  }
}

/**
 * Places `count` orders by people 0…count−1 and leaves them waiting to be dispatched: the dispatcher's
 * inbox the reads of list are measured over (a full page, as in the HTTP run), not the empty inbox
 * whole loops leave behind. Throws on any refused create.
 */
export async function fillInbox(call: Call, count = 25): Promise<void> {
  for (let k = 0; k < count; k++) {
    const s = step('create', k % PEOPLE, '', 0);
    const reply = await call(s.fn, s.event, s.user);
    if (!reply.ok) throw new Error(`create: ${reply.error.code}`);
  }
}
