import {
  createOrder,
  DEFAULT_TRAVEL_MINUTES,
  fail,
  formatOrderNumber,
  orderNumberDay,
  responsibleFor,
  type Actor,
  type AppError,
  type CreateOrderInput,
  type OrderView,
  type Result,
} from '@core';
import type { Deps } from '../runtime/deps';
import { NO_PHOTOS } from '../runtime/photos';
import { admit, rateLimited } from '../runtime/rate-limit';
import { commitOnce, earlierReply } from './commit-once';

/** Used only if a community somehow has no settings: the norms' ordinary request (respond in 2 h, done in 3 days). */
const FALLBACK_DEADLINES = { dispatch: 120, accept: 60, start: 24 * 60, complete: 3 * 24 * 60, confirm: 3 * 24 * 60 };

/** 点单: validates against the catalogue and the caller's households, then stores the order and its first event. */
export async function placeOrder(deps: Deps, actor: Actor, requestId: string, input: CreateOrderInput): Promise<Result<{ order: OrderView }, AppError>> {
  const m = { userId: actor.user.id, requestId, request: { fn: 'orders.create', input } };
  const earlier = await earlierReply(deps, m, actor);
  if (earlier) return earlier;
  if (!admit(deps.limits, 'createOrder', actor.user.id, deps.now())) return rateLimited('createOrder');

  const { store } = deps;
  const household = await store.getRef('households', input.householdId);
  const [community, item, compound, building, uploaded, members] = await Promise.all([
    store.getRef('communities', actor.user.communityId),
    store.getRef('serviceItems', input.serviceItemId),
    household ? store.getRef('compounds', household.compoundId) : null,
    household ? store.getRef('buildings', household.buildingId) : null,
    input.photos.length ? (deps.photos ?? NO_PHOTOS).uploadedBy(actor.user.id, input.photos) : new Set<string>(),
    store.listRefs('users', actor.user.communityId),
  ]);
  const now = deps.now();
  const decided = createOrder(input, {
    now,
    actor,
    id: deps.newId('o'),
    item: item ?? undefined,
    household: household ?? undefined,
    compound: compound ?? undefined,
    building: building ?? undefined,
    defaultDeadlines: community?.settings.defaultDeadlines ?? FALLBACK_DEADLINES,
    travelMinutes: community?.settings.travelMinutes ?? DEFAULT_TRAVEL_MINUTES,
    photoUploaded: (fileId) => uploaded.has(fileId),
    partyMember: household ? responsibleFor(household.id, members) : undefined,
  });
  if (!decided.ok) return decided;
  const { event, effects } = decided.value;
  // Numbered only once the order is valid, so refused attempts use up no numbers; a gap is possible
  // only when the write below fails, which is harmless (numbers must be unique, not dense).
  const day = orderNumberDay(now);
  const order = { ...decided.value.order, number: formatOrderNumber(day, await store.nextOrderNumber(decided.value.order.communityId, day)) };
  // Claimed before the write, so a crash in between cannot leave them to be removed as unused.
  if (order.photos.length) await deps.photos?.attach(order.photos, order.id);
  const written = await commitOnce(deps, m, { order, expectedVersion: null, event, effects, settings: community?.settings ?? null }, actor, now, 'createOrder');
  // A fresh id cannot collide unless the id source is broken; say so rather than pretend.
  return written === 'version-conflict' ? fail('INTERNAL') : written;
}
