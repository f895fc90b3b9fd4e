import type { Building, Compound, Household, PropertyCompany } from '../community';
import { fail, type AppError } from '../errors';
import { normalizeDoor } from '../membership';
import { ok, type Result } from '../result';
import { nextRev, uniqueName } from './manage-common';
import type { ManageInput } from './manage-inputs';

/** The checks of the places a community is made of: companies, compounds, buildings, households. */

/** A property company the admin adds or renames; one serving another community's compounds only is not theirs to change. */
export function saveCompany(
  input: ManageInput<'saveCompany'>,
  ctx: { newId: string; communityId: string; stored: PropertyCompany | null; mine: boolean; companies: readonly PropertyCompany[] },
): Result<PropertyCompany, AppError> {
  if (input.id !== undefined && ctx.stored && !ctx.mine) return fail('MANAGE.NOT_FOUND', { what: '物业公司' });
  const rev = nextRev(ctx.stored, input, '物业公司');
  if (!rev.ok) return rev;
  const named = uniqueName(ctx.companies, input.id, input.name, '物业公司');
  if (!named.ok) return named;
  const base = ctx.stored ?? { id: ctx.newId, communityId: ctx.communityId };
  return ok({ ...base, name: input.name, ...(input.phone !== undefined && { phone: input.phone }), rev: rev.value });
}

/** A compound and the company that serves it (which decides whose dispatchers see its orders). */
export function saveCompound(
  input: ManageInput<'saveCompound'>,
  ctx: { newId: string; communityId: string; stored: Compound | null; compounds: readonly Compound[]; company: PropertyCompany | null },
): Result<Compound, AppError> {
  if (ctx.stored && ctx.stored.communityId !== ctx.communityId) return fail('MANAGE.NOT_FOUND', { what: '小区' });
  const rev = nextRev(ctx.stored, input, '小区');
  if (!rev.ok) return rev;
  if (!ctx.company) return fail('MANAGE.NOT_FOUND', { what: '物业公司' });
  const named = uniqueName(ctx.compounds, input.id, input.name, '小区');
  if (!named.ok) return named;
  return ok({ id: ctx.stored?.id ?? ctx.newId, communityId: ctx.communityId, name: input.name, companyId: ctx.company.id, rev: rev.value });
}

/** A building of one of the community's compounds; a building does not move between compounds. */
export function saveBuilding(
  input: ManageInput<'saveBuilding'>,
  ctx: { newId: string; communityId: string; stored: Building | null; compound: Compound | null; buildings: readonly Building[] },
): Result<Building, AppError> {
  if (!ctx.compound || ctx.compound.communityId !== ctx.communityId) return fail('MANAGE.NOT_FOUND', { what: '小区' });
  if (ctx.stored && ctx.stored.compoundId !== ctx.compound.id) return fail('MANAGE.NOT_FOUND', { what: '楼栋' });
  const rev = nextRev(ctx.stored, input, '楼栋');
  if (!rev.ok) return rev;
  const named = uniqueName(
    ctx.buildings.filter((b) => b.compoundId === ctx.compound!.id),
    input.id,
    input.name,
    '楼栋',
  );
  if (!named.ok) return named;
  return ok({ id: ctx.stored?.id ?? ctx.newId, compoundId: ctx.compound.id, name: input.name, rev: rev.value });
}

/** The key a household is known by across imports: its building and its door as people write it. */
export const householdKey = (buildingId: string, door: string): string => `${buildingId}|${normalizeDoor(door)}`;

/** A household (an address orders go to) in one of the community's buildings; one door once per building. */
export function saveHousehold(
  input: ManageInput<'saveHousehold'>,
  ctx: { newId: string; communityId: string; stored: Household | null; building: Building | null; compound: Compound | null; households: readonly Household[] },
): Result<Household, AppError> {
  const { building, compound } = ctx;
  if (!building || !compound || compound.communityId !== ctx.communityId || building.compoundId !== compound.id) {
    return fail('MANAGE.NOT_FOUND', { what: '楼栋' });
  }
  if (ctx.stored && ctx.stored.communityId !== ctx.communityId) return fail('MANAGE.NOT_FOUND', { what: '住户' });
  const rev = nextRev(ctx.stored, input, '住户');
  if (!rev.ok) return rev;
  const door = normalizeDoor(input.door);
  const key = householdKey(building.id, door);
  const twin = ctx.households.find((h) => h.id !== input.id && householdKey(h.buildingId, h.door) === key);
  if (twin) return fail('MANAGE.DUPLICATE', { what: '住户', name: `${compound.name}${building.name}${door}` });
  return ok({
    id: ctx.stored?.id ?? ctx.newId,
    communityId: ctx.communityId,
    compoundId: compound.id,
    buildingId: building.id,
    door,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    rev: rev.value,
  });
}
