import {
  ORDER_STATES,
  SERVICE_CATEGORIES,
  STAGE_OF,
  orderIndex,
  type Assignment,
  type Order,
  type OrderEvent,
  type OrderState,
  type Recipient,
  type ServiceCategory,
} from '@core';
import { expect } from 'vitest';
import type { Commit, Store, StoredNotification, StoredReply } from '@backend/storage/port';
import { seededRandom, type SeededRandom } from '@backend/runtime/seeded-random';
import { orderFixture } from '../fixtures/order';
import { grievancePart } from '../fixtures/grievance';

/** A fixed epoch so every run builds the same data. */
export const T0 = Date.UTC(2025, 0, 6, 8, 0, 0);
const MIN = 60_000;

/** A complete, valid order; tests override what they care about. */
export function makeOrder(over: Partial<Order> & { readonly id: string }): Order {
  const createdAt = over.createdAt ?? T0;
  return orderFixture(createdAt, {
    companyId: 'co1',
    createdBy: 'u1',
    serviceItemId: 'si-repair',
    serviceName: '水电维修',
    redPriceFen: 3000,
    marketPriceFen: 8000,
    description: '厨房水龙头漏水',
    timeWindow: { from: createdAt + 60 * MIN, to: createdAt + 180 * MIN },
    contactName: '张阿姨',
    contactPhone: '13800000001',
    address: { compoundName: '幸福小区', buildingName: '3栋', door: '2单元301' },
    sla: { dispatch: 30, accept: 30, start: 120, complete: 1440, confirm: 4320 },
    ...over,
  });
}

export function makeEvent(order: Pick<Order, 'id' | 'state'>, seq: number, over: Partial<OrderEvent> = {}): OrderEvent {
  return {
    orderId: order.id,
    seq,
    action: seq === 1 ? 'create' : 'note',
    actorId: 'u1',
    actorRole: 'resident',
    at: T0 + seq * MIN,
    from: seq === 1 ? null : order.state,
    to: order.state,
    payload: { seq, note: `第${seq}步` },
    ...over,
  };
}

export function makeNotification(id: string, to: Recipient, at: number, orderId = 'o1'): StoredNotification {
  return { id, to, orderId, text: `通知 ${id}`, at };
}

export function makeReply(key: string, at = T0): StoredReply {
  return { key, fingerprint: `fp-${key}`, reply: { orderId: 'o1', nested: { list: [1, 'two', null], ok: true } }, at };
}

/** Each fixture community's escalation interval in minutes (referenceData stores the same); other communities have none. */
export const ESCALATION_MINUTES: Readonly<Record<string, number>> = { c1: 120, c2: 60 };

/** The core's index of a fixture order, under its community's settings. */
export const indexOf = (o: Order) => {
  const minutes = ESCALATION_MINUTES[o.communityId];
  return orderIndex(o, minutes === undefined ? null : { escalationMinutes: minutes });
};

/** The commit that creates an order with its first event. */
export function createCommit(order: Order, extra: Partial<Commit> = {}): Commit {
  return { order, index: indexOf(order), expectedVersion: null, events: [makeEvent(order, order.version)], notifications: [], reply: null, ...extra };
}

/** A generated order as it was when placed: version 1, unassigned and unsettled (then moved to its state by nextCommit). */
export const placedFirst = (o: Order): Order => ({
  ...o,
  state: 'pending_dispatch',
  assignment: null,
  version: 1,
  rating: null,
  returnVisits: [],
  closedAt: null,
  firstAcceptedAt: null,
  reworkCount: 0,
  reopenCount: 0,
  overdueStages: [],
});

/**
 * Places each order as it was when placed (placedFirst), then moves it to its generated state: two
 * commits that change counted facts. Answers the orders as moved.
 */
export async function placeAndMove(store: Store, orders: readonly Order[]): Promise<Order[]> {
  const moved: Order[] = [];
  for (const o of orders) {
    const placed = placedFirst(o);
    expect(await store.commit(createCommit(placed))).toEqual({ ok: true });
    const next = nextCommit(placed, { ...o, version: placed.version });
    expect(await store.commit(next)).toEqual({ ok: true });
    moved.push(next.order);
  }
  return moved;
}

/** The commit that moves an order one version on (CAS from `order.version`). */
export function nextCommit(order: Order, patch: Partial<Order>, extra: Partial<Commit> = {}): Commit {
  const next = { ...order, ...patch, version: order.version + 1 };
  return {
    order: next,
    index: indexOf(next),
    expectedVersion: order.version,
    events: [makeEvent(next, next.version)],
    notifications: [],
    reply: null,
    ...extra,
  };
}

/** The world the generated orders live in: two communities, their compounds, companies, teams and people. */
export const WORLD = {
  communities: ['c1', 'c2'],
  compounds: { c1: ['cp1', 'cp2'], c2: ['cp3'] } as Record<string, string[]>,
  companyOf: { cp1: 'co1', cp2: 'co2', cp3: 'co3' } as Record<string, string>,
  households: { c1: ['h1', 'h2', 'h3', 'h4'], c2: ['h5', 'h6'] } as Record<string, string[]>,
  creators: { c1: ['u1', 'u2', 'u3'], c2: ['u5'] } as Record<string, string[]>,
  teams: { c1: ['t1', 't2', 't3'], c2: ['t5'] } as Record<string, string[]>,
  workers: { c1: ['w1', 'w2', 'w3'], c2: ['w5'] } as Record<string, string[]>,
};

