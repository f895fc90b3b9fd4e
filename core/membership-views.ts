import type { Millis } from './community';
import type { ApplicationState, InvitableRole } from './membership';
import type { Role } from './roles';

/** Where a newcomer may apply: the communities, and the compounds and buildings of the chosen one. */
export interface JoinPlaces {
  readonly communities: readonly { readonly id: string; readonly name: string }[];
  readonly communityId: string | null;
  readonly compounds: readonly { readonly id: string; readonly name: string }[];
  readonly buildings: readonly { readonly id: string; readonly compoundId: string; readonly name: string }[];
}

/** An application as its applicant and the admin read it. */
export interface ApplicationView {
  readonly id: string;
  readonly communityName: string;
  /** 小区 + 楼栋 + door, as an address reads. */
  readonly address: string;
  readonly name: string;
  readonly phone: string;
  readonly state: ApplicationState;
  readonly reason: string | null;
  readonly createdAt: Millis;
  readonly decidedAt: Millis | null;
}

/** What the join page shows: whether this WeChat user is a member yet, and their applications. */
export interface JoinStatus {
  readonly member: { readonly name: string; readonly roles: readonly Role[]; readonly communityName: string } | null;
  readonly applications: readonly ApplicationView[];
}

/** An invitation as the admin manages it, with the code, the path and the QR scene to hand out. */
export interface InvitationView {
  readonly code: string;
  readonly role: InvitableRole;
  /** The team's or company's name, when the role has a scope. */
  readonly scope: string | null;
  readonly expiresAt: Millis;
  readonly maxUses: number;
  readonly uses: number;
  readonly revoked: boolean;
  /** 有效 / 已撤销 / 已过期 / 已用完, computed at the time of the reply. */
  readonly status: 'active' | 'revoked' | 'expired' | 'used-up';
  readonly path: string;
  readonly scene: string;
  readonly createdAt: Millis;
}

/** A member of the community and the roles they hold, for the admin. */
export interface MemberView {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  readonly roles: readonly Role[];
}

/** What an invitation may be scoped to: the community's teams (workers) and the companies serving it (dispatchers). */
export interface InvitationScopes {
  readonly teams: readonly { readonly id: string; readonly name: string }[];
  readonly companies: readonly { readonly id: string; readonly name: string }[];
  /** Buildings a 楼栋党小组长 may be invited to lead, named with their compound; absent from older servers. */
  readonly buildings?: readonly { readonly id: string; readonly name: string }[];
}
