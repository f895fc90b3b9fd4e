import { describe, expect, it } from 'vitest';
import { CONTRACT, checkRequest, contractOf } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';

/** Every function and action of the product and who may call it, written out by hand from the product brief. */
const EXPECTED: Readonly<Record<string, Readonly<Record<string, 'public' | 'identity' | 'user' | 'role'>>>> = {
  session: { whoami: 'user', setOnDuty: 'user', volunteer: 'user' },
  catalog: { list: 'user' },
  orders: {
    create: 'user',
    list: 'role',
    get: 'role',
    ...Object.fromEntries(
      [
        'cancel',
        'urge',
        'confirm',
        'rework',
        'complain',
        'dispatch',
        'reassign',
        'refuse',
        'accept',
        'grab',
        'decline',
        'start',
        'complete',
        'instruct',
        'reopen',
        'reply',
        'answer',
        'revisit',
        'reschedule',
        'propose_time',
        'accept_time',
        'refuse_time',
        'classify',
        'route',
        'resolve',
        'unroute',
        'me_too',
        'follow',
        'agenda_decide',
      ].map((a) => [a, 'role' as const]),
    ),
  },
  teams: { list: 'role' },
  notifications: { list: 'role', inbox: 'role', unread: 'role', markRead: 'role', subscribe: 'user', sendings: 'user' },
  statistics: { board: 'role', public: 'public', assessment: 'role', publish: 'role', export: 'role', volunteers: 'role', exportVolunteers: 'role' },
  admin: { settings: 'role', updateSettings: 'role', updateService: 'role' },
  grievances: {
    create: 'user',
    board: 'role',
    departments: 'role',
    saveDepartment: 'role',
    meetings: 'role',
    createMeeting: 'role',
    minutes: 'role',
    exportMinutes: 'role',
    stats: 'role',
  },
  membership: {
    places: 'identity',
    status: 'identity',
    apply: 'identity',
    redeem: 'identity',
    leave: 'user',
    applications: 'role',
    decide: 'role',
    invite: 'role',
    invitations: 'role',
    revokeInvitation: 'role',
    members: 'role',
    revokeRole: 'role',
    audit: 'role',
    grid: 'role',
    pair: 'role',
  },
  manage: {
    overview: 'role',
    saveCompany: 'role',
    saveCompound: 'role',
    saveBuilding: 'role',
    saveHousehold: 'role',
    saveResident: 'role',
    saveWorker: 'role',
    saveTeam: 'role',
    saveService: 'role',
    retireService: 'role',
    removeBuilding: 'role',
    removeHousehold: 'role',
    removeTeam: 'role',
    importSheet: 'role',
    exportSheet: 'role',
  },
};

describe('the contract', () => {
  it('declares every function and action of the product, each with its access, and nothing else', () => {
    const declared = Object.fromEntries(
      Object.entries(CONTRACT).map(([fn, actions]) => [fn, Object.fromEntries(Object.entries(actions).map(([a, c]) => [a, c.access]))]),
    );
    expect(declared).toEqual(EXPECTED);
  });

  it('is what the mounted functions serve', () => {
    expect(Object.keys(FUNCTIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('finds no action under an inherited name', () => {
    expect(contractOf('orders', 'constructor')).toBeUndefined();
    expect(contractOf('__proto__', 'list')).toBeUndefined();
  });

  it('lets a form check a request as the handler will, every problem under its path', () => {
    const r = checkRequest('admin', 'updateSettings', { role: 'admin', weights: { response: 30, resolution: 0.35, satisfaction: -1 }, escalationMinutes: 1 });
    expect(r.ok ? null : r.error.details).toEqual({
      'weights.response': '应为0到1之间的数',
      'weights.satisfaction': '应为0到1之间的数',
      escalationMinutes: '应为5到10080之间的整数',
    });
    expect(checkRequest('orders', 'list', { role: 'worker', filter: null, cursor: null }).ok).toBe(true);
  });
});
