import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_TYPES, HOUR, MINUTE, type Envelope } from '@core';
import { defaultLimits } from '@backend/runtime/rate-limit';
import { supervisionWorld, type SupervisionWorld } from '../supervision/harness';

/*
 * Every write has a ceiling per person (backend/runtime/rate-limit.ts, docs/api.md "Rate limits"):
 * 120 attempts a minute and 1,200 an hour, accepted or refused, across all writes together. A person
 * tapping buttons never gets near either; a script flooding one action is cut off at the 121st.
 */

let w: SupervisionWorld;
beforeEach(async () => {
  w = await supervisionWorld(undefined, defaultLimits());
});
afterEach(() => w.close());

type Fn = Parameters<SupervisionWorld['raw']>[0];
interface Write {
  readonly fn: Fn;
  readonly user: string;
  readonly event: (i: number) => Record<string, unknown>;
}

const lifecycle = (action: string, role: string, user: string, input: Record<string, unknown>): Write => ({
  fn: 'orders',
  user,
  // An order that does not exist: each attempt is refused after the limiter has counted it.
  event: (i) => ({ action, role, orderId: 'o-no-such-order', version: 1, requestId: `${action}-flood-${i}`, input }),
});

const ROLE_OF: Record<string, [string, string]> = {
  resident: ['resident', 'demo-resident'],
  dispatcher: ['dispatcher', 'demo-dispatcher'],
  worker: ['worker', 'demo-worker'],
  supervisor: ['supervisor', 'demo-supervisor'],
};
/** Who may take each lifecycle action and a valid input for it (an independent copy of the table). */
const ACTIONS: Record<string, [keyof typeof ROLE_OF, Record<string, unknown>]> = {
  cancel: ['resident', { reason: '不需要了' }],
  urge: ['resident', {}],
  confirm: ['resident', { attitude: 5, timeliness: 4, quality: 5 }],
  rework: ['resident', { reason: '还在漏' }],
  complain: ['resident', { text: '太慢了' }],
  dispatch: ['dispatcher', { teamId: 't-general' }],
  reassign: ['dispatcher', { teamId: 't-general', reason: '换人' }],
  refuse: ['dispatcher', { reason: '不归物业管' }],
  accept: ['worker', {}],
  grab: ['worker', {}],
  decline: ['worker', { reason: '在外地' }],
  start: ['worker', {}],
  complete: ['worker', { notes: '已修好' }],
  instruct: ['supervisor', { text: '请今天办好', to: 'dispatcher' }],
  reopen: ['supervisor', { reason: '居民说没修好' }],
  reply: ['dispatcher', { seq: 2, text: '已安排' }],
  answer: ['supervisor', { seq: 2, text: '已督促' }],
  revisit: ['supervisor', { reached: true, satisfied: true }],
  reschedule: ['resident', { timeWindow: { from: Date.UTC(2026, 9, 6, 1), to: Date.UTC(2026, 9, 6, 3) } }],
  propose_time: ['worker', { timeWindow: { from: Date.UTC(2026, 9, 6, 1), to: Date.UTC(2026, 9, 6, 3) }, reason: '家中无人' }],
  accept_time: ['resident', {}],
  refuse_time: ['resident', {}],
  classify: ['dispatcher', { category: 'facility', level: 'normal' }],
  route: ['supervisor', { to: 'company' }],
  resolve: ['supervisor', { text: '已处理' }],
  unroute: ['supervisor', { reason: '不归该部门' }],
  me_too: ['resident', {}],
  follow: ['resident', {}],
  agenda_decide: ['supervisor', { decision: '由物业更换路灯', responsible: 'property', dueAt: Date.UTC(2026, 9, 6, 1) }],
};

