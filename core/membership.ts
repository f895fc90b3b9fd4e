import type { Actor } from './actor';
import type { Millis, User } from './community';
import { fail, type AppError } from './errors';
import { ok, type Result } from './result';
import type { Role } from './roles';

/**
 * Who may join a community and how: residents apply for a household and are approved or refused;
 * staff redeem an invitation for one role. Pure rules; the use cases load, call these and write.
 *
 * The admin approves any application; a building's 楼栋党小组长 (group leader) those for their buildings.
 */

export type ApplicationState = 'pending' | 'approved' | 'refused';

/** A newcomer's (or a resident's) request to be a resident of one household. */
export interface Application {
  readonly id: string;
  readonly communityId: string;
  /** The WeChat identity that applied: the user approval creates or extends is found by it. */
  readonly openid: string;
  readonly compoundId: string;
  readonly buildingId: string;
  readonly door: string;
  readonly name: string;
  readonly phone: string;
  readonly state: ApplicationState;
  /** Why it was refused (null otherwise). */
  readonly reason: string | null;
  readonly createdAt: Millis;
  readonly decidedAt: Millis | null;
  readonly decidedBy: string | null;
}

/** Roles given by invitation; residents join by application instead. */
export const INVITABLE_ROLES = ['dispatcher', 'worker', 'supervisor', 'admin', 'group_leader'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** An invitation to one role in one community: its id is the code people type or scan. */
export interface Invitation {
  readonly id: string;
  readonly communityId: string;
  readonly role: InvitableRole;
  /** Dispatchers: the company they will dispatch for. */
  readonly companyId: string | null;
  /** Workers: the team they will join. */
  readonly teamId: string | null;
  /** Group leaders: the building they will lead (absent on invitations made before the grid). */
  readonly buildingId?: string | null;
  readonly expiresAt: Millis;
  readonly maxUses: number;
  readonly uses: number;
  readonly revoked: boolean;
  /** The admin who made it, or `bootstrap` for the first admin's one-time code. */
  readonly createdBy: string;
  readonly createdAt: Millis;
  /** Users who redeemed it, so the admin sees who came in through it. */
  readonly redeemedBy: readonly string[];
}

/** One line of the community's audit log: who changed what, when. */
export interface AuditEntry {
  readonly id: string;
  readonly communityId: string;
  readonly at: Millis;
  /** The user who acted (their id), or `bootstrap` for the deploy command. */
  readonly actorId: string;
  readonly actorName: string;
  readonly what: AuditWhat;
  /** What it was done to, in words the admin reads (a name, a code, a role). */
  readonly subject: string;
  readonly detail: string;
}

export const AUDIT_WHAT = [
  'application.submitted',
  'application.approved',
  'application.refused',
  'invitation.created',
  'invitation.revoked',
  'invitation.redeemed',
  'role.revoked',
  'member.left',
  'grid.paired',
  'grid.unpaired',
  'volunteer.registered',
  // Managing the community (core/manage): each add or change, with what changed in `detail`.
  'company.saved',
  'compound.saved',
  'building.saved',
  'household.saved',
  'resident.saved',
  'worker.saved',
  'team.saved',
  'service.saved',
  'service.retired',
  'sheet.imported',
  // Deleting what was added by mistake (core/manage/manage-remove.ts).
  'building.removed',
  'household.removed',
  'team.removed',
] as const;
export type AuditWhat = (typeof AUDIT_WHAT)[number];

export const AUDIT_LABELS: Readonly<Record<AuditWhat, string>> = {
  'application.submitted': '提交入户申请',
  'application.approved': '批准入户申请',
  'application.refused': '拒绝入户申请',
  'invitation.created': '创建邀请',
  'invitation.revoked': '撤销邀请',
  'invitation.redeemed': '使用邀请加入',
  'role.revoked': '撤销身份',
  'member.left': '退出社区',
  'grid.paired': '结对认亲',
  'grid.unpaired': '解除结对',
  'volunteer.registered': '在职党员报到',
  'company.saved': '保存物业公司',
  'compound.saved': '保存小区',
  'building.saved': '保存楼栋',
  'household.saved': '保存住户',
  'resident.saved': '保存居民',
  'worker.saved': '保存服务队员',
  'team.saved': '保存服务队',
  'service.saved': '保存服务项目',
  'service.retired': '永久下架服务',
  'sheet.imported': '导入表格',
  'building.removed': '删除楼栋',
  'household.removed': '删除住户',
  'team.removed': '删除服务队',
};

/** Letters and digits people cannot confuse when reading a code aloud (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

/** The mini-program path that opens the join page with a code filled in. */
export const invitationPath = (code: string): string => `pages/index/index?invite=${code}`;
/** The QR scene (WeChat allows 32 characters): `i=` and the code; the start page reads it. */
export const invitationScene = (code: string): string => `i=${code}`;

/** A door as typed, made comparable: no spaces, full-width digits and letters narrowed, upper case. */
export function normalizeDoor(door: string): string {
  return door
    .replace(/\s+/g, '')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/**
 * Whether an invitation can be redeemed now by `user` (null: a newcomer) from the community the
 * link named (null: typed by hand). The most permanent reason is given first.
 */
export function checkRedeemable(inv: Invitation, user: User | null, linkCommunityId: string | null, now: Millis): Result<Invitation, AppError> {
  if (inv.revoked) return fail('INVITE.REVOKED');
  if (now >= inv.expiresAt) return fail('INVITE.EXPIRED');
  if (inv.uses >= inv.maxUses) return fail('INVITE.USED_UP');
  if ((linkCommunityId !== null && linkCommunityId !== inv.communityId) || (user && user.communityId !== inv.communityId)) {
    return fail('INVITE.WRONG_COMMUNITY');
  }
  return ok(inv);
}

/** The user after taking an invitation's role (and its company, for a dispatcher; its building, for a group leader). */
export function grantRole(user: User, inv: Invitation): User {
  const roles = user.roles.includes(inv.role) ? user.roles : [...user.roles, inv.role];
  const leads = user.leads ?? [];
  const building = inv.role === 'group_leader' && inv.buildingId && !leads.includes(inv.buildingId) ? { leads: [...leads, inv.buildingId] } : {};
  return { ...user, roles, companyId: inv.role === 'dispatcher' ? inv.companyId : user.companyId, ...building };
}

/** Whether the actor decides this application: the admin any, a group leader those for a building they lead. */
export const mayDecide = (actor: Actor, app: Pick<Application, 'buildingId'>): boolean =>
  actor.role === 'admin' || (actor.role === 'group_leader' && (actor.user.leads ?? []).includes(app.buildingId));

/** The user after losing a role; a dispatcher's company and a resident's households go with the role. */
export function withoutRole(user: User, role: Role): User {
  return {
    ...user,
    roles: user.roles.filter((r) => r !== role),
    companyId: role === 'dispatcher' ? null : user.companyId,
    householdIds: role === 'resident' ? [] : user.householdIds,
    ...(role === 'group_leader' ? { leads: [] } : {}),
  };
}

/** Whether taking `role` from `user` would leave the community with no admin at all. */
export function wouldLeaveNoAdmin(members: readonly User[], user: User, role: Role | 'all'): boolean {
  if (!user.roles.includes('admin') || (role !== 'all' && role !== 'admin')) return false;
  return !members.some((m) => m.id !== user.id && m.roles.includes('admin'));
}

/**
 * What stays of a person who left: the record that their past orders point to, with nothing that
 * identifies them (PIPL: personal information is erased once its purpose is over). The empty openid
 * frees the WeChat identity to join again as a newcomer.
 */
export function departed(user: User): User {
  return {
    ...user,
    openid: '',
    name: '已退出的用户',
    phone: '',
    roles: [],
    householdIds: [],
    companyId: null,
    onDuty: false,
    caresFor: [],
    leads: [],
    volunteer: undefined,
  };
}
