import type { Millis, ServiceTeam, User } from './community';
import type { Role } from './roles';

/** The caller of an action: a person acting in one of the roles they hold. */
export interface Actor {
  readonly user: User;
  readonly role: Role;
  /** Service teams the user belongs to (for workers: whose pool they see). */
  readonly teamIds: readonly string[];
}

/** What every rule may read: who acts, and when. Enough to decide which buttons show. */
export interface Who {
  readonly now: Millis;
  readonly actor: Actor;
}

/** Lookups an action may need beyond the order, preloaded by the caller so the core stays pure. */
export interface World extends Who {
  readonly team: (id: string) => ServiceTeam | undefined;
  readonly user: (id: string) => User | undefined;
  /** Orders a worker holds now (assigned to them and not yet completed). */
  readonly openOrders: (workerId: string) => number;
  /** Whether a file id names a photo the actor uploaded, so may put on an order. */
  readonly photoUploaded: (fileId: string) => boolean;
}