/** Every state-changing call of every function, but uploads (tests/http/uploads.test.ts). */
const WRITES: Record<string, Write> = {
  ...Object.fromEntries(
    ACTION_TYPES.map((a) => {
      const [who, input] = ACTIONS[a]!;
      const [role, user] = ROLE_OF[who]!;
      return [`orders.${a}`, lifecycle(a, role, user, input)];
    }),
  ),
  'orders.create': {
    fn: 'orders',
    user: 'demo-resident',
    // Someone else's household: refused, but counted.
    event: (i) => ({
      action: 'create',
      requestId: `create-flood-${i}`,
      order: { serviceItemId: 's-meal', householdId: 'h-hp-a', description: '午餐', timeWindow: { from: w.now(), to: w.now() + HOUR } },
    }),
  },
  'session.setOnDuty': { fn: 'session', user: 'demo-worker', event: (i) => ({ action: 'setOnDuty', onDuty: i % 2 === 0 }) },
  'admin.updateSettings': { fn: 'admin', user: 'demo-admin', event: () => ({ action: 'updateSettings', role: 'admin', escalationMinutes: 30 }) },
  'admin.updateService': { fn: 'admin', user: 'demo-admin', event: () => ({ action: 'updateService', role: 'admin', serviceItemId: 's-meal', active: true }) },
  'statistics.publish': { fn: 'statistics', user: 'demo-supervisor', event: () => ({ action: 'publish', role: 'supervisor', month: '2026-09' }) },
  // Joining: counted per WeChat identity for newcomers, refused for want of what they name, but counted.
  'membership.apply': {
    fn: 'membership',
    user: 'newcomer-flood',
    event: () => ({
      action: 'apply',
      communityId: 'c-xingfuli',
      compoundId: 'cp-nowhere',
      buildingId: 'b-yg-1',
      door: '1',
      name: '某人',
      phone: '13700000000',
    }),
  },
  'membership.redeem': { fn: 'membership', user: 'newcomer-flood', event: () => ({ action: 'redeem', code: 'ABCDEFGH', name: '某人', phone: '13700000000' }) },
  'membership.leave': { fn: 'membership', user: 'demo-admin', event: () => ({ action: 'leave' }) },
  'membership.decide': { fn: 'membership', user: 'demo-admin', event: () => ({ action: 'decide', role: 'admin', applicationId: 'ap-none', approve: true }) },
  'membership.invite': { fn: 'membership', user: 'demo-admin', event: () => ({ action: 'invite', role: 'admin', memberRole: 'worker', teamId: 't-nowhere' }) },
  'membership.revokeInvitation': { fn: 'membership', user: 'demo-admin', event: () => ({ action: 'revokeInvitation', role: 'admin', code: 'ABCDEFGH' }) },
  'membership.revokeRole': {
    fn: 'membership',
    user: 'demo-admin',
    event: () => ({ action: 'revokeRole', role: 'admin', userId: 'nobody', memberRole: 'worker' }),
  },
  'grievances.create': {
    fn: 'grievances',
    user: 'demo-resident',
    // Someone else's household: refused, but counted.
    event: (i) => ({
      action: 'create',
      requestId: `grievance-flood-${i}`,
      grievance: { category: 'facility', householdId: 'h-hp-a', description: '路灯坏了' },
    }),
  },
  'grievances.saveDepartment': {
    fn: 'grievances',
    user: 'demo-admin',
    event: () => ({ action: 'saveDepartment', role: 'admin', departmentId: 'd-nowhere', name: '某部门' }),
  },
  'grievances.createMeeting': {
    fn: 'grievances',
    user: 'demo-supervisor',
    event: () => ({
      action: 'createMeeting',
      role: 'supervisor',
      compoundId: 'cp-nowhere',
      title: '圆桌会议',
      at: Date.UTC(2026, 9, 6, 6),
      place: '社区会议室',
      attendees: { street: '甲', neighbourhood: '乙', partyBranch: '丙', owners: '丁', property: '戊' },
    }),
  },
  'membership.pair': { fn: 'membership', user: 'demo-admin', event: () => ({ action: 'pair', role: 'admin', householdId: 'h-nowhere', memberId: null }) },
  'session.volunteer': { fn: 'session', user: 'demo-resident', event: () => ({ action: 'volunteer', skills: '电工', workplace: '某单位' }) },
  'notifications.markRead': { fn: 'notifications', user: 'demo-resident', event: () => ({ action: 'markRead', role: 'resident', orderId: null }) },
  'notifications.subscribe': { fn: 'notifications', user: 'demo-resident', event: () => ({ action: 'subscribe', templates: ['orderProgress'] }) },
  // Managing the community: refused for want of what they name, but counted.
  ...Object.fromEntries(
    (
      [
        ['saveCompany', { id: 'pc-nowhere', name: '某物业' }],
        ['saveCompound', { name: '某小区', companyId: 'pc-nowhere' }],
        ['saveBuilding', { compoundId: 'cp-nowhere', name: '某楼' }],
        ['saveHousehold', { buildingId: 'b-nowhere', door: '1', contactName: '某人', contactPhone: '13700000000' }],
        ['saveResident', { name: '某人', phone: '13700000000', householdIds: ['h-nowhere'] }],
        ['saveWorker', { id: 'nobody', skills: [], onDuty: true, maxOpenOrders: 3 }],
        ['saveTeam', { name: '某队', companyId: 'pc-nowhere', categories: ['repair'], memberIds: [], dispatchMode: 'pool' }],
        ['saveService', { id: 's-nowhere', name: '某服务', category: 'other', description: '', unit: '次', redPriceFen: 1, marketPriceFen: 2 }],
        ['retireService', { id: 's-nowhere' }],
        ['removeBuilding', { id: 'b-nowhere' }],
        ['removeHousehold', { id: 'h-nowhere' }],
        ['removeTeam', { id: 't-nowhere' }],
        ['importSheet', { fileName: 'x.csv', base64: '', dryRun: true }],
      ] as const
    ).map(([action, fields]) => [`manage.${action}`, { fn: 'manage', user: 'demo-admin', event: () => ({ action, role: 'admin', ...fields }) }]),
  ),
};

