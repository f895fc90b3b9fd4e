import type { Actor } from './actor';
import type { Building, Compound, Household, Millis } from './community';
import { clockFor } from './deadlines';
import { fail, type AppError } from './errors';
import { grievanceTitle, UNCLASSIFIED_DEADLINES } from './grievance';
import { NOTHING_YET, type Order, type OrderEvent } from './order';
import type { CreateGrievanceInput } from './order-inputs';
import { notify, type Effect } from './notifications';
import { checkPhotos } from './photos';
import { PROXY_LABELS, relationTo } from './party-grid';
import { ok, type Result } from './result';

/** What raising a 诉求 needs besides the input, loaded by the caller. */
export interface GrievanceContext {
  readonly now: Millis;
  readonly actor: Actor;
  readonly id: string;
  readonly household: Household | undefined;
  readonly compound: Compound | undefined;
  readonly building: Building | undefined;
  readonly photoUploaded: (fileId: string) => boolean;
}

/**
 * 民有所呼: a resident (or a relative or party member for a household they care for) raises a 诉求.
 * It is an order of kind 'grievance', waiting to be classified and routed; its clocks run on the
 * unclassified deadlines until someone sets its level. No booking: it is wanted as soon as possible.
 */
export function raiseGrievance(input: CreateGrievanceInput, ctx: GrievanceContext): Result<{ order: Order; event: OrderEvent; effects: Effect[] }, AppError> {
  const { actor, now, household, compound, building } = ctx;
  if (actor.role !== 'resident') return fail('AUTH.FORBIDDEN');
  if (!household || household.communityId !== actor.user.communityId) return fail('HOUSEHOLD.NOT_YOURS');
  // As for 点单 (代下单): the household's own resident, a bound relative, its paired party member or
  // the building's group leader, each recorded as who raised it for whom.
  const relation = relationTo(actor.user, household);
  if (relation === null || !compound || !building) return fail('HOUSEHOLD.NOT_YOURS');
  const photos = checkPhotos(input.photos, ctx.photoUploaded);
  if (!photos.ok) return photos;

  const sla = UNCLASSIFIED_DEADLINES;
  const serviceName = grievanceTitle(input.category);
  const order: Order = {
    id: ctx.id,
    kind: 'grievance',
    grievance: {
      category: input.category,
      level: null,
      anonymous: input.anonymous,
      place: input.place.trim(),
      route: null,
      supporters: [],
      followers: [],
      replies: [],
      agenda: null,
    },
    version: 1,
    communityId: household.communityId,
    compoundId: compound.id,
    companyId: compound.companyId,
    householdId: household.id,
    buildingId: building.id,
    proxy: relation === 'own' ? null : { userId: actor.user.id, name: actor.user.name, relation },
    createdBy: actor.user.id,
    serviceItemId: 'grievance',
    serviceName,
    // The catalogue's categories do not fit a 诉求; the 三率 by service category count it under 其他,
    // and the 诉求 statistics group it by its own category and route (docs/metrics.md).
    category: 'other',
    redPriceFen: 0,
    marketPriceFen: 0,
    unit: '',
    description: input.description,
    timeWindow: { from: now, to: now },
    photos: input.photos,
    contactName: household.contactName,
    contactPhone: household.contactPhone,
    address: { compoundName: compound.name, buildingName: building.name, door: household.door },
    state: 'pending_dispatch',
    createdAt: now,
    updatedAt: now,
    sla,
    clock: clockFor('pending_dispatch', sla, now),
    ...NOTHING_YET,
  };
  const event: OrderEvent = {
    orderId: order.id,
    seq: 1,
    action: 'raise',
    actorId: actor.user.id,
    actorRole: 'resident',
    at: now,
    from: null,
    to: 'pending_dispatch',
    payload: {
      category: input.category,
      anonymous: input.anonymous,
      onBehalf: relation !== 'own',
      ...(relation === 'own' ? {} : { proxy: PROXY_LABELS[relation] }),
    },
  };
  return ok({
    order,
    event,
    effects: [
      notify({ kind: 'company', companyId: compound.companyId, communityId: order.communityId }, order.id, `新的居民诉求：${serviceName}`),
      notify({ kind: 'supervisors', communityId: order.communityId }, order.id, `新的居民诉求：${serviceName}`),
    ],
  });
}