function assignmentFor(state: OrderState, community: string, r: SeededRandom): Assignment | null {
  if (state === 'pending_dispatch') return null;
  const teamId = r.pick(WORLD.teams[community] ?? []);
  // Pool orders mostly wait in pending_accept, but some end there (cancelled, refused) and must
  // then drop out of the workers' view; a few other states keep a stale pool assignment too.
  const poolLikely = state === 'pending_accept' || state === 'cancelled' || state === 'refused';
  if ((poolLikely && r.next() < 0.6) || r.next() < 0.1) return { mode: 'pool', teamId };
  if (state === 'refused' && r.next() < 0.5) return null;
  return { mode: 'member', teamId, workerId: r.pick(WORLD.workers[community] ?? []) };
}

/**
 * What the sweep, the attention queues and the 三率 read: clocks at every overdue level, answered
 * and open complaints and 督办, on-time and late first acceptance, ratings and return visits.
 * Drawn from its own generator so the orders' other fields stay as they are.
 */
function lifecycleFields(o: Order, r: SeededRandom): Partial<Order> {
  const stage = STAGE_OF[o.state];
  const accepted =
    ['accepted', 'in_service', 'pending_confirm', 'closed'].includes(o.state) ||
    (o.state !== 'pending_dispatch' && o.state !== 'pending_accept' && r.next() < 0.3);
  const firstAcceptedAt = accepted ? o.createdAt + Math.floor(r.next() * 100) * MIN : null;
  const at = (h: number) => o.createdAt + h * 60 * MIN;
  const answer = () => (r.next() < 0.5 ? { text: '已处理', at: at(2), by: 'd1' } : null);
  const stars = () => 1 + Math.floor(r.next() * 5);
  return {
    firstAcceptedAt,
    acceptedAt: firstAcceptedAt,
    clock: stage
      ? { stage, enteredAt: o.updatedAt, dueAt: o.updatedAt + Math.floor(r.next() * 12 - 4) * 60 * MIN, level: r.pick([0, 0, 1, 2, 3] as const) }
      : null,
    overdueStages: r.next() < 0.3 ? ['accept'] : [],
    complaints: r.next() < 0.3 ? [{ seq: 2, text: '还没人来', at: at(1), answer: answer() }] : [],
    instructions:
      r.next() < 0.3
        ? [
            {
              seq: 3,
              text: '请尽快处理',
              to: 'dispatcher',
              dueAt: r.next() < 0.8 ? at(4) : null,
              at: at(1),
              by: 's1',
              answer: answer(),
              overdue: r.next() < 0.2,
            },
          ]
        : [],
    rating: o.state === 'closed' && r.next() < 0.7 ? { attitude: stars(), timeliness: stars(), quality: stars(), comment: '' } : null,
    returnVisits: o.state === 'closed' && r.next() < 0.3 ? [{ reached: r.next() < 0.8, satisfied: r.next() < 0.5, notes: '回访', at: at(30), by: 's1' }] : [],
    reworkCount: o.state === 'closed' && r.next() < 0.2 ? 1 : 0,
    closedAt: o.state === 'closed' ? o.updatedAt : null,
  };
}

/**
 * `n` varied orders across the world above: every state, both assignment modes, several creators
 * and households per community, and deliberate ties on `updatedAt` so paging must break ties by id.
 */
export function generateOrders(n = 60, seed = 42): Order[] {
  const life = seededRandom(seed + 1);
  return generateBaseOrders(n, seed).map((o, i) => ({ ...o, ...lifecycleFields(o, life), ...(i % 7 === 3 && grievanceFields(i)) }));
}

/** Every seventh order is a 诉求, every other one of those on meeting m1's agenda: what the `kind` and `meetingId` filters find. */
const grievanceFields = (i: number): Partial<Order> => ({
  kind: 'grievance',
  grievance: grievancePart({ level: 'normal', route: i % 14 === 3 ? { to: 'roundtable', meetingId: 'm1', at: T0, by: 'u9' } : null }),
});

/** A service order's states: `referred` is a 诉求's alone (its own specs store those). */
const SERVICE_STATES = ORDER_STATES.filter((s) => s !== 'referred');

