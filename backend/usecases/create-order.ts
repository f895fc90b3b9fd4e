import {
  autoDispatch,
  autoTeamFor,
  createOrder,
  rotationPick,
  routeFor,
  DEFAULT_TRAVEL_MINUTES,
  formatOrderNumber,
  numberedOrder,
  orderNumberDay,
  responsibleFor,
  type Actor,
  type AppError,
  type Capacity,
  type CreateOrderInput,
  type Effect,
  type IndexSettings,
  type Order,
  type OrderEvent,
  type OrderView,
  type Result,
} from '@core';
import type { Deps } from '../runtime/deps';
import { NO_PHOTOS } from '../runtime/photos';
import { admit, rateLimited } from '../runtime/rate-limit';
import { commitOnce, type Mutation } from './commit-once';
import { answered, newOrderFor, type NewOrder } from './new-order';

/** Used only if a community somehow has no settings: the norms' ordinary request (respond in 2 h, done in 3 days). */
const FALLBACK_DEADLINES = { dispatch: 120, accept: 60, start: 24 * 60, complete: 3 * 24 * 60, confirm: 3 * 24 * 60 };

/** What every write of one 点单 shares. */
interface Placing {
  readonly deps: Deps;
  readonly m: Mutation;
  readonly actor: Actor;
  readonly now: number;
  /** When `admit` counted the attempt. */
  readonly admittedAt: number;
  readonly settings: IndexSettings | null;
  readonly fresh: NewOrder;
}

/**
 * Writes a new order with its first events, once per request. A function of its own, not a closure
 * made per call: V8 compiled each new closure of this size afresh, a few milliseconds at a time.
 */
async function writePlaced(
  p: Placing,
  order: Order,
  events: OrderEvent[],
  effects: readonly Effect[],
  capacity?: Capacity,
): Promise<Result<{ order: OrderView }, AppError>> {
  const [event, ...more] = events as [OrderEvent, ...OrderEvent[]];
  const written = await commitOnce(
    p.deps,
    p.m,
    { order, expectedVersion: null, event, more, effects, settings: p.settings, ...(capacity && { capacity }) },
    p.actor,
    p.now,
    'createOrder',
  );
  // A fresh id cannot collide unless the id source is broken (say so rather than pretend); one
  // taken from the request collides only with its reuse after the first reply expired.
  return written === 'version-conflict' ? p.fresh.taken : answered(p.deps, p.actor.user.id, p.admittedAt, order.id, written);
}

/** 点单: validates against the catalogue and the caller's households, then stores the order and its first event. */
export async function placeOrder(deps: Deps, actor: Actor, requestId: string, input: CreateOrderInput): Promise<Result<{ order: OrderView }, AppError>> {
  const m = { userId: actor.user.id, requestId, request: { fn: 'orders.create', input } };
  const fresh = await newOrderFor(deps, m, actor, 'o', input.photos.length > 0);
  if (fresh.earlier) return fresh.earlier;
  const admittedAt = deps.now();
  if (!admit(deps.limits, 'createOrder', actor.user.id, admittedAt)) return fresh.replayOr(rateLimited('createOrder'));

  const { store } = deps;
  const household = await store.getRef('households', input.householdId);
  const [community, item, compound, building, uploaded, carers] = await Promise.all([
    store.getRef('communities', actor.user.communityId),
    store.getRef('serviceItems', input.serviceItemId),
    household ? store.getRef('compounds', household.compoundId) : null,
    household ? store.getRef('buildings', household.buildingId) : null,
    input.photos.length ? (deps.photos ?? NO_PHOTOS).uploadedBy(actor.user.id, input.photos) : new Set<string>(),
    household ? store.usersCaringFor(actor.user.communityId, household.id) : [],
  ]);
  const now = deps.now();
  const decided = createOrder(input, {
    now,
    actor,
    id: fresh.id(),
    item: item ?? undefined,
    household: household ?? undefined,
    compound: compound ?? undefined,
    building: building ?? undefined,
    defaultDeadlines: community?.settings.defaultDeadlines ?? FALLBACK_DEADLINES,
    travelMinutes: community?.settings.travelMinutes ?? DEFAULT_TRAVEL_MINUTES,
    photoUploaded: (fileId) => uploaded.has(fileId),
    partyMember: household ? responsibleFor(household.id, carers) : undefined,
  });
  if (!decided.ok) return fresh.replayOr(decided);
  const { event: created, effects: told } = decided.value;
  // Numbered only once the order is valid, so refused attempts use up no numbers; a gap is possible
  // only when the write below fails, which is harmless (numbers must be unique, not dense).
  const day = orderNumberDay(now);
  const seq = await store.nextOrderNumber(decided.value.order.communityId, day);
  const placed = numberedOrder(decided.value.order, formatOrderNumber(day, seq));
  // Claimed before the write, so a crash in between cannot leave them to be removed as unused.
  if (placed.photos.length) await deps.photos?.attach(placed.photos, placed.id);
  const placing: Placing = { deps, m, actor, now, admittedAt, settings: community?.settings ?? null, fresh };

  const team = autoTeamFor(await store.listRefs('teams', placed.communityId), placed);
  if (!team) return writePlaced(placing, placed, [created], told);
  const members = (await Promise.all(team.memberIds.map((id) => store.getRef('users', id)))).filter((u) => u !== null);
  // The day's order count is the turn: the day's first order starts at the first member.
  const open = team.dispatchMode === 'rotation' ? await store.openOrdersOf(team.memberIds) : {};
  const pick = team.dispatchMode === 'rotation' ? rotationPick(team, members, (id) => open[id] ?? 0, seq - 1, placed.category) : null;
  const route = routeFor(team, pick);
  // 轮询 found nobody on duty with room and the skill: the dispatcher decides, as for a 指派 team.
  if (!route) return writePlaced(placing, placed, [created], told);
  const routed = autoDispatch(placed, route, pick?.maxOpenOrders ?? 0, now);
  const first = await writePlaced(placing, routed.order, [created, routed.event], [...told, ...routed.effects], routed.capacity);
  // Another order reached the picked worker in between: this one is left to the dispatcher instead.
  if (first.ok || !routed.capacity || (first.error.code !== 'WORKER.OVER_CAPACITY' && first.error.code !== 'GRAB.OVER_CAPACITY')) return first;
  return writePlaced(placing, placed, [created], told);
}
