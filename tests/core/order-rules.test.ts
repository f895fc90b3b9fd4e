import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, decide, type OrderAction, type Order } from '@core';
import { ACTORS, NOW, order, teammate, world } from './fixtures';

const act = (o: Order, action: OrderAction, role: keyof typeof ACTORS, extra = {}) => decide(o, action, o.version, world(ACTORS[role], extra));
const codeOf = (r: ReturnType<typeof decide>) => (r.ok ? 'ok' : r.error.code);
const assigned = { mode: 'member', teamId: 't1', workerId: 'worker' } as const;

describe('every decision', () => {
  it('bumps the version by one and records one event whose seq is the new version', () => {
    const r = act(order({ version: 4 }), { type: 'dispatch', input: { teamId: 't1', workerId: null } }, 'dispatcher');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.order.version).toBe(5);
    expect(r.value.event).toMatchObject({
      seq: 5,
      action: 'dispatch',
      actorId: 'dispatcher',
      actorRole: 'dispatcher',
      from: 'pending_dispatch',
      to: 'pending_accept',
      at: NOW,
    });
  });

  it('refuses a stale version with ORDER.VERSION_CONFLICT and changes nothing', () => {
    const o = order({ version: 3 });
    const r = decide(o, { type: 'urge', input: {} }, 2, world(ACTORS.resident));
    expect(codeOf(r)).toBe('ORDER.VERSION_CONFLICT');
  });
});

describe('resident actions', () => {
  it('needs a reason to cancel once a worker has accepted', () => {
    const o = order({ state: 'accepted', assignment: assigned });
    expect(codeOf(act(o, { type: 'cancel', input: { reason: '' } }, 'resident'))).toBe('ORDER.REASON_REQUIRED');
    expect(codeOf(act(o, { type: 'cancel', input: { reason: '家里有人修好了' } }, 'resident'))).toBe('ok');
  });

  it('lets a resident cancel a waiting order without a reason', () => {
    expect(codeOf(act(order(), { type: 'cancel', input: { reason: '' } }, 'resident'))).toBe('ok');
  });

  it('allows one urge per 30 minutes and tells the handler', () => {
    const urged = order({ lastUrgedAt: NOW - 29 * MINUTE });
    expect(codeOf(act(urged, { type: 'urge', input: {} }, 'resident'))).toBe('ORDER.URGE_TOO_SOON');
    const r = act(order({ lastUrgedAt: NOW - 30 * MINUTE, urgeCount: 1 }), { type: 'urge', input: {} }, 'resident');
    expect(r.ok && r.value.order.urgeCount).toBe(2);
    expect(r.ok && r.value.effects[0]?.to).toEqual({ kind: 'company', companyId: 'pc1', communityId: 'c1' });
  });

  it('closes the order with the rating on confirm', () => {
    const rating = { attitude: 5, timeliness: 4, quality: 5, comment: '很好' };
    const r = act(order({ state: 'pending_confirm', assignment: assigned }), { type: 'confirm', input: rating }, 'resident');
    expect(r.ok && r.value.order).toMatchObject({ state: 'closed', rating, closedAt: NOW });
  });

  it('sends rework back to the same worker within 72 hours of completion, not after', () => {
    const done = (ago: number) => order({ state: 'closed', assignment: assigned, completion: { notes: '', photos: [], at: NOW - ago } });
    const r = act(done(71 * HOUR), { type: 'rework', input: { reason: '还在漏' } }, 'resident');
    expect(r.ok && r.value.order).toMatchObject({ state: 'accepted', assignment: assigned, reworkCount: 1, completion: null, rating: null });
    expect(codeOf(act(done(73 * HOUR), { type: 'rework', input: { reason: '还在漏' } }, 'resident'))).toBe('ORDER.REWORK_WINDOW_PASSED');
  });

  it("puts a complaint on the order and in the supervisors' queue", () => {
    const r = act(order(), { type: 'complain', input: { text: '等了很久' } }, 'resident');
    expect(r.ok && r.value.order.complaints).toEqual([{ seq: 2, text: '等了很久', at: NOW, answer: null }]);
    expect(r.ok && r.value.effects[0]?.to).toEqual({ kind: 'supervisors', communityId: 'c1' });
  });

  it("hides other households' orders from a resident", () => {
    expect(codeOf(act(order({ householdId: 'h2', createdBy: 'someone' }), { type: 'urge', input: {} }, 'resident'))).toBe('ORDER.NOT_FOUND');
  });
});

