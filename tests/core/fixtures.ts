import type { Actor, Order, Role, ServiceTeam, User, World } from '@core';
import { orderFixture } from '../fixtures/order';
import { userFixture } from '../fixtures/user';

export const NOW = Date.UTC(2026, 10, 28, 8, 0, 0);
export const COMMUNITY = 'c1';

export const user = (id: string, roles: Role[], extra: Partial<User> = {}): User =>
  userFixture(id, COMMUNITY, roles, { phone: '13900000000', maxOpenOrders: 3, ...extra });

export const resident = user('resident', ['resident'], { householdIds: ['h1'] });
export const worker = user('worker', ['worker']);
export const teammate = user('teammate', ['worker']);
export const dispatcher = user('dispatcher', ['dispatcher'], { companyId: 'pc1' });
export const supervisor = user('supervisor', ['supervisor']);
export const admin = user('admin', ['admin']);

export const team: ServiceTeam = {
  id: 't1',
  communityId: COMMUNITY,
  companyId: 'pc1',
  name: '综合队',
  categories: ['repair'],
  memberIds: ['worker', 'teammate'],
};

/** Each role played by the person it naturally belongs to. */
export const ACTORS: Record<Role, Actor> = {
  resident: { user: resident, role: 'resident', teamIds: [] },
  worker: { user: worker, role: 'worker', teamIds: ['t1'] },
  dispatcher: { user: dispatcher, role: 'dispatcher', teamIds: [] },
  supervisor: { user: supervisor, role: 'supervisor', teamIds: [] },
  admin: { user: admin, role: 'admin', teamIds: [] },
  group_leader: {
    user: { ...resident, id: 'u-leader', roles: ['resident', 'group_leader'], householdIds: [], leads: ['b1'] },
    role: 'group_leader',
    teamIds: [],
    caresFor: ['h1'],
  },
};

/** An order placed an hour before NOW, waiting for dispatch. */
export const order = (overrides: Partial<Order> = {}): Order => orderFixture(NOW - 3_600_000, { timeWindow: { from: NOW, to: NOW + 3_600_000 }, ...overrides });

/** A world where every lookup finds the fixture team and people, nobody is busy, and every photo was uploaded. */
export function world(actor: Actor, extra: Partial<World> = {}): World {
  const people = new Map([resident, worker, teammate, dispatcher, supervisor, admin].map((u) => [u.id, u]));
  return {
    now: NOW,
    actor,
    team: (id) => (id === team.id ? team : undefined),
    user: (id) => people.get(id),
    openOrders: () => 0,
    photoUploaded: () => true,
    department: () => undefined,
    meeting: () => undefined,
    ...extra,
  };
}
