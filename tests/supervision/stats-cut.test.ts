import { describe, expect, it } from 'vitest';
import type { Envelope, SupervisorBoard } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import { bothStores, demoOn } from '../support/demo-on-both-stores';

const STORES = bothStores('statscut');
const START = Date.UTC(2026, 9, 5, 1, 0);
const MONTH = '2026-10';

/**
 * The supervisor's board and 考核 cut to a compound or a building of the party grid: every figure
 * (rates, rankings, counts, exception counts, the queues) counts only the orders placed there.
 * Orders: 张秀兰 ×3 in 阳光小区 1号楼, 王德福 ×3 (代下单 by 高建华 ×2 and 张秀兰) in 阳光小区 2号楼, 李建国 ×2 in 和平小区 5号楼.
 */
describe.each(STORES)('statistics cut by compound and building, on %s', (_name, open) => {
  it('follows the cut in every figure of the board and the 考核, and refuses a place outside the community', async () => {
    const store = await open();
    const { clock, deps, call } = await demoOn(store, START);
    let n = 0;
    const place = async (user: string, householdId: string) => {
      clock.now += 60_000;
      const { order } = await call('orders', user, {
        action: 'create',
        requestId: `request-cut-${++n}`,
        order: { serviceItemId: 's-repair', householdId, description: '门锁坏了需要更换', timeWindow: { from: clock.now, to: clock.now + 3_600_000 } },
      });
      return order.id as string;
    };
    const yg1 = [await place('demo-resident', 'h-yg-a'), await place('demo-resident', 'h-yg-a'), await place('demo-resident', 'h-yg-a')];
    // 王德福's: two by 高建华, his paired party member, one by 张秀兰, a neighbour bound to his household (亲友).
    const yg2 = [await place('demo-leader', 'h-yg-b'), await place('demo-leader', 'h-yg-b'), await place('demo-resident', 'h-yg-b')];
    const hp5 = [await place('demo-resident-2', 'h-hp-a'), await place('demo-resident-2', 'h-hp-a')];
    // One of 1号楼's is dispatched and closed by 刘师傅, so the cut's teams and workers have figures.
    const act = (user: string, role: string, orderId: string, action: string, input: object = {}) =>
      store.getOrder(orderId).then((o) => call('orders', user, { action, role, orderId, version: o!.version, requestId: `request-act-${++n}`, input }));
    await act('demo-dispatcher', 'dispatcher', yg1[0]!, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    await act('demo-worker', 'worker', yg1[0]!, 'accept');
    clock.now += 3 * 86_400_000;

    const board = (cut: object): Promise<SupervisorBoard> =>
      call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month: MONTH, ...cut });
    const placed = (b: SupervisorBoard) => Object.values(b.counts).reduce((a, x) => a + x, 0);
    const queued = (b: SupervisorBoard) => new Set(Object.values(b.queues).flatMap((q) => q.map((o) => o.id)));

    const whole = await board({});
    expect(whole.cut).toEqual({ compoundId: null, buildingId: null });
    expect([whole.overall.orders, placed(whole)]).toEqual([8, 8]);
    // 代下单 counted by who placed them, and cut like every other figure.
    expect(whole.onBehalf).toEqual({ party_member: { orders: 2, confirmed: 0 }, grid: { orders: 0, confirmed: 0 }, relative: { orders: 1, confirmed: 0 } });

    const yangguang = await board({ compoundId: 'cp-yangguang' });
    expect(yangguang.cut).toEqual({ compoundId: 'cp-yangguang', buildingId: null });
    expect([yangguang.overall.orders, placed(yangguang)]).toEqual([6, 6]);
    expect(yangguang.compounds.map((r) => [r.id, r.rates.orders])).toEqual([['cp-yangguang', 6]]);
    expect(yangguang.trend.reduce((a, d) => a + d.rates.orders, 0)).toBe(6);
    expect(yangguang.onBehalf).toEqual(whole.onBehalf);
    expect([...queued(yangguang)].every((id) => [...yg1, ...yg2].includes(id))).toBe(true);
    expect(queued(yangguang).size).toBeGreaterThan(0);

    // A building alone names its compound; its figures are its orders only, down to the worker.
    const building1 = await board({ buildingId: 'b-yg-1' });
    expect(building1.cut).toEqual({ compoundId: 'cp-yangguang', buildingId: 'b-yg-1' });
    expect([building1.overall.orders, placed(building1)]).toEqual([3, 3]);
    expect(building1.teams.map((r) => [r.id, r.rates.orders])).toEqual([['t-general', 1]]);
    expect(building1.workers.map((r) => [r.key, r.rates.orders])).toEqual([['demo-worker', 1]]);
    expect([...queued(building1)].every((id) => yg1.includes(id))).toBe(true);
    expect(building1.exceptionCounts.overdue).toBeLessThanOrEqual(whole.exceptionCounts.overdue);
    expect(Object.values(building1.onBehalf).every((c) => c.orders === 0)).toBe(true);

    const heping = await board({ compoundId: 'cp-heping', buildingId: 'b-hp-5' });
    expect([heping.overall.orders, placed(heping)]).toEqual([2, 2]);
    expect([...queued(heping)].every((id) => hp5.includes(id))).toBe(true);

    // The 考核 of a cut counts its units' orders there, is never the published one, and exports under the place's name.
    const assessment = await call('statistics', 'demo-supervisor', { action: 'assessment', role: 'supervisor', month: MONTH, buildingId: 'b-yg-1' });
    expect(assessment).toMatchObject({ cut: { compoundId: 'cp-yangguang', buildingId: 'b-yg-1' }, publishedAt: null });
    expect(assessment.rows.filter((r: { kind: string }) => r.kind === 'team').map((r: { rates: { orders: number } }) => r.rates.orders)).toEqual([1]);
    const file = await call('statistics', 'demo-supervisor', { action: 'export', role: 'supervisor', month: MONTH, format: 'csv', buildingId: 'b-yg-1' });
    expect(file.filename).toBe('考核-2026-10-阳光小区1号楼-草稿.csv');

    const refusal = async (cut: object) => {
      const reply = (await FUNCTIONS.statistics(
        { action: 'board', role: 'supervisor', month: MONTH, ...cut },
        { devUserId: 'demo-supervisor' },
        deps,
      )) as Envelope<unknown>;
      return reply.ok ? 'ok' : [reply.error.code, reply.error.details];
    };
    expect(await refusal({ compoundId: 'cp-nowhere' })).toEqual(['INPUT.INVALID', { compoundId: '本社区没有这个小区' }]);
    expect(await refusal({ buildingId: 'b-nowhere' })).toEqual(['INPUT.INVALID', { buildingId: '本社区没有这个楼栋' }]);
    expect(await refusal({ compoundId: 'cp-heping', buildingId: 'b-yg-1' })).toEqual(['INPUT.INVALID', { buildingId: '这个楼栋不在所选小区' }]);
    await store.clear();
    await store.close();
  });
});