describe('dispatcher actions', () => {
  const dispatch = (workerId: string | null, extra = {}) => act(order(), { type: 'dispatch', input: { teamId: 't1', workerId } }, 'dispatcher', extra);

  it('dispatches to a team pool or to one on-duty member with room', () => {
    expect(dispatch(null).ok && dispatch(null)).toMatchObject({ value: { order: { state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } } } });
    expect(codeOf(dispatch('worker'))).toBe('ok');
  });

  it('refuses an unknown team, a non-member, an off-duty or a full worker', () => {
    expect(codeOf(act(order(), { type: 'dispatch', input: { teamId: 'nope', workerId: null } }, 'dispatcher'))).toBe('TEAM.NOT_FOUND');
    expect(codeOf(dispatch('resident'))).toBe('TEAM.NOT_MEMBER');
    expect(codeOf(dispatch('worker', { user: (id: string) => (id === 'worker' ? { ...ACTORS.worker.user, onDuty: false } : undefined) }))).toBe(
      'WORKER.OFF_DUTY',
    );
    expect(codeOf(dispatch('worker', { openOrders: () => 3 }))).toBe('WORKER.OVER_CAPACITY');
  });

  it('reassigns to someone else with a reason, recording the previous handler', () => {
    const o = order({ state: 'accepted', assignment: assigned, acceptedAt: NOW - HOUR });
    const same = act(o, { type: 'reassign', input: { teamId: 't1', workerId: 'worker', reason: '换人' } }, 'dispatcher');
    expect(codeOf(same)).toBe('ORDER.SAME_ASSIGNEE');
    const r = act(o, { type: 'reassign', input: { teamId: 't1', workerId: 'teammate', reason: '刘师傅请假' } }, 'dispatcher');
    expect(r.ok && r.value.order).toMatchObject({ state: 'pending_accept', assignment: { workerId: 'teammate' }, acceptedAt: null });
    expect(r.ok && r.value.event.payload).toMatchObject({ previous: assigned, reason: '刘师傅请假' });
  });

  it('refuses (退单) with a reason and a suggestion of where else to go, telling the resident', () => {
    const r = act(order(), { type: 'refuse', input: { reason: '不属于物业服务范围', redirect: '请联系供电公司95598' } }, 'dispatcher');
    expect(r.ok && r.value.order.state).toBe('refused');
    expect(r.ok && r.value.effects[0]).toMatchObject({ to: { kind: 'user', userId: 'resident' } });
  });
});

