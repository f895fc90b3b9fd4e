import { CATEGORY_LABELS, type Household, type ServiceCategory, type ServiceTeam, type User } from '../community';
import { fail, invalid, type AppError } from '../errors';
import { ok, type Result } from '../result';
import { nextRev, uniqueName } from './manage-common';
import type { ManageInput } from './manage-inputs';

/** The checks of the people of a community: residents and their households, workers, teams. */

/** A worker who has not said otherwise takes this many open orders at once. */
export const DEFAULT_MAX_OPEN_ORDERS = 5;

/**
 * A resident and the households they are bound to. One phone is one person: a second resident
 * with a phone already on file is refused, so re-entering someone updates them instead. A resident
 * added here has no WeChat identity yet (an elder without a phone, a sheet's row).
 */
export function saveResident(
  input: ManageInput<'saveResident'>,
  ctx: { newId: string; communityId: string; stored: User | null; users: readonly User[]; households: readonly Household[] },
): Result<User, AppError> {
  if (ctx.stored && (ctx.stored.communityId !== ctx.communityId || !ctx.stored.roles.includes('resident'))) {
    return fail('MANAGE.NOT_FOUND', { what: '居民' });
  }
  const rev = nextRev(ctx.stored, input, '居民');
  if (!rev.ok) return rev;
  const twin = ctx.users.find((u) => u.id !== input.id && u.phone === input.phone && u.roles.length > 0);
  if (twin) return fail('MANAGE.DUPLICATE', { what: '电话为此号码的成员', name: twin.name });
  const known = new Set(ctx.households.filter((h) => h.communityId === ctx.communityId).map((h) => h.id));
  const unknown = input.householdIds.filter((id) => !known.has(id));
  if (unknown.length) return fail('MANAGE.NOT_FOUND', { what: '住户' });
  const householdIds = [...new Set(input.householdIds)];
  const base: User = ctx.stored ?? {
    id: ctx.newId,
    openid: '',
    communityId: ctx.communityId,
    name: input.name,
    phone: input.phone,
    roles: ['resident'],
    householdIds: [],
    companyId: null,
    onDuty: false,
    maxOpenOrders: DEFAULT_MAX_OPEN_ORDERS,
  };
  return ok({ ...base, name: input.name, phone: input.phone, householdIds, rev: rev.value });
}

/** A worker's skills, duty and cap. The cap is what dispatch, grab and 轮询 hold them to. */
export function saveWorker(input: ManageInput<'saveWorker'>, ctx: { communityId: string; stored: User | null }): Result<User, AppError> {
  const { stored } = ctx;
  if (!stored || stored.communityId !== ctx.communityId || !stored.roles.includes('worker')) return fail('MANAGE.NOT_FOUND', { what: '服务队员' });
  const rev = nextRev(stored, input, '服务队员');
  if (!rev.ok) return rev;
  return ok({ ...stored, skills: [...new Set(input.skills)], onDuty: input.onDuty, maxOpenOrders: input.maxOpenOrders, rev: rev.value });
}

/** Whether two teams could be asked for the same order: one serves every company, or both the same one. */
const sameCompanies = (a: ServiceTeam, b: { companyId: string | null }) => a.companyId === null || b.companyId === null || a.companyId === b.companyId;

/**
 * A team: its members (workers of this community), the categories it serves, how its orders reach
 * it. Only one automatic (抢单/轮询) team may take a category for a company, so a new order's team
 * is never a guess (core/auto-dispatch.ts).
 */
export function saveTeam(
  input: ManageInput<'saveTeam'>,
  ctx: { newId: string; communityId: string; stored: ServiceTeam | null; teams: readonly ServiceTeam[]; users: readonly User[]; companyKnown: boolean },
): Result<ServiceTeam, AppError> {
  if (ctx.stored && ctx.stored.communityId !== ctx.communityId) return fail('MANAGE.NOT_FOUND', { what: '服务队' });
  const rev = nextRev(ctx.stored, input, '服务队');
  if (!rev.ok) return rev;
  if (input.companyId !== null && !ctx.companyKnown) return fail('MANAGE.NOT_FOUND', { what: '物业公司' });
  if (!input.categories.length) return invalid({ categories: '至少选择一类服务' });
  const workers = new Set(ctx.users.filter((u) => u.communityId === ctx.communityId && u.roles.includes('worker')).map((u) => u.id));
  const strangers = input.memberIds.filter((id) => !workers.has(id));
  if (strangers.length) return invalid({ memberIds: '只能选择本社区的服务队员' });
  const named = uniqueName(
    ctx.teams.filter((t) => t.communityId === ctx.communityId),
    input.id,
    input.name,
    '服务队',
  );
  if (!named.ok) return named;
  const categories = [...new Set(input.categories)] as ServiceCategory[];
  if (input.dispatchMode !== 'dispatcher') {
    for (const other of ctx.teams) {
      if (other.id === input.id || other.communityId !== ctx.communityId || (other.dispatchMode ?? 'dispatcher') === 'dispatcher') continue;
      const shared = categories.find((c) => other.categories.includes(c));
      if (shared && sameCompanies(other, input)) return fail('TEAM.MODE_CONFLICT', { team: other.name, category: CATEGORY_LABELS[shared] });
    }
  }
  return ok({
    id: ctx.stored?.id ?? ctx.newId,
    communityId: ctx.communityId,
    companyId: input.companyId,
    name: input.name,
    categories,
    memberIds: [...new Set(input.memberIds)],
    dispatchMode: input.dispatchMode,
    rev: rev.value,
  });
}
