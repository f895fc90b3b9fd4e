import type { Actor } from './actor';
import type { Household, User } from './community';
import type { Order } from './order';

/**
 * The party grid of seed 002: 社区党总支 → 小区党支部 (Compound.branchName) → 楼栋党小组 (a building's
 * group leader, User.leads) → 党员中心户 (a party member, User.caresFor) → 联户群众 (the households
 * they are paired with, 结对认亲). Orders are followed and may be placed along it (代办制, seed 003).
 */

/** How someone ordering for a household stands to it when it is not their own home. */
export const PROXY_RELATIONS = ['party_member', 'grid', 'relative'] as const;
export type ProxyRelation = (typeof PROXY_RELATIONS)[number];

export const PROXY_LABELS: Readonly<Record<ProxyRelation, string>> = {
  party_member: '结对党员',
  grid: '楼栋党小组长',
  relative: '亲友',
};

/** Orders placed on someone's behalf (代下单) in a period, per relation of whoever placed them, and how many of those a proxy also confirmed (代居民确认). */
export type OnBehalfCounts = Readonly<Record<ProxyRelation, { readonly orders: number; readonly confirmed: number }>>;
/** No order placed on anyone's behalf. */
export const noOnBehalf = (): OnBehalfCounts => Object.fromEntries(PROXY_RELATIONS.map((r) => [r, { orders: 0, confirmed: 0 }])) as unknown as OnBehalfCounts;

/** Who placed an order for someone else (代下单): recorded on the order, shown to everyone who reads it. */
export interface OrderProxy {
  readonly userId: string;
  readonly name: string;
  readonly relation: ProxyRelation;
}

/** The party member responsible for a household (结对), as the order shows them. */
export interface ResponsibleMember {
  readonly userId: string;
  readonly name: string;
}

/** Households paired with a party member: their own list, none on users stored before the grid. */
export const pairedWith = (user: Pick<User, 'caresFor'>): readonly string[] => user.caresFor ?? [];
/** Buildings a group leader leads. */
export const ledBuildings = (user: Pick<User, 'leads' | 'roles'>): readonly string[] => (user.roles.includes('group_leader') ? (user.leads ?? []) : []);

/**
 * How `user` stands to `household`: their own home (in their households and their phone is its
 * contact's), or ordering for it as its paired party member, as the group leader of its building, or
 * as a bound relative (one of their households with someone else's phone); null: none of these.
 * The paired party member comes first: that is who the grid holds responsible.
 */
export function relationTo(user: User, household: Household): 'own' | ProxyRelation | null {
  const bound = user.householdIds.includes(household.id);
  if (bound && user.phone === household.contactPhone) return 'own';
  if (pairedWith(user).includes(household.id)) return 'party_member';
  if (ledBuildings(user).includes(household.buildingId)) return 'grid';
  return bound ? 'relative' : null;
}

/** The party member paired with a household, if any: the one user of the community whose caresFor names it. */
export function responsibleFor(householdId: string, members: readonly User[]): User | undefined {
  return members.find((u) => u.openid !== '' && pairedWith(u).includes(householdId));
}

/**
 * The users after pairing `householdId` with `member` (null: unpairing it): it leaves whoever had it,
 * since a household has one responsible party member. Only the users that changed are returned.
 */
export function pairHousehold(members: readonly User[], householdId: string, member: User | null): User[] {
  const changed: User[] = [];
  for (const u of members) {
    const had = pairedWith(u).includes(householdId);
    const wants = member !== null && u.id === member.id;
    if (had === wants) continue;
    changed.push({ ...u, caresFor: wants ? [...pairedWith(u), householdId] : pairedWith(u).filter((h) => h !== householdId) });
  }
  return changed;
}

/** Whether the actor may arrange the grid of a building: the admin anywhere, a group leader in the buildings they lead. */
export const mayArrange = (actor: Actor, buildingId: string): boolean =>
  actor.role === 'admin' || (actor.role === 'group_leader' && ledBuildings(actor.user).includes(buildingId));

/**
 * Whether the actor confirms or rates this order for the resident rather than as the resident: they
 * placed it for someone else, or they are not of the household (a paired party member, a group leader).
 */
export const actsOnBehalf = (actor: Actor, order: Pick<Order, 'householdId' | 'proxy'>): boolean =>
  order.proxy?.userId === actor.user.id || !actor.user.householdIds.includes(order.householdId);

/** One household on the grid page: its door and contact, and the party member paired with it. */
export interface GridHousehold {
  readonly id: string;
  readonly door: string;
  readonly contactName: string;
  readonly partyMember: ResponsibleMember | null;
}

/** One building as the admin or its group leader arranges it. */
export interface GridBuilding {
  readonly id: string;
  readonly name: string;
  readonly compoundName: string;
  /** 小区党支部, when the compound has one named. */
  readonly branchName: string | null;
  /** Its 楼栋党小组长(s), by name. */
  readonly leaders: readonly string[];
  readonly households: readonly GridHousehold[];
}

/** The grid page: the buildings the caller arranges, and the residents who may be paired as 党员中心户. */
export interface GridView {
  readonly buildings: readonly GridBuilding[];
  readonly members: readonly { readonly id: string; readonly name: string }[];
}
