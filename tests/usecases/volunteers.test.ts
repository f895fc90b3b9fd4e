import { describe, expect, it } from 'vitest';
import type { ServiceItem, ServiceTeam } from '@core';
import { useSupervisionWorld } from '../supervision/harness';
import { readWorkbook } from '../supervision/read-workbook';

/**
 * 在职党员报到: 李建国 (demo-resident-2), a party member who works at the power company, registers with
 * 幸福里 where he lives; he serves a free 志愿服务 visit through the ordinary lifecycle and his hours
 * are recorded for the supervisor's monthly record.
 */
const w = useSupervisionWorld();
const MINUTE = 60_000;

const volunteerTeam: ServiceTeam = {
  id: 't-volunteer',
  communityId: 'c-xingfuli',
  companyId: null,
  name: '党员志愿服务队',
  categories: ['companion', 'other'],
  memberIds: [],
  volunteer: true,
};
const visit: ServiceItem = {
  id: 's-visit',
  communityId: 'c-xingfuli',
  name: '志愿探访',
  category: 'companion',
  description: '陪老人聊天、读报',
  redPriceFen: 0,
  marketPriceFen: 0,
  unit: '次',
  deadlines: null,
  active: true,
  payment: 'free',
  volunteer: true,
};

async function setUp() {
  await w.store.putRefs('teams', [volunteerTeam]);
  await w.store.putRefs('serviceItems', [visit]);
  return w.call('session', 'demo-resident-2', { action: 'volunteer', skills: '陪老人聊天，修小电器', workplace: '市供电公司' });
}

/** A 志愿服务 visit dispatched to 李建国 and served for `minutes` on site. */
async function served(minutes: number) {
  const id = await w.place('s-visit', 'demo-resident', 'h-yg-a');
  await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-volunteer', workerId: 'demo-resident-2' });
  await w.act('demo-resident-2', 'worker', id, 'accept');
  await w.act('demo-resident-2', 'worker', id, 'start');
  w.advance(minutes * MINUTE);
  return (await w.act('demo-resident-2', 'worker', id, 'complete', { notes: '陪王大爷聊了天' })).order;
}

describe('在职党员报到', () => {
  it('makes the party member a worker of the volunteer team, keeping their resident role', async () => {
    const session = await setUp();
    expect(session.user).toMatchObject({ roles: ['resident', 'worker'], volunteer: { skills: '陪老人聊天，修小电器', workplace: '市供电公司' } });
    expect(session.teams).toEqual([{ id: 't-volunteer', name: '党员志愿服务队' }]);
    const audit = await w.call('membership', 'demo-admin', { action: 'audit', role: 'admin' });
    expect(audit.items[0]).toMatchObject({ what: 'volunteer.registered', subject: '李建国' });
  });

  it('marks the order 志愿服务 and records the hours on site, to the half hour', async () => {
    await setUp();
    const order = await served(100);
    expect(order).toMatchObject({ volunteer: true, redPriceFen: 0, state: 'pending_confirm', volunteerHours: 1.5 });
    const events = await w.store.listEvents(order.id);
    expect(events.at(-1)!.payload).toMatchObject({ hours: 1.5 });
  });

  it('records no hours on an ordinary order', async () => {
    await setUp();
    const id = await w.place('s-repair', 'demo-resident', 'h-yg-a');
    await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    await w.act('demo-worker', 'worker', id, 'accept');
    await w.act('demo-worker', 'worker', id, 'start');
    const { order } = await w.act('demo-worker', 'worker', id, 'complete', { notes: '好了' });
    expect(order.volunteer).toBe(false);
    expect(order.volunteerHours).toBeNull();
  });
});

describe("the supervisor's record of volunteer hours", () => {
  it('sums each volunteer’s hours in the month of completion, and exports them as XLSX', async () => {
    await setUp();
    await served(60);
    await served(150);
    const month = new Date(w.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const { items } = await w.call('statistics', 'demo-supervisor', { action: 'volunteers', role: 'supervisor', month });
    expect(items).toEqual([{ userId: 'demo-resident-2', name: '李建国', skills: '陪老人聊天，修小电器', workplace: '市供电公司', orders: 2, hours: 3.5 }]);
    const other = await w.call('statistics', 'demo-supervisor', { action: 'volunteers', role: 'supervisor', month: '2026-01' });
    expect(other.items[0]).toMatchObject({ orders: 0, hours: 0 });

    const file = await w.call('statistics', 'demo-supervisor', { action: 'exportVolunteers', role: 'supervisor', month });
    expect(file.filename).toBe(`志愿服务时长-${month}.xlsx`);
    const book = readWorkbook(Buffer.from(file.base64, 'base64'));
    expect(book.cells(`${month}志愿服务时长`).map((row) => row.map((c) => c.v))).toEqual([
      ['姓名', '工作单位', '服务特长', '服务单数', '服务时长（小时）'],
      ['李建国', '市供电公司', '陪老人聊天，修小电器', 2, 3.5],
    ]);
  });

  it('is the supervisor’s alone', async () => {
    const reply = await w.raw('statistics', 'demo-admin', { action: 'volunteers', role: 'admin', month: '2026-10' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
