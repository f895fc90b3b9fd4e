import {
  DEFAULT_TRAVEL_MINUTES,
  fail,
  invalid,
  isRetired,
  paymentOf,
  ok,
  type Actor,
  type PaymentMode,
  type AdminView,
  type AppError,
  type CommunitySettings,
  type Result,
  type ServiceItem,
  type StageDeadlines,
} from '@core';
import type { Deps } from '../runtime/deps';
import { refuseWrite } from '../runtime/rate-limit';
import { reindexOrders } from './reindex-orders';

const mustBeAdmin = (actor: Actor) => (actor.role === 'admin' ? null : fail('AUTH.FORBIDDEN'));
/** A change of the admin's: an admin, within the ceilings on writes. */
const mayChange = (deps: Deps, actor: Actor) => mustBeAdmin(actor) ?? refuseWrite(deps.limits, actor.user.id, deps.now());

/** The community's settings and its catalogue, paused services included, retired ones not. */
export async function adminView(deps: Deps, actor: Actor): Promise<Result<AdminView, AppError>> {
  const denied = mustBeAdmin(actor);
  if (denied) return denied;
  const [community, services] = await Promise.all([
    deps.store.getRef('communities', actor.user.communityId),
    deps.store.listRefs('serviceItems', actor.user.communityId),
  ]);
  if (!community) return fail('INTERNAL');
  // Retired services are gone for good (社区管理 lists them); here only those that can be switched on or off.
  return ok({ settings: community.settings, services: services.filter((item) => !isRetired(item)) });
}

/**
 * Changes community defaults; orders already placed keep the deadlines they were given. A new
 * escalation interval applies to open orders at once: their next sweep moment is re-indexed.
 */
export async function updateSettings(deps: Deps, actor: Actor, patch: Partial<CommunitySettings>): Promise<Result<AdminView, AppError>> {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const community = await deps.store.getRef('communities', actor.user.communityId);
  if (!community) return fail('INTERNAL');
  const weights = patch.weights ?? community.settings.weights;
  if (weights.response + weights.resolution + weights.satisfaction <= 0) return invalid({ weights: '权重之和应大于0' });
  const settings: CommunitySettings = {
    defaultDeadlines: patch.defaultDeadlines ?? community.settings.defaultDeadlines,
    weights,
    escalationMinutes: patch.escalationMinutes ?? community.settings.escalationMinutes,
    travelMinutes: patch.travelMinutes ?? community.settings.travelMinutes ?? DEFAULT_TRAVEL_MINUTES,
  };
  await deps.store.putRefs('communities', [{ ...community, settings }]);
  if (settings.escalationMinutes !== community.settings.escalationMinutes) await reindexOrders(deps, { ...community, settings }, 'open');
  return adminView(deps, actor);
}

/** Changes one service: its own deadlines (null: the community's), prices, whether it can be ordered. */
export async function updateService(
  deps: Deps,
  actor: Actor,
  change: {
    serviceItemId: string;
    deadlines?: StageDeadlines | null;
    redPriceFen?: number;
    marketPriceFen?: number;
    active?: boolean;
    payment?: PaymentMode;
  },
): Promise<Result<AdminView, AppError>> {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const item = await deps.store.getRef('serviceItems', change.serviceItemId);
  if (!item || item.communityId !== actor.user.communityId) return fail('SERVICE.NOT_FOUND');
  // 永久下架 is for good: a retired service is not switched back on here (manage.retireService).
  if (isRetired(item)) return fail('SERVICE.RETIRED');
  const next: ServiceItem = {
    ...item,
    deadlines: change.deadlines === undefined ? item.deadlines : change.deadlines,
    redPriceFen: change.redPriceFen ?? item.redPriceFen,
    marketPriceFen: change.marketPriceFen ?? item.marketPriceFen,
    active: change.active ?? item.active,
    payment: change.payment ?? paymentOf(item),
  };
  if (next.redPriceFen > next.marketPriceFen) return invalid({ redPriceFen: '红色价格应不高于市场价' });
  await deps.store.putRefs('serviceItems', [next]);
  return adminView(deps, actor);
}
