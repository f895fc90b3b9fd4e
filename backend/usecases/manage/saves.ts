import {
  CATEGORY_LABELS,
  DISPATCH_MODE_LABELS,
  PAYMENT_LABELS,
  describeChange,
  liveTeams,
  ok,
  retireService as retire,
  saveBuilding as checkBuilding,
  saveCompany as checkCompany,
  saveCompound as checkCompound,
  saveHousehold as checkHousehold,
  saveResident as checkResident,
  saveService as checkService,
  saveTeam as checkTeam,
  saveWorker as checkWorker,
  type Actor,
  type AppError,
  type AuditWhat,
  type FieldWords,
  type ManageInput,
  type Result,
  type ServiceCategory,
} from '@core';
import type { Deps } from '../../runtime/deps';
import type { ReferenceKind, ReferenceTypes } from '../../storage/port';
import { auditEntry, writeAudit } from '../membership/audit-log';
import { companiesOf, mayChange } from './manage-view';

/** A phone as the audit log shows it: its last four digits (the log never holds a whole phone, docs/privacy.md). */
const phoneTail = (p: unknown) => (typeof p === 'string' && p ? `尾号${p.slice(-4)}` : '无');
const yuan = (fen: unknown) => `${((fen as number) / 100).toFixed(2)}元`;
const categories = (list: unknown) => ((list as ServiceCategory[] | undefined) ?? []).map((c) => CATEGORY_LABELS[c]).join('、') || '无';

/**
 * One admin change: the admin's budget, the core's check, the write, and the audit line saying
 * who changed what (the fields that moved, old → new). The revision check reads then writes: two
 * saves of one document in the same instant could both pass it; the later one still wins whole.
 */
async function save<K extends ReferenceKind>(
  deps: Deps,
  actor: Actor,
  kind: K,
  what: AuditWhat,
  before: ReferenceTypes[K] | null,
  checked: Result<ReferenceTypes[K], AppError>,
  subject: (doc: ReferenceTypes[K]) => string,
  words: FieldWords<ReferenceTypes[K]>,
): Promise<Result<{ saved: ReferenceTypes[K] }, AppError>> {
  if (!checked.ok) return checked;
  const doc = checked.value;
  await deps.store.putRefs(kind, [doc]);
  const detail = what === 'service.retired' ? '' : describeChange(before, doc, words);
  await writeAudit(deps, auditEntry(deps, actor.user.communityId, { id: actor.user.id, name: actor.user.name }, what, subject(doc), detail));
  return ok({ saved: doc });
}

/** Loads the stored document an input names (null when it names none). */
const stored = <K extends ReferenceKind>(deps: Deps, kind: K, id: string | undefined) =>
  id === undefined ? Promise.resolve(null) : deps.store.getRef(kind, id);

export async function saveCompany(deps: Deps, actor: Actor, input: ManageInput<'saveCompany'>) {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const c = actor.user.communityId;
  const [before, mine, all] = await Promise.all([stored(deps, 'companies', input.id), companiesOf(deps, c), deps.store.listRefs('companies')]);
  const checked = checkCompany(input, { newId: deps.newId('pc-'), communityId: c, stored: before, mine: mine.some((m) => m.id === input.id), companies: all });
  return save(deps, actor, 'companies', 'company.saved', before, checked, (d) => d.name, { name: ['名称'], phone: ['电话', phoneTail] });
}

export async function saveCompound(deps: Deps, actor: Actor, input: ManageInput<'saveCompound'>) {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const c = actor.user.communityId;
  const [before, compounds, companies] = await Promise.all([stored(deps, 'compounds', input.id), deps.store.listRefs('compounds', c), companiesOf(deps, c)]);
  const company = companies.find((pc) => pc.id === input.companyId) ?? null;
  const checked = checkCompound(input, { newId: deps.newId('cp-'), communityId: c, stored: before, compounds, company });
  const names = new Map(companies.map((pc) => [pc.id, pc.name]));
  return save(deps, actor, 'compounds', 'compound.saved', before, checked, (d) => d.name, {
    name: ['名称'],
    companyId: ['物业公司', (id) => names.get(id) ?? id],
  });
}

export async function saveBuilding(deps: Deps, actor: Actor, input: ManageInput<'saveBuilding'>) {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const [before, compound, buildings] = await Promise.all([
    stored(deps, 'buildings', input.id),
    deps.store.getRef('compounds', input.compoundId),
    deps.store.listRefs('buildings'),
  ]);
  const checked = checkBuilding(input, { newId: deps.newId('b-'), communityId: actor.user.communityId, stored: before, compound, buildings });
  return save(deps, actor, 'buildings', 'building.saved', before, checked, (d) => `${compound?.name ?? ''}${d.name}`, { name: ['名称'] });
}

