import { describe, expect, it } from 'vitest';
import { checkRedeemable, departed, grantRole, normalizeDoor, withoutRole, wouldLeaveNoAdmin, type Invitation, type User } from '@core';

const NOW = Date.UTC(2026, 9, 5, 1);
const invitation = (over: Partial<Invitation> = {}): Invitation => ({
  id: 'ABCDEFGH',
  communityId: 'c1',
  role: 'worker',
  companyId: null,
  teamId: 't1',
  expiresAt: NOW + 1000,
  maxUses: 1,
  uses: 0,
  revoked: false,
  createdBy: 'admin',
  createdAt: NOW - 1000,
  redeemedBy: [],
  ...over,
});
const user = (over: Partial<User> = {}): User => ({
  id: 'u1',
  openid: 'o1',
  communityId: 'c1',
  name: '钱多多',
  phone: '13700001234',
  roles: ['resident'],
  householdIds: ['h1'],
  companyId: null,
  onDuty: false,
  maxOpenOrders: 0,
  ...over,
});
const codeOf = (r: ReturnType<typeof checkRedeemable>) => (r.ok ? 'ok' : r.error.code);

describe('whether an invitation can be redeemed', () => {
  it.each([
    ['a fresh one, by a newcomer from its own link', invitation(), null, 'c1', 'ok'],
    ['a revoked one, even if also expired and used up', invitation({ revoked: true, expiresAt: NOW, uses: 1 }), null, null, 'INVITE.REVOKED'],
    ['one at its expiry moment', invitation({ expiresAt: NOW }), null, null, 'INVITE.EXPIRED'],
    ['one with every use spent', invitation({ uses: 1 }), null, null, 'INVITE.USED_UP'],
    ['one opened from a link naming another community', invitation(), null, 'c2', 'INVITE.WRONG_COMMUNITY'],
    ['one redeemed by a member of another community', invitation(), user({ communityId: 'c2' }), null, 'INVITE.WRONG_COMMUNITY'],
    ['one redeemed by a member of its community', invitation(), user(), null, 'ok'],
  ] as const)('%s', (_name, inv, who, link, expected) => {
    expect(codeOf(checkRedeemable(inv, who, link, NOW))).toBe(expected);
  });
});

describe('roles given and taken', () => {
  it('adds a role once, and a dispatcher gets the company', () => {
    expect(grantRole(user(), invitation()).roles).toEqual(['resident', 'worker']);
    expect(grantRole(user({ roles: ['worker'] }), invitation()).roles).toEqual(['worker']);
    expect(grantRole(user(), invitation({ role: 'dispatcher', companyId: 'pc1', teamId: null }))).toMatchObject({ companyId: 'pc1' });
  });

  it('takes a resident’s households and a dispatcher’s company with the role', () => {
    expect(withoutRole(user(), 'resident')).toMatchObject({ roles: [], householdIds: [] });
    expect(withoutRole(user({ roles: ['dispatcher', 'resident'], companyId: 'pc1' }), 'dispatcher')).toMatchObject({
      roles: ['resident'],
      companyId: null,
      householdIds: ['h1'],
    });
  });

  it('never leaves a community without an admin', () => {
    const admin = user({ id: 'a1', roles: ['admin'] });
    expect(wouldLeaveNoAdmin([admin, user()], admin, 'admin')).toBe(true);
    expect(wouldLeaveNoAdmin([admin, user()], admin, 'all')).toBe(true);
    expect(wouldLeaveNoAdmin([admin, user({ id: 'a2', roles: ['admin'] })], admin, 'admin')).toBe(false);
    expect(wouldLeaveNoAdmin([admin], user(), 'all')).toBe(false);
  });
});

describe('what stays of someone who left', () => {
  it('keeps the id and erases what identified them', () => {
    expect(departed(user({ roles: ['worker'], onDuty: true }))).toEqual({
      ...user(),
      openid: '',
      name: '已退出的用户',
      phone: '',
      roles: [],
      householdIds: [],
      companyId: null,
      onDuty: false,
      // Their place in the party grid goes too: pairings, buildings led, the volunteer's 报到.
      caresFor: [],
      leads: [],
      volunteer: undefined,
    });
  });
});

describe('doors as typed', () => {
  it.each([
    ['3单元502', '3单元502'],
    [' 3 单元 502 ', '3单元502'],
    ['３单元５０２', '3单元502'],
    ['2单元301a', '2单元301A'],
  ])('reads %j as %j', (typed, door) => {
    expect(normalizeDoor(typed)).toBe(door);
  });
});
