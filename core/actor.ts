import type { Millis, ServiceTeam, User } from './community';
import type { Department, Meeting } from './grievance';
import type { Role } from './roles';

/** The caller of an action: a person acting in one of the roles they hold. */
export interface Actor {
  readonly user: User;
  readonly role: Role;
  /** Service teams the user belongs to (for workers: whose pool they see). */
  readonly teamIds: readonly string[];
  /**
   * Households the user orders for and follows without living there: those paired with them (结对)
   * and, for a group leader, those of the buildings they lead (core/party-grid.ts). Loaded by the caller.
   */
  readonly caresFor?: readonly string[];
}

/** What every rule may read: who acts, and when. Enough to decide which buttons show. */
export interface Who {
  readonly now: Millis;
  readonly actor: Actor;
}

/**
 * Lookups an action may need beyond the order, preloaded by the caller so the core stays pure. Each
 * rule declares which of them it reads (`Rule.needs`); the use case loads exactly those.
 */
export interface WorldParts {
  /** A team the action names (dispatch, reassign). */
  readonly team: (id: string) => ServiceTeam | undefined;
  /** A worker the action names (dispatch, reassign). */
  readonly user: (id: string) => User | undefined;
  /** Orders a worker holds now (assigned to them and not yet completed). */
  readonly openOrders: (workerId: string) => number;
  /** Whether a file id names a photo the actor uploaded, so may put on an order. */
  readonly photoUploaded: (fileId: string) => boolean;
  /** The outside department a 诉求 is routed to. */
  readonly department: (id: string) => Department | undefined;
  /** The roundtable meeting a 诉求 is put before. */
  readonly meeting: (id: string) => Meeting | undefined;
}

/** One kind of data a rule may need loaded. */
export type Need = keyof WorldParts;

/** What a rule that declared `N` may read: who acts, when, and the lookups it asked for (all of them by default). */
export type World<N extends Need = Need> = Who & Pick<WorldParts, N>;
