import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, ZERO_SUMS, addFacts, groupKey, orderFacts, orderIndex, GROUP_BYS, type MetricSums, type Order } from '@core';
import { DEMO_DATA } from '@backend/server/demo-data';
import { useSupervisionWorld } from './harness';
import { serveOrder, type Serving } from './served-order';

const w = useSupervisionWorld(Date.UTC(2026, 9, 5, 1, 0)); // 2026-10-05, China time morning

const served = (stars: number, serving?: Serving) => serveOrder(w, stars, serving);

describe('the supervisor board', () => {
  it('shows the three rates of the month, computed as docs/metrics.md defines them', async () => {
    await served(5);
    await served(5);
    await served(2);
    const refused = await w.place('s-repair');
    await w.act('demo-dispatcher', 'dispatcher', refused, 'refuse', { reason: '不属于物业维修范围' });
    const board = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month: '2026-10' });
    expect(board.overall).toMatchObject({ orders: 4, responseRate: 3 / 4, resolutionRate: 3 / 4, satisfactionRate: 2 / 3 });
    expect(board.teams).toHaveLength(1);
    expect(board.teams[0]).toMatchObject({ name: '综合维修服务队', rank: null }); // 3 orders: too few to rank
    expect(board.trend.map((t: { key: string }) => t.key)).toEqual(['2026-10-05']);
    expect(board.workers).toEqual([
      expect.objectContaining({ key: 'demo-worker', name: '刘师傅', rates: expect.objectContaining({ orders: 3, satisfactionRate: 2 / 3 }) }),
    ]);
  });

  it('gives the admin the figures and counts but no order: no name, no phone, no health-related description', async () => {
    await served(5);
    const waiting = await w.call('orders', 'demo-resident', {
      action: 'create',
      order: { serviceItemId: 's-homecare', householdId: 'h-yg-a', description: '上门助浴，老人腿脚不便', timeWindow: { from: w.now(), to: w.now() + HOUR } },
    });
    const supervisor = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month: null });
    expect(supervisor.queues.waiting.map((o: { id: string }) => o.id)).toContain(waiting.order.id);

    const admin = await w.call('statistics', 'demo-admin', { action: 'board', role: 'admin', month: null });
    expect(admin.overall).toEqual(supervisor.overall);
    expect(admin.counts).toEqual(supervisor.counts);
    expect(admin.queues).toEqual({ waiting: [], overdue: [], escalated: [], complaints: [], instructions: [] });
    const text = JSON.stringify(admin);
    for (const secret of ['上门助浴', '厨房水管漏水', '张秀兰', '13800001111', '2单元301', waiting.order.id]) expect(text).not.toContain(secret);
  });

  it("is the supervisors' and admin's alone", async () => {
    const reply = await w.raw('statistics', 'demo-dispatcher', { action: 'board', role: 'dispatcher' });
    expect(reply.ok ? null : reply.error.code).toBe('AUTH.FORBIDDEN');
  });
});

describe('the public 晾晒 board', () => {
  it('needs no login and holds no personal data at all', async () => {
    await served(5);
    await served(4, { worker: 'demo-worker-2', team: 't-elder' });
    const reply = await w.raw('statistics', null, { action: 'public', communityId: 'c-xingfuli', month: '2026-10' });
    expect(reply.ok).toBe(true);
    const text = JSON.stringify(reply);
    for (const u of DEMO_DATA.users) {
      expect(text).not.toContain(u.name);
      expect(text).not.toContain(u.phone);
      expect(text).not.toContain(u.id);
    }
    for (const h of DEMO_DATA.households) {
      expect(text).not.toContain(h.door);
      expect(text).not.toContain(h.contactName);
    }
    expect(text).toContain('综合维修服务队');
    expect(text).toContain('阳光小区');
  });
});

