import {
  formatOrderNumber,
  numberedOrder,
  orderNumberDay,
  raiseGrievance,
  type Actor,
  type AppError,
  type CreateGrievanceInput,
  type OrderView,
  type Result,
} from '@core';
import type { Deps } from '../../runtime/deps';
import { NO_PHOTOS } from '../../runtime/photos';
import { admit, rateLimited } from '../../runtime/rate-limit';
import { commitOnce } from '../commit-once';
import { answered, newOrderFor } from '../new-order';

/** 民有所呼: a resident raises a 诉求 for one of their households; stored like an order, numbered like one. */
export async function raise(deps: Deps, actor: Actor, requestId: string, input: CreateGrievanceInput): Promise<Result<{ order: OrderView }, AppError>> {
  const m = { userId: actor.user.id, requestId, request: { fn: 'grievances.create', input } };
  const fresh = await newOrderFor(deps, m, actor, 'g', input.photos.length > 0);
  if (fresh.earlier) return fresh.earlier;
  // The same ceiling as 点单: a 诉求 is an order a resident places.
  const admittedAt = deps.now();
  if (!admit(deps.limits, 'createOrder', actor.user.id, admittedAt)) return fresh.replayOr(rateLimited('createOrder'));

  const { store } = deps;
  const household = await store.getRef('households', input.householdId);
  const [community, compound, building, uploaded] = await Promise.all([
    store.getRef('communities', actor.user.communityId),
    household ? store.getRef('compounds', household.compoundId) : null,
    household ? store.getRef('buildings', household.buildingId) : null,
    input.photos.length ? (deps.photos ?? NO_PHOTOS).uploadedBy(actor.user.id, input.photos) : new Set<string>(),
  ]);
  const now = deps.now();
  const decided = raiseGrievance(input, {
    now,
    actor,
    id: fresh.id(),
    household: household ?? undefined,
    compound: compound ?? undefined,
    building: building ?? undefined,
    photoUploaded: (fileId) => uploaded.has(fileId),
  });
  if (!decided.ok) return fresh.replayOr(decided);
  const { event, effects } = decided.value;
  const day = orderNumberDay(now);
  const order = numberedOrder(decided.value.order, formatOrderNumber(day, await store.nextOrderNumber(decided.value.order.communityId, day)));
  if (order.photos.length) await deps.photos?.attach(order.photos, order.id);
  const written = await commitOnce(deps, m, { order, expectedVersion: null, event, effects, settings: community?.settings ?? null }, actor, now, 'createOrder');
  return written === 'version-conflict' ? fresh.taken : answered(deps, actor.user.id, admittedAt, order.id, written);
}
