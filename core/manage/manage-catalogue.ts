import type { Millis, ServiceItem } from '../community';
import { fail, invalid, type AppError } from '../errors';
import { ok, type Result } from '../result';
import { nextRev, uniqueName } from './manage-common';
import type { ManageInput } from './manage-inputs';

/** Whether a service was retired for good (下架): not orderable, not editable, still named on old orders. */
export const isRetired = (item: Pick<ServiceItem, 'retiredAt'>): boolean => item.retiredAt !== undefined && item.retiredAt !== null;

/** A service added to the catalogue or changed; a new one can be ordered at once, with the community's deadlines. */
export function saveService(
  input: ManageInput<'saveService'>,
  ctx: { newId: string; communityId: string; stored: ServiceItem | null; services: readonly ServiceItem[] },
): Result<ServiceItem, AppError> {
  if (ctx.stored && ctx.stored.communityId !== ctx.communityId) return fail('SERVICE.NOT_FOUND');
  if (ctx.stored && isRetired(ctx.stored)) return fail('SERVICE.RETIRED');
  const rev = nextRev(ctx.stored, input, '服务项目');
  if (!rev.ok) return rev;
  if (input.redPriceFen > input.marketPriceFen) return invalid({ redPriceFen: '红色价格应不高于市场价' });
  const named = uniqueName(
    ctx.services.filter((s) => s.communityId === ctx.communityId && !isRetired(s)),
    input.id,
    input.name,
    '服务项目',
  );
  if (!named.ok) return named;
  const base: ServiceItem = ctx.stored ?? {
    id: ctx.newId,
    communityId: ctx.communityId,
    name: input.name,
    category: input.category,
    description: '',
    redPriceFen: 0,
    marketPriceFen: 0,
    unit: '',
    deadlines: null,
    active: true,
  };
  return ok({
    ...base,
    name: input.name,
    category: input.category,
    description: input.description,
    unit: input.unit,
    redPriceFen: input.redPriceFen,
    marketPriceFen: input.marketPriceFen,
    payment: input.payment,
    rev: rev.value,
  });
}

/** 永久下架: the service leaves the catalogue for good; a second retire changes nothing. */
export function retireService(
  input: ManageInput<'retireService'>,
  ctx: { communityId: string; stored: ServiceItem | null; now: Millis },
): Result<ServiceItem, AppError> {
  const { stored } = ctx;
  if (!stored || stored.communityId !== ctx.communityId) return fail('SERVICE.NOT_FOUND');
  if (isRetired(stored)) return ok(stored);
  const rev = nextRev(stored, input, '服务项目');
  if (!rev.ok) return rev;
  return ok({ ...stored, active: false, retiredAt: ctx.now, rev: rev.value });
}
