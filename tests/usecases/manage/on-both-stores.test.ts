import { describe, expect, it } from 'vitest';
import { bothStores, demoOn } from '../../support/demo-on-both-stores';

const STORES = bothStores('manage');
const SHEET = Buffer.from('小区,楼栋,单元,门牌,姓名,电话\r\n阳光小区,3号楼,1,101,赵六,13800005555\r\n阳光小区,1号楼,2,301,张秀兰,13800001111\r\n').toString(
  'base64',
);

/** What the admin manages is reference data both adapters keep as documents: no table or index of its own. */
describe.each(STORES)('managing the community, on %s', (_name, open) => {
  it('keeps revisions, routes a 轮询 team’s new order at once, and re-imports a sheet without duplicates', async () => {
    const store = await open();
    const now = Date.UTC(2026, 9, 5, 14, 0);
    const { call } = await demoOn(store, now);
    const manage = (event: Record<string, unknown>) => call('manage', 'demo-admin', { role: 'admin', ...event });

    await manage({
      action: 'saveTeam',
      id: 't-general',
      rev: 0,
      name: '综合维修服务队',
      companyId: 'pc-hongxin',
      categories: ['repair'],
      memberIds: ['demo-worker'],
      dispatchMode: 'rotation',
    });
    await expect(
      manage({
        action: 'saveTeam',
        id: 't-general',
        rev: 0,
        name: '维修队',
        companyId: 'pc-hongxin',
        categories: ['repair'],
        memberIds: [],
        dispatchMode: 'pool',
      }),
    ).rejects.toThrow('MANAGE.STALE');
    const { order } = await call('orders', 'demo-resident', {
      action: 'create',
      requestId: 'request-night-1',
      order: { serviceItemId: 's-repair', householdId: 'h-yg-a', description: '半夜门锁坏了', timeWindow: { from: now, to: now + 3_600_000 } },
    });
    expect([order.state, (await store.getOrder(order.id))!.assignment]).toEqual([
      'pending_accept',
      { mode: 'member', teamId: 't-general', workerId: 'demo-worker' },
    ]);
    expect((await store.listEvents(order.id)).map((e) => e.action)).toEqual(['create', 'auto_dispatch']);
    expect(await store.openOrdersOf(['demo-worker'])).toEqual({ 'demo-worker': 1 });

    const first = await manage({ action: 'importSheet', fileName: '住户.csv', base64: SHEET, dryRun: false });
    expect(first.counts).toEqual({ new: 1, update: 0, same: 1, problem: 0 });
    const again = await manage({ action: 'importSheet', fileName: '住户.csv', base64: SHEET, dryRun: false });
    expect(again.counts).toEqual({ new: 0, update: 0, same: 2, problem: 0 });
    const view = await manage({ action: 'overview' });
    expect(view.residents.filter((r: { phone: string }) => r.phone === '13800005555')).toHaveLength(1);
    expect(view.households.filter((h: { door: string }) => h.door === '1单元101')).toHaveLength(1);
    await store.clear();
    await store.close();
  });
});