describe('worker actions', () => {
  const pool = order({ state: 'pending_accept', assignment: { mode: 'pool', teamId: 't1' } });

  it('grabs a pool order, which becomes theirs', () => {
    const r = act(pool, { type: 'grab', input: {} }, 'worker');
    expect(r.ok && r.value.order).toMatchObject({ state: 'accepted', assignment: assigned, acceptedAt: NOW });
  });

  it("answers a grab of a teammate's order as not found: the order alone cannot tell a lost race (lostGrabRace can)", () => {
    const taken = order({ state: 'accepted', assignment: { mode: 'member', teamId: 't1', workerId: 'teammate' } });
    expect(codeOf(act(taken, { type: 'grab', input: {} }, 'worker'))).toBe('ORDER.NOT_FOUND');
  });

  it('tells a worker that a pool order left the pool, rather than that someone took it', () => {
    const cancelled = order({ state: 'cancelled', assignment: { mode: 'pool', teamId: 't1' } });
    const r = act(cancelled, { type: 'grab', input: {} }, 'worker');
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(['ORDER.LEFT_POOL', '这单已不在抢单池中（可能已被取消）']);
  });

  it('cannot grab when off duty or at the cap', () => {
    const offDuty = { actor: { ...ACTORS.worker, user: { ...ACTORS.worker.user, onDuty: false } } };
    expect(codeOf(decide(pool, { type: 'grab', input: {} }, 1, world(ACTORS.worker, offDuty)))).toBe('GRAB.OFF_DUTY');
    expect(codeOf(act(pool, { type: 'grab', input: {} }, 'worker', { openOrders: () => 3 }))).toBe('GRAB.OVER_CAPACITY');
  });

  it('only the named worker accepts, starts and completes', () => {
    const other = { mode: 'member', teamId: 't1', workerId: teammate.id } as const;
    expect(codeOf(act(order({ state: 'pending_accept', assignment: other }), { type: 'accept', input: {} }, 'worker'))).toBe('ORDER.NOT_FOUND');
    expect(codeOf(act(order({ state: 'pending_accept', assignment: assigned }), { type: 'accept', input: {} }, 'worker'))).toBe('ok');
  });

  it('declines back to the dispatcher, never into limbo', () => {
    const r = act(order({ state: 'accepted', assignment: assigned }), { type: 'decline', input: { reason: '缺少配件' } }, 'worker');
    expect(r.ok && r.value.order).toMatchObject({ state: 'pending_dispatch', assignment: null, lastReason: '缺少配件' });
    expect(r.ok && r.value.effects[0]?.to).toEqual({ kind: 'company', companyId: 'pc1', communityId: 'c1' });
  });

  it('completes with notes and photos, waiting for the resident', () => {
    const r = act(
      order({ state: 'in_service', assignment: assigned }),
      { type: 'complete', input: { notes: '更换阀门', photos: ['cloud://a.jpg'] } },
      'worker',
    );
    expect(r.ok && r.value.order).toMatchObject({ state: 'pending_confirm', completion: { notes: '更换阀门', photos: ['cloud://a.jpg'], at: NOW } });
  });

  it('refuses to complete with a photo the worker did not upload, naming which one, and changes nothing', () => {
    const o = order({ state: 'in_service', assignment: assigned });
    const uploaded = (id: string) => id === 'mine.jpg';
    const r = act(o, { type: 'complete', input: { notes: '更换阀门', photos: ['mine.jpg', 'made-up.jpg'] } }, 'worker', { photoUploaded: uploaded });
    expect(r.ok ? null : r.error).toEqual({ code: 'FILE.NOT_FOUND', message: '图片不存在', details: { photos: '第2张照片找不到，请删掉后重新添加' } });
    expect(o).toMatchObject({ state: 'in_service', version: 1, completion: null });
    expect(codeOf(act(o, { type: 'complete', input: { notes: '更换阀门', photos: [] } }, 'worker', { photoUploaded: () => false }))).toBe('ok');
  });

  it('checks whose order it is and its state before it looks at the photos', () => {
    const complete: OrderAction = { type: 'complete', input: { notes: '更换阀门', photos: ['made-up.jpg'] } };
    const noPhotos = { photoUploaded: () => false };
    const teammates = order({ state: 'in_service', assignment: { mode: 'member', teamId: 't1', workerId: teammate.id } });
    expect(codeOf(act(teammates, complete, 'worker', noPhotos))).toBe('ORDER.NOT_FOUND');
    expect(codeOf(act(order({ state: 'accepted', assignment: assigned }), complete, 'worker', noPhotos))).toBe('ORDER.TRANSITION_NOT_ALLOWED');
  });
});

describe('supervisor actions', () => {
  it('records a 督办 instruction with its deadline on the order', () => {
    const r = act(order(), { type: 'instruct', input: { text: '请今天内处理', to: 'dispatcher', dueInHours: 4 } }, 'supervisor');
    expect(r.ok && r.value.order.instructions).toEqual([
      { seq: 2, text: '请今天内处理', to: 'dispatcher', dueAt: NOW + 4 * HOUR, at: NOW, by: 'supervisor', answer: null, overdue: false },
    ]);
  });

  it('cannot press a worker before the order has one', () => {
    expect(codeOf(act(order(), { type: 'instruct', input: { text: '快', to: 'worker', dueInHours: null } }, 'supervisor'))).toBe('INSTRUCTION.NOT_DISPATCHED');
  });

  it('reopens a closed order back to the dispatcher, clearing the old outcome', () => {
    const closed = order({ state: 'closed', assignment: assigned, rating: { attitude: 1, timeliness: 1, quality: 1, comment: '' }, closedAt: NOW });
    const r = act(closed, { type: 'reopen', input: { reason: '回访不满意' } }, 'supervisor');
    expect(r.ok && r.value.order).toMatchObject({ state: 'pending_dispatch', assignment: null, rating: null, closedAt: null, reopenCount: 1 });
  });

  it('records a return visit; an unreached resident has no satisfaction', () => {
    const r = act(order({ state: 'closed' }), { type: 'revisit', input: { reached: false, satisfied: true, notes: '无人接听' } }, 'supervisor');
    expect(r.ok && r.value.order.returnVisits[0]).toMatchObject({ reached: false, satisfied: null });
  });
});
