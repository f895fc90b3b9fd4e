import type { Actor } from './actor';
import type { Building, Compound, Household, Millis, ServiceItem, StageDeadlines, User } from './community';
import { fail, invalid, type AppError } from './errors';
import { NOTHING_YET, type Order, type OrderEvent, type TimeWindow } from './order';
import type { CreateOrderInput } from './order-inputs';
import { notify, type Effect } from './notifications';
import { ok, type Result } from './result';
import { HOUR } from './time';
import { clockFor } from './deadlines';
import { checkPhotos } from './photos';
import { PROXY_LABELS, relationTo } from './party-grid';

/** What creating an order needs besides the input, loaded by the caller. */
export interface CreateContext {
  readonly now: Millis;
  readonly actor: Actor;
  readonly id: string;
  readonly item: ServiceItem | undefined;
  readonly household: Household | undefined;
  readonly compound: Compound | undefined;
  readonly building: Building | undefined;
  /** Deadlines for a service that sets none of its own. */
  readonly defaultDeadlines: StageDeadlines;
  /** The community's travel allowance before a booked start, in minutes. */
  readonly travelMinutes: number;
  /** Whether a file id names a photo the actor uploaded. */
  readonly photoUploaded: (fileId: string) => boolean;
  /** The party member paired with the household (结对), if any. */
  readonly partyMember: User | undefined;
}

/** How far ahead a resident may book, and how wide a window may be. */
export const MAX_BOOKING_AHEAD = 60 * 24 * HOUR;
export const MAX_WINDOW = 7 * 24 * HOUR;
/** A window that started a little while ago is fine ("now"); one that ended is not. */
const GRACE = HOUR;

/** Checks a booked window against the clock: what 点单 and 改约 both accept. */
export function checkWindow({ from, to }: TimeWindow, now: Millis): Result<TimeWindow, AppError> {
  if (to <= from) return invalid({ 'timeWindow.to': '结束时间应晚于开始时间' });
  if (to - from > MAX_WINDOW) return invalid({ timeWindow: '时间段不能超过7天' });
  if (to < now - GRACE) return invalid({ timeWindow: '所选时间已经过去' });
  if (from > now + MAX_BOOKING_AHEAD) return invalid({ timeWindow: '最多预约60天内的服务' });
  return ok({ from, to });
}

/** The deadlines an order of this service is given when placed: the service's own, else the community's defaults. */
export const serviceDeadlines = (item: ServiceItem, defaults: StageDeadlines): StageDeadlines => item.deadlines ?? defaults;

/**
 * 点单: a resident orders a service, or someone orders it for the household (代下单, seed 003): its
 * paired party member, the group leader of its building, or a bound relative. The resident need not
 * have an account; the order records who ordered and for whom, and tells the paired party member.
 */
export function createOrder(input: CreateOrderInput, ctx: CreateContext): Result<{ order: Order; event: OrderEvent; effects: Effect[] }, AppError> {
  const { actor, now, item, household, compound, building, partyMember } = ctx;
  if (actor.role !== 'resident') return fail('AUTH.FORBIDDEN');
  if (!household || household.communityId !== actor.user.communityId) return fail('HOUSEHOLD.NOT_YOURS');
  const relation = relationTo(actor.user, household);
  if (relation === null) return fail('HOUSEHOLD.NOT_YOURS');
  if (!compound || !building) return fail('HOUSEHOLD.NOT_YOURS');
  if (!item?.active || item.communityId !== actor.user.communityId) return fail('SERVICE.NOT_FOUND');
  const window = checkWindow(input.timeWindow, now);
  if (!window.ok) return window;
  const { from, to } = window.value;
  const photos = checkPhotos(input.photos, ctx.photoUploaded);
  if (!photos.ok) return photos;

  const sla = serviceDeadlines(item, ctx.defaultDeadlines);
  const order: Order = {
    id: ctx.id,
    version: 1,
    communityId: household.communityId,
    compoundId: compound.id,
    companyId: compound.companyId,
    householdId: household.id,
    buildingId: building.id,
    proxy: relation === 'own' ? null : { userId: actor.user.id, name: actor.user.name, relation },
    partyMember: partyMember ? { userId: partyMember.id, name: partyMember.name } : null,
    volunteer: item.volunteer === true,
    createdBy: actor.user.id,
    serviceItemId: item.id,
    serviceName: item.name,
    category: item.category,
    redPriceFen: item.redPriceFen,
    marketPriceFen: item.marketPriceFen,
    unit: item.unit,
    description: input.description,
    timeWindow: { from, to },
    photos: input.photos,
    contactName: input.contactName ?? household.contactName,
    contactPhone: input.contactPhone ?? household.contactPhone,
    address: { compoundName: compound.name, buildingName: building.name, door: household.door },
    state: 'pending_dispatch',
    createdAt: now,
    updatedAt: now,
    sla,
    travelMinutes: ctx.travelMinutes,
    clock: clockFor('pending_dispatch', sla, now, { window: { from, to }, placedAt: now, travelMinutes: ctx.travelMinutes }),
    ...NOTHING_YET,
  };
  const event: OrderEvent = {
    orderId: order.id,
    seq: 1,
    action: 'create',
    actorId: actor.user.id,
    actorRole: 'resident',
    at: now,
    from: null,
    to: 'pending_dispatch',
    payload: { serviceName: item.name, onBehalf: relation !== 'own', ...(relation === 'own' ? {} : { proxy: PROXY_LABELS[relation] }) },
  };
  // The paired party member is told of every order from the households they look after (结对认亲).
  const told =
    partyMember && partyMember.id !== actor.user.id
      ? [notify({ kind: 'user', userId: partyMember.id }, order.id, `您结对的${household.door}下了新工单：${item.name}`)]
      : [];
  return ok({
    order,
    event,
    effects: [notify({ kind: 'company', companyId: compound.companyId, communityId: order.communityId }, order.id, `新的居民点单：${item.name}`), ...told],
  });
}
