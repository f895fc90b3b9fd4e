/**
 * Synthetic but valid orders for the statistics bench, built as tests/supervision/statistics.test.ts
 * builds them: a template placed through the real create function, then varied — state, team,
 * worker, compound, service, timings, ratings, overdue marks, complaints, 督办 — with a timeline
 * of one event per version. Deterministic (seeded), so every run measures the same data.
 */
import { clockFor, HOUR, MINUTE, monthRange, orderIndex, type Order, type OrderEvent, type OrderState, type Stage } from '@core';
import { DEMO_DATA } from '../../backend/server/demo-data';
import type { Store } from '../../backend/storage/port';
import { benchDeps, householdId, inProcess, PEOPLE, residentId, step, workerId } from './world';

/** Mulberry32: small, fast, seeded. */
export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative shares of the states, roughly a month's end: most closed, some still open. */
// Service orders only: 'referred' is a grievance's state.
type ServiceState = Exclude<OrderState, 'referred'>;
const STATE_MIX: [ServiceState, number][] = [
  ['closed', 0.7],
  ['pending_confirm', 0.75],
  ['in_service', 0.78],
  ['accepted', 0.81],
  ['pending_accept', 0.85],
  ['pending_dispatch', 0.9],
  ['cancelled', 0.95],
  ['refused', 1],
];
const ACTIONS_TO: Record<ServiceState, string[]> = {
  pending_dispatch: ['create'],
  pending_accept: ['create', 'dispatch'],
  accepted: ['create', 'dispatch', 'accept'],
  in_service: ['create', 'dispatch', 'accept', 'start'],
  pending_confirm: ['create', 'dispatch', 'accept', 'start', 'complete'],
  closed: ['create', 'dispatch', 'accept', 'start', 'complete', 'confirm'],
  cancelled: ['create', 'cancel'],
  refused: ['create', 'refuse'],
};
const compoundName = (id: string) => DEMO_DATA.compounds.find((c) => c.id === id)!.name;
const CARE = new Set(['daycare', 'homecare', 'meal', 'companion']);

/** Places one real order (through the create function) to copy from. */
export async function templateOrder(store: Store, at: number): Promise<Order> {
  const call = inProcess(benchDeps(store, () => at));
  const s = step('create', 0, '', 0);
  (s.event.order as { timeWindow: object }).timeWindow = { from: at, to: at + HOUR };
  const reply = await call(s.fn, s.event, s.user);
  if (!reply.ok) throw new Error(`template: ${reply.error.code}`);
  return (await store.getOrder(reply.data.order.id))!;
}