function generateBaseOrders(n: number, seed: number): Order[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const communityId = i % 5 === 4 ? 'c2' : 'c1';
    const compoundId = r.pick(WORLD.compounds[communityId] ?? []);
    const state = SERVICE_STATES[i % SERVICE_STATES.length] as OrderState;
    const createdAt = T0 + Math.floor(r.next() * 30) * 60 * MIN;
    const updatedAt = createdAt + (i % 4 === 0 ? 0 : Math.floor(r.next() * 3) * 30 * MIN);
    const category: ServiceCategory = r.pick(SERVICE_CATEGORIES);
    return makeOrder({
      id: `o${String(i).padStart(3, '0')}`,
      communityId,
      compoundId,
      companyId: WORLD.companyOf[compoundId] ?? 'co1',
      householdId: r.pick(WORLD.households[communityId] ?? []),
      createdBy: r.pick(WORLD.creators[communityId] ?? []),
      category,
      state,
      assignment: assignmentFor(state, communityId, r),
      createdAt,
      updatedAt,
      closedAt: state === 'closed' ? updatedAt : null,
    });
  });
}

/** Reference documents of every kind, spread over two communities. */
export function referenceData(): { [K in keyof import('@backend/storage/port').ReferenceTypes]: import('@backend/storage/port').ReferenceTypes[K][] } {
  const deadlines = { dispatch: 30, accept: 30, start: 120, complete: 1440, confirm: 4320 };
  const settings = { defaultDeadlines: deadlines, weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 }, escalationMinutes: ESCALATION_MINUTES.c1! };
  const user = (id: string, communityId: string, over: Partial<import('@core').User> = {}) => ({
    id,
    openid: `openid-${id}`,
    communityId,
    name: `用户${id}`,
    phone: `1390000${id.padStart(4, '0')}`.slice(0, 11),
    roles: ['resident' as const],
    householdIds: [],
    companyId: null,
    onDuty: false,
    maxOpenOrders: 0,
    ...over,
  });
  return {
    communities: [
      { id: 'c1', name: '河东社区', secretaryUserId: 'u9', settings },
      { id: 'c2', name: '河西社区', secretaryUserId: null, settings: { ...settings, escalationMinutes: ESCALATION_MINUTES.c2! } },
    ],
    compounds: [
      { id: 'cp1', communityId: 'c1', name: '幸福小区', companyId: 'co1' },
      { id: 'cp2', communityId: 'c1', name: '和平小区', companyId: 'co2' },
      { id: 'cp3', communityId: 'c2', name: '光明小区', companyId: 'co3' },
    ],
    buildings: [
      { id: 'b1', compoundId: 'cp1', name: '3栋' },
      { id: 'b2', compoundId: 'cp3', name: '1栋' },
    ],
    households: [
      { id: 'h1', communityId: 'c1', compoundId: 'cp1', buildingId: 'b1', door: '2单元301', contactName: '张阿姨', contactPhone: '13800000001' },
      { id: 'h5', communityId: 'c2', compoundId: 'cp3', buildingId: 'b2', door: '1单元101', contactName: '李大爷', contactPhone: '13800000005' },
    ],
    companies: [
      { id: 'co1', name: '红色物业一公司' },
      { id: 'co2', name: '红色物业二公司' },
      { id: 'co3', name: '河西物业' },
    ],
    teams: [
      { id: 't1', communityId: 'c1', companyId: 'co1', name: '维修队', categories: ['repair'], memberIds: ['w1', 'w2'] },
      { id: 't2', communityId: 'c1', companyId: null, name: '志愿者服务队', categories: ['meal', 'companion'], memberIds: ['w3'] },
      { id: 't5', communityId: 'c2', companyId: 'co3', name: '河西保洁队', categories: ['cleaning'], memberIds: ['w5'] },
    ],
    users: [
      user('u1', 'c1', { householdIds: ['h1'] }),
      user('w1', 'c1', { roles: ['worker', 'resident'], onDuty: true, maxOpenOrders: 3 }),
      user('d1', 'c1', { roles: ['dispatcher'], companyId: 'co1' }),
      user('u5', 'c2', { householdIds: ['h5'] }),
    ],
    serviceItems: [
      {
        id: 'si-repair',
        communityId: 'c1',
        name: '水电维修',
        category: 'repair',
        description: '上门维修水电',
        redPriceFen: 3000,
        marketPriceFen: 8000,
        unit: '次',
        deadlines,
        active: true,
      },
      {
        id: 'si-meal',
        communityId: 'c2',
        name: '老年送餐',
        category: 'meal',
        description: '午餐送上门',
        redPriceFen: 1200,
        marketPriceFen: 2500,
        unit: '餐',
        deadlines: null,
        active: false,
      },
    ],
    assessments: [
      {
        id: 'c1:2025-01',
        communityId: 'c1',
        month: '2025-01',
        weights: settings.weights,
        rows: [
          {
            kind: 'team',
            id: 't1',
            name: '维修队',
            rates: { orders: 12, responseRate: 0.75, resolutionRate: 1, satisfactionRate: null, avgHandlingHours: 5.5, overdue: 1 },
            score: 91.3,
            rank: 1,
          },
        ],
        asOf: T0 + 40 * 24 * 3_600_000,
        publishedAt: null,
        publishedBy: null,
      },
    ],
    // Joining's kinds hold nothing here: they use only getRef/listRefs/putRefs, which every kind shares.
    applications: [],
    invitations: [],
    auditEntries: [],
    departments: [],
    meetings: [],
  };
}
