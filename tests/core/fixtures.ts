import type { Actor, Order, Role, ServiceTeam, User, World } from '@core';

export const NOW = Date.UTC(2026, 10, 28, 8, 0, 0);
export const COMMUNITY = 'c1';

export const user = (id: string, roles: Role[], extra: Partial<User> = {}): User => ({
  id,
  openid: `openid-${id}`,
  communityId: COMMUNITY,
  name: id,
  phone: '13900000000',
  roles,
  householdIds: [],
  companyId: null,
  onDuty: true,
  maxOpenOrders: 3,
  ...extra,
});

export const resident = user('resident', ['resident'], { householdIds: ['h1'] });
export const worker = user('worker', ['worker']);
export const teammate = user('teammate', ['worker']);
export const dispatcher = user('dispatcher', ['dispatcher'], { companyId: 'pc1' });
export const supervisor = user('supervisor', ['supervisor']);
export const admin = user('admin', ['admin']);

export const team: ServiceTeam = { id: 't1', communityId: COMMUNITY, companyId: 'pc1', name: '综合队', categories: ['repair'], memberIds: ['worker', 'teammate'] };

/** Each role played by the person it naturally belongs to. */
export const ACTORS: Record<Role, Actor> = {
  resident: { user: resident, role: 'resident', teamIds: [] },
  worker: { user: worker, role: 'worker', teamIds: ['t1'] },
  dispatcher: { user: dispatcher, role: 'dispatcher', teamIds: [] },
  supervisor: { user: supervisor, role: 'supervisor', teamIds: [] },
  admin: { user: admin, role: 'admin', teamIds: [] },
};

export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 'o1',
    version: 1,
    communityId: COMMUNITY,
    compoundId: 'cp1',
    companyId: 'pc1',
    householdId: 'h1',
    createdBy: 'resident',
    serviceItemId: 's1',
    serviceName: '水电急修',
    category: 'repair',
    redPriceFen: 2000,
    marketPriceFen: 6000,
    unit: '次',
    description: '厨房水管漏水',
    timeWindow: { from: NOW, to: NOW + 3_600_000 },
    photos: [],
    contactName: '张秀兰',
    contactPhone: '13800001111',
    address: { compoundName: '阳光小区', buildingName: '1号楼', door: '2单元301' },
    state: 'pending_dispatch',
    assignment: null,
    createdAt: NOW - 3_600_000,
    updatedAt: NOW - 3_600_000,
    acceptedAt: null,
    firstAcceptedAt: null,
    sla: { dispatch: 120, accept: 60, start: 1440, complete: 4320, confirm: 4320 },
    clock: null,
    overdueStages: [],
    autoClosed: false,
    completion: null,
    rating: null,
    closedAt: null,
    lastUrgedAt: null,
    urgeCount: 0,
    reworkCount: 0,
    reopenCount: 0,
    instructions: [],
    complaints: [],
    returnVisits: [],
    lastReason: null,
    ...overrides,
  };
}

/** A world where every lookup finds the fixture team and people, and nobody is busy. */
export function world(actor: Actor, extra: Partial<World> = {}): World {
  const people = new Map([resident, worker, teammate, dispatcher, supervisor, admin].map((u) => [u.id, u]));
  return {
    now: NOW,
    actor,
    team: (id) => (id === team.id ? team : undefined),
    user: (id) => people.get(id),
    openOrders: () => 0,
    ...extra,
  };
}
