import { describe, expect, it } from 'vitest';
import { autoTeamFor, covers, hasRoom, rotationPick, routeFor, type ServiceTeam, type User } from '@core';

const worker = (id: string, fields: Partial<User> = {}): User => ({
  id,
  openid: id,
  communityId: 'c1',
  name: id,
  phone: '13800000000',
  roles: ['worker'],
  householdIds: [],
  companyId: null,
  onDuty: true,
  maxOpenOrders: 3,
  ...fields,
});
const team = (fields: Partial<ServiceTeam> = {}): ServiceTeam => ({
  id: 't1',
  communityId: 'c1',
  companyId: 'pc1',
  name: '维修队',
  categories: ['repair'],
  memberIds: ['w1', 'w2', 'w3'],
  dispatchMode: 'rotation',
  ...fields,
});
const order = { communityId: 'c1', companyId: 'pc1', category: 'repair' as const };

describe('which team takes a new order by itself', () => {
  it('is the 抢单 or 轮询 team serving its category for its company', () => {
    const teams = [team({ id: 'ta', dispatchMode: 'dispatcher' }), team({ id: 'tb', dispatchMode: 'pool' })];
    expect(autoTeamFor(teams, order)?.id).toBe('tb');
  });

  it.each([
    ['a team in 指派 mode (the dispatcher decides)', team({ dispatchMode: 'dispatcher' })],
    ['a team stored before dispatch modes existed', team({ dispatchMode: undefined })],
    ['a team of another company', team({ companyId: 'pc2' })],
    ['a team of another category', team({ categories: ['meal'] })],
    ['a team of another community', team({ communityId: 'c2' })],
  ])('is nobody when the only team is %s', (_name, t) => {
    expect(autoTeamFor([t], order)).toBeNull();
  });

  it('includes teams that serve every company', () => {
    expect(autoTeamFor([team({ companyId: null })], order)?.id).toBe('t1');
  });
});

describe('轮询: who gets the next order', () => {
  const members = [worker('w1'), worker('w2'), worker('w3')];
  const none = () => 0;

  it('moves one member on with each order when all hold as many', () => {
    const picks = [0, 1, 2, 3].map((turn) => rotationPick(team(), members, none, turn, 'repair')?.id);
    expect(picks).toEqual(['w1', 'w2', 'w3', 'w1']);
  });

  it('gives it to whoever holds the fewest open orders', () => {
    const open: Record<string, number> = { w1: 2, w2: 1, w3: 2 };
    expect(rotationPick(team(), members, (id) => open[id]!, 0, 'repair')?.id).toBe('w2');
  });

  it('skips members off duty, at their cap, or no longer workers', () => {
    const out = [worker('w1', { onDuty: false }), worker('w2', { maxOpenOrders: 1 }), worker('w3', { roles: ['resident'] })];
    expect(rotationPick(team(), out, (id) => (id === 'w2' ? 1 : 0), 0, 'repair')).toBeNull();
    expect(hasRoom(worker('w4'), 2)).toBe(true);
  });

  it('skips people who are not members of the team', () => {
    expect(rotationPick(team({ memberIds: ['w3'] }), members, none, 0, 'repair')?.id).toBe('w3');
  });

  it('rotates only among members whose skills cover the order’s kind of service', () => {
    const skilled = [worker('w1', { skills: ['cleaning'] }), worker('w2', { skills: ['repair', 'cleaning'] }), worker('w3', { skills: ['repair'] })];
    const picks = [0, 1, 2, 3].map((turn) => rotationPick(team(), skilled, none, turn, 'repair')?.id);
    expect(picks).toEqual(['w2', 'w3', 'w2', 'w3']);
    expect(rotationPick(team(), skilled, none, 0, 'cleaning')?.id).toBe('w1');
    expect(rotationPick(team(), skilled, none, 0, 'meal')).toBeNull();
  });

  it.each([
    ['skills never recorded', undefined, true],
    ['the kind among the skills', ['repair'] as const, true],
    ['other skills only', ['meal'] as const, false],
    ['an empty list of skills', [] as const, false],
  ])('counts %s as covering a repair: %s', (_label, skills, expected) => {
    expect(covers(worker('w1', skills === undefined ? {} : { skills: [...skills] }), 'repair')).toBe(expected);
  });
});

describe('the route a new order takes', () => {
  it('goes to the picked member in 轮询 mode', () => {
    expect(routeFor(team(), worker('w2'))).toEqual({ assignment: { mode: 'member', teamId: 't1', workerId: 'w2' }, mode: 'rotation' });
  });

  it('is none in 轮询 mode when nobody qualifies: the order is left to the dispatcher', () => {
    expect(routeFor(team(), null)).toBeNull();
  });

  it('goes to the pool in 抢单 mode', () => {
    expect(routeFor(team({ dispatchMode: 'pool' }), null)).toEqual({ assignment: { mode: 'pool', teamId: 't1' }, mode: 'pool' });
  });
});