describe('the monthly 考核', () => {
  it("exports CSV and XLSX with Chinese headers and the month's rows", async () => {
    await served(5);
    const csv = await w.call('statistics', 'demo-supervisor', { action: 'export', role: 'supervisor', month: '2026-10', format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(csv.filename).toBe('考核-2026-10-草稿.csv');
    expect(text.split('\r\n')[0]).toBe('\uFEFF类型,名称,工单数,响应率,解决率,满意率,平均办理时长(小时),超时工单,综合得分,排名');
    expect(text).toContain('服务队,综合维修服务队,1,100.0%,100.0%,100.0%');
    expect(text).toContain('物业公司,红心物业服务有限公司,1');
    const xlsx = await w.call('statistics', 'demo-supervisor', { action: 'export', role: 'supervisor', month: '2026-10', format: 'xlsx' });
    const bytes = Buffer.from(xlsx.base64, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.mime).toContain('spreadsheetml');
  });

  it('freezes a published month: later changes do not alter it, and it cannot be published twice', async () => {
    await served(5);
    const early = await w.raw('statistics', 'demo-supervisor', { action: 'publish', role: 'supervisor', month: '2026-10' });
    expect(early.ok ? null : early.error.code).toBe('ASSESSMENT.MONTH_NOT_OVER');
    w.advance(30 * 24 * HOUR); // into November
    const published = await w.call('statistics', 'demo-supervisor', { action: 'publish', role: 'supervisor', month: '2026-10' });
    expect(published.publishedBy).toBe('demo-supervisor');
    // An October order reopened in November would change live figures, not the published report.
    const october = (await w.store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 1 })).items[0]!;
    await w.act('demo-supervisor', 'supervisor', october.id, 'reopen', { reason: '回访不满意' });
    const again = await w.call('statistics', 'demo-supervisor', { action: 'assessment', role: 'supervisor', month: '2026-10' });
    expect(again).toEqual(published);
    const twice = await w.raw('statistics', 'demo-supervisor', { action: 'publish', role: 'supervisor', month: '2026-10' });
    expect(twice.ok ? null : twice.error.code).toBe('ASSESSMENT.ALREADY_PUBLISHED');
    const csv = await w.call('statistics', 'demo-supervisor', { action: 'export', role: 'supervisor', month: '2026-10', format: 'csv' });
    expect(csv.filename).toBe('考核-2026-10.csv');
  });
});

describe("the embedded store's aggregation", () => {
  it("equals the core's reference definitions for every grouping, on varied orders", async () => {
    const base = w.now();
    const states = ['pending_dispatch', 'pending_accept', 'accepted', 'in_service', 'pending_confirm', 'closed', 'cancelled', 'refused'] as const;
    const orders: Order[] = [];
    let rand = 7;
    const next = (n: number) => (rand = (rand * 1103515245 + 12345) % 2 ** 31) % n;
    const template = (await w.store.getOrder(await w.place('s-repair')))!;
    for (let i = 0; i < 300; i++) {
      const state = states[next(states.length)]!;
      const accepted = next(3) > 0 ? base + next(400) * MINUTE : null;
      const o: Order = {
        ...template,
        id: `synthetic-${i}`,
        createdAt: base + next(40) * 24 * HOUR,
        updatedAt: base,
        compoundId: next(2) ? 'cp-yangguang' : 'cp-heping',
        category: next(2) ? 'repair' : 'meal',
        state,
        assignment: next(4) ? { mode: 'member', teamId: next(2) ? 't-general' : 't-elder', workerId: next(2) ? 'demo-worker' : 'demo-worker-3' } : null,
        firstAcceptedAt: accepted,
        closedAt: state === 'closed' ? base + next(100) * HOUR : null,
        rating: next(2) ? { attitude: 1 + next(5), timeliness: 1 + next(5), quality: 1 + next(5), comment: '' } : null,
        reworkCount: next(5) === 0 ? 1 : 0,
        overdueStages: next(3) === 0 ? ['accept'] : [],
      };
      orders.push(o);
      const r = await w.store.commit({
        order: o,
        index: orderIndex(o, { escalationMinutes: 120 }),
        expectedVersion: null,
        events: [],
        notifications: [],
        reply: null,
      });
      expect(r.ok).toBe(true);
    }
    orders.push(template);
    const asOf = base + 20 * 24 * HOUR;
    const period = { from: base + 3 * 24 * HOUR, to: base + 33 * 24 * HOUR };
    for (const by of GROUP_BYS) {
      const expected = new Map<string | null, MetricSums>();
      for (const o of orders) {
        const f = orderFacts(o);
        if (f.createdAt < period.from || f.createdAt >= period.to || !f.counted) continue;
        const key = groupKey(f, by);
        expected.set(key, addFacts(expected.get(key) ?? ZERO_SUMS, f, asOf));
      }
      expect(expected.size, `groups for ${by}`).toBeGreaterThan(0);
      const actual = await w.store.metricSums('c-xingfuli', period, by, asOf);
      expect(new Map(actual.map((g) => [g.key, g.sums])), `grouped by ${by}`).toEqual(expected);
    }
  });
});
