import { fail, normalizeDoor, ok, type AppError, type Application, type JoinPlaces, type JoinStatus, type Result } from '@core';
import type { Identity } from '../../runtime/caller';
import type { Deps } from '../../runtime/deps';
import { refuseWrite } from '../../runtime/rate-limit';
import { auditEntry, writeAudit } from './audit-log';
import { statusOf } from './join-views';

/** The communities, and the compounds and buildings of the one asked for (or of the only one). */
export async function joinPlaces(deps: Deps, communityId: string | null): Promise<Result<JoinPlaces, AppError>> {
  const { store } = deps;
  const communities = (await store.listRefs('communities')).map((c) => ({ id: c.id, name: c.name }));
  const chosen = communityId ?? (communities.length === 1 ? communities[0]!.id : null);
  if (chosen === null || !communities.some((c) => c.id === chosen)) return ok({ communities, communityId: null, compounds: [], buildings: [] });
  const compounds = await store.listRefs('compounds', chosen);
  const ids = new Set(compounds.map((c) => c.id));
  const buildings = (await store.listRefs('buildings')).filter((b) => ids.has(b.compoundId));
  return ok({
    communities,
    communityId: chosen,
    compounds: compounds.map((c) => ({ id: c.id, name: c.name })),
    buildings: buildings.map((b) => ({ id: b.id, compoundId: b.compoundId, name: b.name })),
  });
}

export interface ApplyInput {
  readonly communityId: string;
  readonly compoundId: string;
  readonly buildingId: string;
  readonly door: string;
  readonly name: string;
  readonly phone: string;
}

/** A WeChat user asks to be a resident of one household; the community's admin decides. */
export async function apply(deps: Deps, who: Identity, input: ApplyInput): Promise<Result<JoinStatus, AppError>> {
  const { store } = deps;
  // Every attempt counts against the ceiling, refused or not: a refusal still costs the store reads.
  const limited = refuseWrite(deps.limits, who.openid, deps.now());
  if (limited) return limited;
  if (who.user && who.user.roles.length > 0 && who.user.communityId !== input.communityId) return fail('JOIN.OTHER_COMMUNITY');
  const [compound, building] = await Promise.all([store.getRef('compounds', input.compoundId), store.getRef('buildings', input.buildingId)]);
  if (!compound || compound.communityId !== input.communityId || !building || building.compoundId !== compound.id) return fail('JOIN.PLACE_NOT_FOUND');
  const door = normalizeDoor(input.door);
  const sameDoor = (h: { buildingId: string; door: string }) => h.buildingId === building.id && normalizeDoor(h.door) === door;
  if (who.user) {
    const households = await Promise.all(who.user.householdIds.map((id) => store.getRef('households', id)));
    if (households.some((h) => h && sameDoor(h))) return fail('JOIN.ALREADY_RESIDENT');
  }
  const pending = (await store.listRefs('applications', input.communityId)).some((a) => a.openid === who.openid && a.state === 'pending' && sameDoor(a));
  if (pending) return fail('JOIN.PENDING');

  const application: Application = {
    id: deps.newId('ap-'),
    communityId: input.communityId,
    openid: who.openid,
    compoundId: compound.id,
    buildingId: building.id,
    door,
    name: input.name,
    phone: input.phone,
    state: 'pending',
    reason: null,
    createdAt: deps.now(),
    decidedAt: null,
    decidedBy: null,
  };
  await store.putRefs('applications', [application]);
  await writeAudit(
    deps,
    auditEntry(
      deps,
      input.communityId,
      { id: who.user?.id ?? 'newcomer', name: input.name },
      'application.submitted',
      input.name,
      `${compound.name}${building.name}${door}`,
    ),
  );
  return ok(await statusOf(deps, who));
}