export async function saveHousehold(deps: Deps, actor: Actor, input: ManageInput<'saveHousehold'>) {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const c = actor.user.communityId;
  const [before, building, households] = await Promise.all([
    stored(deps, 'households', input.id),
    deps.store.getRef('buildings', input.buildingId),
    deps.store.listRefs('households', c),
  ]);
  const compound = building ? await deps.store.getRef('compounds', building.compoundId) : null;
  const checked = checkHousehold(input, { newId: deps.newId('h-'), communityId: c, stored: before, building, compound, households });
  return save(deps, actor, 'households', 'household.saved', before, checked, (d) => `${compound?.name ?? ''}${building?.name ?? ''}${d.door}`, {
    door: ['门牌'],
    contactName: ['联系人'],
    contactPhone: ['联系电话', phoneTail],
  });
}

export async function saveResident(deps: Deps, actor: Actor, input: ManageInput<'saveResident'>) {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const c = actor.user.communityId;
  const [before, users, households] = await Promise.all([
    stored(deps, 'users', input.id),
    deps.store.listRefs('users', c),
    deps.store.listRefs('households', c),
  ]);
  const checked = checkResident(input, { newId: deps.newId('u-'), communityId: c, stored: before, users, households });
  const doors = new Map(households.map((h) => [h.id, h.door]));
  return save(deps, actor, 'users', 'resident.saved', before, checked, (d) => d.name, {
    name: ['姓名'],
    phone: ['电话', phoneTail],
    householdIds: ['住户', (ids) => ids.map((id) => doors.get(id) ?? id).join('、') || '无'],
  });
}

export async function saveWorker(deps: Deps, actor: Actor, input: ManageInput<'saveWorker'>) {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const before = await deps.store.getRef('users', input.id);
  const checked = checkWorker(input, { communityId: actor.user.communityId, stored: before });
  return save(deps, actor, 'users', 'worker.saved', before, checked, (d) => d.name, {
    skills: ['技能', categories],
    onDuty: ['在岗', (on) => (on ? '在岗' : '离岗')],
    maxOpenOrders: ['最多在办工单'],
  });
}

export async function saveTeam(deps: Deps, actor: Actor, input: ManageInput<'saveTeam'>) {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const c = actor.user.communityId;
  const [before, teams, users, companies] = await Promise.all([
    stored(deps, 'teams', input.id),
    deps.store.listRefs('teams', c),
    deps.store.listRefs('users', c),
    companiesOf(deps, c),
  ]);
  const companyKnown = companies.some((pc) => pc.id === input.companyId);
  // A deleted team cannot be edited back to life, and its name is free again.
  const live = before?.removedAt === undefined ? before : null;
  const checked = checkTeam(input, { newId: deps.newId('t-'), communityId: c, stored: live, teams: liveTeams(teams), users, companyKnown });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return save(deps, actor, 'teams', 'team.saved', before, checked, (d) => d.name, {
    name: ['名称'],
    categories: ['服务类别', categories],
    memberIds: ['队员', (ids) => ids.map((id) => names.get(id) ?? id).join('、') || '无'],
    dispatchMode: ['派单方式', (m) => DISPATCH_MODE_LABELS[m ?? 'dispatcher']],
  });
}

const SERVICE_WORDS: FieldWords<ReferenceTypes['serviceItems']> = {
  name: ['名称'],
  category: ['类别', (c) => CATEGORY_LABELS[c]],
  description: ['说明'],
  unit: ['单位'],
  redPriceFen: ['红色价格', yuan],
  marketPriceFen: ['市场价', yuan],
  payment: ['付款方式', (p) => PAYMENT_LABELS[p ?? 'at_door']],
};

export async function saveService(deps: Deps, actor: Actor, input: ManageInput<'saveService'>) {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const c = actor.user.communityId;
  const [before, services] = await Promise.all([stored(deps, 'serviceItems', input.id), deps.store.listRefs('serviceItems', c)]);
  const checked = checkService(input, { newId: deps.newId('s-'), communityId: c, stored: before, services });
  return save(deps, actor, 'serviceItems', 'service.saved', before, checked, (d) => d.name, SERVICE_WORDS);
}

export async function retireService(deps: Deps, actor: Actor, input: ManageInput<'retireService'>) {
  const denied = mayChange(deps, actor);
  if (denied) return denied;
  const before = await deps.store.getRef('serviceItems', input.id);
  if (before?.retiredAt) return ok({ saved: before });
  const checked = retire(input, { communityId: actor.user.communityId, stored: before, now: deps.now() });
  return save(deps, actor, 'serviceItems', 'service.retired', before, checked, (d) => d.name, SERVICE_WORDS);
}