/** A generator of `month`'s orders (China time) from the template; `i` makes each one. */
export function syntheticOrders(template: Order, month: string, seed = 6) {
  const range = monthRange(month)!;
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const items = DEMO_DATA.serviceItems;
  const fallback = DEMO_DATA.communities[0]!.settings.defaultDeadlines;
  const teams = DEMO_DATA.teams;
  const households = new Map(DEMO_DATA.households.map((h) => [h.compoundId, h]));

  return (i: number): { order: Order; events: OrderEvent[] } => {
    const p = Math.floor(rnd() * PEOPLE);
    const item = pick(items);
    const sla = item.deadlines ?? fallback;
    const createdAt = range.from + Math.floor(rnd() * (range.to - range.from - 4 * HOUR));
    const r = rnd();
    const state = STATE_MIX.find(([, c]) => r < c)![0];
    const actions = ACTIONS_TO[state];
    const assigned = actions.includes('dispatch');
    const team = CARE.has(item.category) ? teams[1]! : rnd() < 0.5 ? teams[0]! : { id: 't-bench', memberIds: [workerId(p)] };
    const pool = state === 'pending_accept' && rnd() < 0.5;
    const worker = pick(team.memberIds);
    const late = rnd() < 0.15;
    const firstAcceptedAt = actions.includes('accept') ? createdAt + Math.floor((sla.dispatch + sla.accept) * MINUTE * (late ? 1.3 : 0.2 + rnd() * 0.7)) : null;
    const completedAt = actions.includes('complete') ? (firstAcceptedAt ?? createdAt) + Math.floor(rnd() * (sla.start + sla.complete) * MINUTE) : null;
    const closedAt = state === 'closed' ? completedAt! + Math.floor(rnd() * 24 * HOUR) : state === 'refused' ? createdAt + 30 * MINUTE : null;
    const updatedAt = closedAt ?? completedAt ?? firstAcceptedAt ?? createdAt;
    const open = !['closed', 'cancelled', 'refused'].includes(state);
    const clock = open ? clockFor(state, sla, updatedAt) : null;
    const level = open && rnd() < 0.12 ? (rnd() < 0.25 ? 2 : 1) : 0;
    const stars = () => (rnd() < 0.8 ? 4 + Math.floor(rnd() * 2) : 1 + Math.floor(rnd() * 3));
    const household = i % 5 === 0 ? households.get(pick(['cp-yangguang', 'cp-heping']))! : null;
    const version = actions.length;
    const order: Order = {
      ...template,
      id: `syn-${month}-${i.toString(36).padStart(6, '0')}`,
      version,
      createdBy: household ? 'demo-resident' : residentId(p),
      householdId: household?.id ?? householdId(p),
      compoundId: household?.compoundId ?? (p % 2 ? 'cp-heping' : 'cp-yangguang'),
      address: household
        ? { compoundName: compoundName(household.compoundId), buildingName: '1号楼', door: household.door }
        : { compoundName: compoundName(p % 2 ? 'cp-heping' : 'cp-yangguang'), buildingName: p % 2 ? '5号楼' : '1号楼', door: `${1 + (p % 4)}单元${100 + p}` },
      serviceItemId: item.id,
      serviceName: item.name,
      category: item.category,
      sla,
      state,
      assignment: !assigned || state === 'refused' ? null : pool ? { mode: 'pool', teamId: team.id } : { mode: 'member', teamId: team.id, workerId: worker },
      createdAt,
      updatedAt,
      acceptedAt: firstAcceptedAt,
      firstAcceptedAt,
      clock: clock ? { ...clock, level } : null,
      overdueStages: late ? ['accept' as Stage] : level ? [clock!.stage] : [],
      completion: completedAt ? { notes: '已处理', photos: [], at: completedAt } : null,
      rating: state === 'closed' && rnd() < 0.8 ? { attitude: stars(), timeliness: stars(), quality: stars(), comment: '' } : null,
      closedAt,
      reworkCount: state === 'closed' && rnd() < 0.03 ? 1 : 0,
      complaints: rnd() < 0.02 ? [{ seq: version, text: '师傅迟到', at: updatedAt, answer: null }] : [],
      instructions:
        rnd() < 0.02
          ? [
              {
                seq: version,
                text: '请尽快处理',
                to: 'dispatcher',
                dueAt: updatedAt + 4 * HOUR,
                at: updatedAt,
                by: 'demo-supervisor',
                answer: null,
                overdue: false,
              },
            ]
          : [],
      returnVisits: state === 'closed' && rnd() < 0.05 ? [{ reached: true, satisfied: rnd() < 0.8, notes: '', at: closedAt!, by: 'demo-supervisor' }] : [],
    };
    const events: OrderEvent[] = actions.map((action, k) => ({
      orderId: order.id,
      seq: k + 1,
      action,
      actorId: 'synthetic',
      actorRole: 'system',
      at: createdAt + k * MINUTE,
      from: null,
      to: state,
      payload: {},
    }));
    return { order, events };
  };
}

/** Commits `count` synthetic orders through store.commit, one order (with its timeline) per commit. */
export async function fillStore(store: Store, count: number, month: string): Promise<{ seconds: number }> {
  const start = Date.parse(`${month}-01T00:00:00+08:00`);
  const template = await templateOrder(store, start + HOUR);
  const next = syntheticOrders(template, month);
  const settings = (await store.getRef('communities', template.communityId))?.settings ?? null;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const { order, events } = next(i);
    const r = await store.commit({ order, index: orderIndex(order, settings), expectedVersion: null, events, notifications: [], reply: null });
    if (!r.ok) throw new Error(`synthetic order ${order.id}: ${r.conflict}`);
  }
  return { seconds: (performance.now() - t0) / 1000 };
}