const codeOf = (reply: Envelope<unknown>) => (reply.ok ? 'ok' : reply.error.code);

describe('a ceiling on every write', () => {
  it('covers every lifecycle action of the table', () => {
    expect(ACTION_TYPES.filter((a) => !WRITES[`orders.${a}`])).toEqual([]);
  });

  it.each(Object.entries(WRITES))('refuses the 121st %s within a minute with 429, and takes it again a minute later', async (_name, write) => {
    for (let i = 0; i < 120; i++) expect(codeOf(await w.raw(write.fn, write.user, write.event(i)))).not.toBe('REQUEST.RATE_LIMITED');
    const refused = await w.raw(write.fn, write.user, write.event(120));
    expect(refused.ok ? null : refused.error.code).toBe('REQUEST.RATE_LIMITED');
    // Another person is not affected; the same one may go on after the minute.
    expect(codeOf(await w.raw('orders', 'demo-resident-2', WRITES['orders.complain']!.event(121)))).not.toBe('REQUEST.RATE_LIMITED');
    w.advance(MINUTE);
    expect(codeOf(await w.raw(write.fn, write.user, write.event(122)))).not.toBe('REQUEST.RATE_LIMITED');
  });

  it('counts all writes of a person together: 60 回访 and 60 督办 use up the minute', async () => {
    for (let i = 0; i < 60; i++) await w.raw('orders', 'demo-supervisor', WRITES['orders.revisit']!.event(i));
    for (let i = 0; i < 60; i++) await w.raw('orders', 'demo-supervisor', WRITES['orders.instruct']!.event(i));
    expect(codeOf(await w.raw('statistics', 'demo-supervisor', WRITES['statistics.publish']!.event(0)))).toBe('REQUEST.RATE_LIMITED');
  });

  it('refuses a script that stays under the minute once it reaches 1,200 writes within the hour', async () => {
    const write = WRITES['orders.complain']!;
    let sent = 0;
    for (let minute = 0; minute < 10; minute++) {
      for (let i = 0; i < 120; i++) expect(codeOf(await w.raw(write.fn, write.user, write.event(sent++)))).not.toBe('REQUEST.RATE_LIMITED');
      w.advance(MINUTE);
    }
    expect(codeOf(await w.raw(write.fn, write.user, write.event(sent++)))).toBe('REQUEST.RATE_LIMITED');
    w.advance(HOUR - 10 * MINUTE);
    expect(codeOf(await w.raw(write.fn, write.user, write.event(sent++)))).not.toBe('REQUEST.RATE_LIMITED');
  });

  it('never stops a busy dispatcher: 300 dispatches over a morning, one every 40 seconds', async () => {
    const write = WRITES['orders.dispatch']!;
    for (let i = 0; i < 300; i++) {
      expect(codeOf(await w.raw(write.fn, write.user, write.event(i)))).not.toBe('REQUEST.RATE_LIMITED');
      w.advance(40_000);
    }
  });
});
