import type { Building, Community, Compound, Household, PropertyCompany, ServiceTeam, StageDeadlines } from '@core';
import type { Store } from '@backend/storage/port';
import { userFixture } from '../../fixtures/user';
import { serviceItemFixture } from '../../fixtures/service-item';

/**
 * Two communities served by the same two property companies, with one person per role in each,
 * and a second resident, dispatcher and worker in community A to own the "other" orders.
 * Community A is where every actor of the matrix lives.
 */
export const A = 'c-a';
export const B = 'c-b';
const SLA: StageDeadlines = { dispatch: 120, accept: 60, start: 1440, complete: 4320, confirm: 4320 };

const community = (id: string): Community => ({
  id,
  name: `${id}社区`,
  secretaryUserId: null,
  settings: { defaultDeadlines: SLA, weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 }, escalationMinutes: 120 },
});
const companies: PropertyCompany[] = [
  { id: 'pc-1', name: '一号物业' },
  { id: 'pc-2', name: '二号物业' },
];
/** Compound <community>-<company>: cp-a1 is community A served by pc-1. */
const compound = (c: string, n: 1 | 2): Compound => ({ id: `cp-${c.slice(2)}${n}`, communityId: c, name: `${c}小区${n}`, companyId: `pc-${n}` });
const building = (cp: Compound): Building => ({ id: `b-${cp.id}`, compoundId: cp.id, name: '1号楼' });
const household = (id: string, cp: Compound): Household => ({
  id,
  communityId: cp.communityId,
  compoundId: cp.id,
  buildingId: `b-${cp.id}`,
  door: '1单元101',
  contactName: '住户',
  contactPhone: '13800009999',
});

const compounds = [compound(A, 1), compound(A, 2), compound(B, 1), compound(B, 2)];
const [cpA1, cpA2, cpB1, cpB2] = compounds as [Compound, Compound, Compound, Compound];
const households = [household('h-a1', cpA1), household('h-a2', cpA1), household('h-a3', cpA2), household('h-b1', cpB1), household('h-b2', cpB2)];

export const USERS = {
  resident: userFixture('r-a', A, ['resident'], { householdIds: ['h-a1'] }),
  otherResident: userFixture('r-a2', A, ['resident'], { householdIds: ['h-a2'] }),
  dispatcher: userFixture('d-a', A, ['dispatcher'], { companyId: 'pc-1' }),
  otherDispatcher: userFixture('d-a2', A, ['dispatcher'], { companyId: 'pc-2' }),
  worker: userFixture('w-a', A, ['worker']),
  otherWorker: userFixture('w-a2', A, ['worker']),
  supervisor: userFixture('s-a', A, ['supervisor']),
  admin: userFixture('ad-a', A, ['admin']),
  // 楼栋党小组长 of cp-a1's building (h-a1 and h-a2): follows its orders, acts on none.
  leader: userFixture('gl-a', A, ['group_leader'], { leads: ['b-cp-a1'] }),
  residentB: userFixture('r-b', B, ['resident'], { householdIds: ['h-b1'] }),
  dispatcherB: userFixture('d-b', B, ['dispatcher'], { companyId: 'pc-1' }),
  workerB: userFixture('w-b', B, ['worker']),
  supervisorB: userFixture('s-b', B, ['supervisor']),
} as const;

const teams: ServiceTeam[] = [
  { id: 't-a1', communityId: A, companyId: 'pc-1', name: '甲一队', categories: ['repair'], memberIds: ['w-a'] },
  { id: 't-a2', communityId: A, companyId: 'pc-1', name: '甲二队', categories: ['repair'], memberIds: ['w-a2'] },
  { id: 't-b1', communityId: B, companyId: 'pc-1', name: '乙一队', categories: ['repair'], memberIds: ['w-b'] },
];

/** Writes the cast into a store. */
export async function seedCast(store: Store): Promise<void> {
  await store.putRefs('communities', [community(A), community(B)]);
  await store.putRefs('companies', companies);
  await store.putRefs('compounds', compounds);
  await store.putRefs('buildings', compounds.map(building));
  await store.putRefs('households', households);
  await store.putRefs('users', Object.values(USERS));
  await store.putRefs('teams', teams);
  await store.putRefs('serviceItems', [serviceItemFixture('s-a', A), serviceItemFixture('s-b', B)]);
}

export const CAST = { cpA1, cpA2, cpB1, cpB2, SLA };
