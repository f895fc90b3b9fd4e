import {
  fail,
  invalid,
  mayDecide,
  normalizeDoor,
  ok,
  type Actor,
  type AppError,
  type Application,
  type ApplicationState,
  type ApplicationView,
  type Household,
  type Result,
  type User,
} from '@core';
import type { Deps } from '../../runtime/deps';
import { refuseWrite } from '../../runtime/rate-limit';
import { auditEntry } from './audit-log';
import { applicationViews } from './join-views';

/**
 * The applications of the community in one state, oldest first (the queue to work through): all of
 * them for the admin, those for their buildings for a 楼栋党小组长.
 */
export async function listApplications(deps: Deps, actor: Actor, state: ApplicationState): Promise<Result<{ items: ApplicationView[] }, AppError>> {
  if (actor.role !== 'admin' && actor.role !== 'group_leader') return fail('AUTH.FORBIDDEN');
  const apps = (await deps.store.listRefs('applications', actor.user.communityId))
    .filter((a) => a.state === state && mayDecide(actor, a))
    .sort((a, b) => a.createdAt - b.createdAt);
  return ok({ items: await applicationViews(deps, apps) });
}

export interface DecideInput {
  readonly applicationId: string;
  readonly approve: boolean;
  readonly reason: string;
}

/**
 * Approves an application (the applicant becomes a resident of that household, which is created if
 * the community did not have it yet) or refuses it with a reason the applicant reads.
 */
export async function decideApplication(deps: Deps, actor: Actor, input: DecideInput): Promise<Result<{ application: ApplicationView }, AppError>> {
  if (actor.role !== 'admin' && actor.role !== 'group_leader') return fail('AUTH.FORBIDDEN');
  const limited = refuseWrite(deps.limits, actor.user.id, deps.now());
  if (limited) return limited;
  const { store } = deps;
  const app = await store.getRef('applications', input.applicationId);
  // Another building's application is none of a group leader's business: as if it did not exist.
  if (!app || app.communityId !== actor.user.communityId || !mayDecide(actor, app)) return fail('APPLICATION.NOT_FOUND');
  if (app.state !== 'pending') return fail('APPLICATION.DECIDED');
  if (!input.approve && !input.reason) return invalid({ reason: '请填写拒绝的原因，申请人会看到' });

  // A record with no role left belongs to no community any more: the applicant starts afresh.
  const found = await store.findUserByOpenid(app.openid);
  const existing = found && found.roles.length > 0 ? found : null;
  if (input.approve && existing && existing.communityId !== app.communityId) return fail('JOIN.OTHER_COMMUNITY');
  const state = input.approve ? 'approved' : 'refused';
  const by = { id: actor.user.id, name: actor.user.name };
  // The audit line's id is the decision's: of two admins deciding at once, only one gets to write it.
  const line = auditEntry(deps, app.communityId, by, `application.${state}`, app.name, input.reason || app.door, `decide-${app.id}`);
  if (!(await store.insertRef('auditEntries', line))) return fail('APPLICATION.DECIDED');

  const decided: Application = { ...app, state, reason: input.approve ? null : input.reason, decidedAt: deps.now(), decidedBy: actor.user.id };
  if (input.approve) await admit(deps, decided, existing, found?.id ?? null);
  await store.putRefs('applications', [decided]);
  const [view] = await applicationViews(deps, [decided]);
  return ok({ application: view! });
}

/** Makes the applicant a resident of the household they named: theirs to order for from now on. */
async function admit(deps: Deps, app: Application, existing: User | null, formerId: string | null): Promise<void> {
  const { store } = deps;
  const households = await store.listRefs('households', app.communityId);
  let household = households.find((h) => h.buildingId === app.buildingId && normalizeDoor(h.door) === app.door);
  if (!household) {
    const created: Household = {
      id: deps.newId('h-'),
      communityId: app.communityId,
      compoundId: app.compoundId,
      buildingId: app.buildingId,
      door: app.door,
      contactName: app.name,
      contactPhone: app.phone,
    };
    await store.putRefs('households', [created]);
    household = created;
  }
  // A resident the admin or a sheet entered (no WeChat yet) with the applicant's phone is the
  // applicant: they take over that record, bindings and all, rather than becoming a second person.
  const entered = existing
    ? null
    : (await store.listRefs('users', app.communityId)).find((u) => u.openid === '' && u.phone === app.phone && u.roles.length > 0);
  const claimed = entered ? { ...entered, openid: app.openid } : null;
  const base: User = existing ??
    claimed ?? {
      id: formerId ?? deps.newId('u-'),
      openid: app.openid,
      communityId: app.communityId,
      name: app.name,
      phone: app.phone,
      roles: [],
      householdIds: [],
      companyId: null,
      onDuty: false,
      maxOpenOrders: 0,
    };
  const roles = base.roles.includes('resident') ? base.roles : [...base.roles, 'resident' as const];
  const householdIds = base.householdIds.includes(household.id) ? base.householdIds : [...base.householdIds, household.id];
  await store.putRefs('users', [{ ...base, roles, householdIds }]);
}
