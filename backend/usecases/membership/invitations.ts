import {
  CODE_ALPHABET,
  CODE_LENGTH,
  fail,
  invalid,
  liveTeams,
  ok,
  type Actor,
  type AppError,
  type InvitableRole,
  type Invitation,
  type InvitationScopes,
  type InvitationView,
  type Result,
} from '@core';
import type { Deps } from '../../runtime/deps';
import { randomBytes } from '../../runtime/random';
import { refuseWrite } from '../../runtime/rate-limit';
import { auditEntry, writeAudit, type AuditActor } from './audit-log';
import { invitationView, roleWords } from './join-views';

const DAY = 24 * 3_600_000;

/** A code nobody can guess: 8 characters of a 31-letter alphabet is about 8.5 × 10^11 codes. */
export function newCode(): string {
  const bytes = randomBytes(CODE_LENGTH * 2);
  let code = '';
  // Rejection sampling keeps every letter equally likely (256 is not a multiple of 31).
  for (const b of bytes) if (code.length < CODE_LENGTH && b < 248) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return code.length === CODE_LENGTH ? code : newCode();
}

export interface InvitationSpec {
  readonly role: InvitableRole;
  readonly companyId: string | null;
  readonly teamId: string | null;
  readonly buildingId: string | null;
  readonly days: number;
  readonly maxUses: number;
}

/** Stores a new invitation under a fresh code (another code if that one is taken) and logs it. */
export async function createInvitation(deps: Deps, communityId: string, by: AuditActor, spec: InvitationSpec, scope: string | null): Promise<Invitation> {
  for (;;) {
    const inv: Invitation = {
      id: newCode(),
      communityId,
      role: spec.role,
      companyId: spec.role === 'dispatcher' ? spec.companyId : null,
      teamId: spec.role === 'worker' ? spec.teamId : null,
      buildingId: spec.role === 'group_leader' ? spec.buildingId : null,
      expiresAt: deps.now() + spec.days * DAY,
      maxUses: spec.maxUses,
      uses: 0,
      revoked: false,
      createdBy: by.id,
      createdAt: deps.now(),
      redeemedBy: [],
    };
    if (await deps.store.insertRef('invitations', inv)) {
      await writeAudit(
        deps,
        auditEntry(deps, communityId, by, 'invitation.created', inv.id, `${roleWords(inv, scope)}，${spec.maxUses}次，${spec.days}天内有效`),
      );
      return inv;
    }
  }
}

/** The admin invites someone to a role: a dispatcher names their company, a worker their team. */
export async function invite(deps: Deps, actor: Actor, spec: InvitationSpec): Promise<Result<{ invitation: InvitationView }, AppError>> {
  if (actor.role !== 'admin') return fail('AUTH.FORBIDDEN');
  const limited = refuseWrite(deps.limits, actor.user.id, deps.now());
  if (limited) return limited;
  const { store } = deps;
  const communityId = actor.user.communityId;
  let scope: string | null = null;
  if (spec.role === 'worker') {
    if (!spec.teamId) return invalid({ teamId: '请选择服务队' });
    const team = await store.getRef('teams', spec.teamId);
    if (!team || team.communityId !== communityId) return fail('TEAM.NOT_FOUND');
    scope = team.name;
  }
  if (spec.role === 'dispatcher') {
    if (!spec.companyId) return invalid({ companyId: '请选择物业公司' });
    const [company, compounds] = await Promise.all([store.getRef('companies', spec.companyId), store.listRefs('compounds', communityId)]);
    if (!company || !compounds.some((c) => c.companyId === company.id)) return invalid({ companyId: '请选择为本社区服务的物业公司' });
    scope = company.name;
  }
  if (spec.role === 'group_leader') {
    if (!spec.buildingId) return invalid({ buildingId: '请选择楼栋' });
    const building = await buildingOf(deps, spec.buildingId, communityId);
    if (!building) return invalid({ buildingId: '请选择本社区的楼栋' });
    scope = building.name;
  }
  const inv = await createInvitation(deps, communityId, { id: actor.user.id, name: actor.user.name }, spec, scope);
  return ok({ invitation: await invitationView(deps, inv) });
}

/** The community's invitations, newest first, each with what it is now (usable, revoked, expired, used up). */
export async function listInvitations(deps: Deps, actor: Actor): Promise<Result<{ items: InvitationView[]; scopes: InvitationScopes }, AppError>> {
  if (actor.role !== 'admin') return fail('AUTH.FORBIDDEN');
  const { store } = deps;
  const communityId = actor.user.communityId;
  const [all, teams, compounds, companies, buildings] = await Promise.all([
    store.listRefs('invitations', communityId),
    store.listRefs('teams', communityId),
    store.listRefs('compounds', communityId),
    store.listRefs('companies'),
    store.listRefs('buildings'),
  ]);
  const compoundName = new Map(compounds.map((c) => [c.id, c.name]));
  const serving = new Set(compounds.map((c) => c.companyId));
  const items = await Promise.all(all.sort((a, b) => b.createdAt - a.createdAt).map((inv) => invitationView(deps, inv)));
  return ok({
    items,
    scopes: {
      teams: liveTeams(teams).map((t) => ({ id: t.id, name: t.name })),
      companies: companies.filter((c) => serving.has(c.id)).map((c) => ({ id: c.id, name: c.name })),
      buildings: buildings.filter((b) => compoundName.has(b.compoundId)).map((b) => ({ id: b.id, name: `${compoundName.get(b.compoundId)}${b.name}` })),
    },
  });
}

/** The admin withdraws an invitation: from now on it is refused as revoked. */
export async function revokeInvitation(deps: Deps, actor: Actor, code: string): Promise<Result<{ invitation: InvitationView }, AppError>> {
  if (actor.role !== 'admin') return fail('AUTH.FORBIDDEN');
  const limited = refuseWrite(deps.limits, actor.user.id, deps.now());
  if (limited) return limited;
  const inv = await deps.store.getRef('invitations', code);
  if (!inv || inv.communityId !== actor.user.communityId) return fail('INVITE.NOT_FOUND');
  const revoked = { ...inv, revoked: true };
  if (!inv.revoked) {
    await deps.store.putRefs('invitations', [revoked]);
    await writeAudit(deps, auditEntry(deps, inv.communityId, { id: actor.user.id, name: actor.user.name }, 'invitation.revoked', inv.id, roleWords(inv, null)));
  }
  return ok({ invitation: await invitationView(deps, revoked) });
}

/** A building of the community, with its compound's name before its own ("阳光小区1号楼"); null if not of it. */
async function buildingOf(deps: Deps, buildingId: string, communityId: string): Promise<{ name: string } | null> {
  const building = await deps.store.getRef('buildings', buildingId);
  const compound = building ? await deps.store.getRef('compounds', building.compoundId) : null;
  return building && compound?.communityId === communityId ? { name: `${compound.name}${building.name}` } : null;
}
