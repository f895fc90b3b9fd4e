import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shot, useApp } from './support/app';
import { placeOrder, press, see, tap, visible } from './support/ui';

/**
 * The party grid's screens at phone and desktop width: 高建华, 楼栋党小组长 of 阳光小区 1号楼 and
 * 2号楼, pairs 张秀兰's household with himself (结对认亲); a resident registers as a volunteer
 * (在职党员报到); the supervisor reads the month's volunteer hours.
 */
const running = useApp();
const WIDTHS = [390, 1440] as const;

/** Opens the app as a demo user and enters one of their roles by its name on the start page. */
async function enterRole(userId: string, roleLabel: string, width: number): Promise<Page> {
  const page = await running().pageAs(userId);
  await page.setViewportSize({ width, height: 900 });
  await page.locator('.role-item', { hasText: roleLabel }).filter({ visible: true }).click();
  return page;
}

describe('党建网格', () => {
  it.each(WIDTHS)('the group leader sees their buildings and pairs a household (%i px)', async (width) => {
    const page = await enterRole('demo-leader', '楼栋党小组长', width);
    await see(page, '阳光小区2号楼');
    await see(page, '结对党员：高建华');
    const row = page.locator('.members-row', { hasText: '2单元301' }).filter({ visible: true });
    await row.getByText(/^(结对|更换)$/).click();
    // At each width another party member: himself, then his neighbour 孙志远 takes the household over.
    await row.locator('.chip', { hasText: width === 390 ? '高建华' : '孙志远' }).click();
    await see(page, '已结对');
    await shot(page, `party-grid-${width}`);
    const leader = await running().store.getRef('users', 'demo-leader');
    const sun = await running().store.getRef('users', 'demo-worker-3');
    expect(width === 390 ? leader!.caresFor : sun!.caresFor).toContain('h-yg-a');
    if (width === 1440) expect(leader!.caresFor).not.toContain('h-yg-a');
    await page.context().close();
  });
});

describe('在职党员报到 and the volunteer hours', () => {
  it('a resident registers from the start page', async () => {
    const page = await running().pageAs('demo-resident-2');
    await tap(page, '在职党员报到');
    const inputs = page.locator('input').filter({ visible: true });
    await inputs.nth(0).fill('市供电公司');
    await inputs.nth(1).fill('陪老人聊天、修小电器');
    await press(page, '报到');
    await see(page, '已报到 · 陪老人聊天、修小电器');
    await shot(page, 'party-volunteer-registered-390');
    expect((await running().store.getRef('users', 'demo-resident-2'))!.volunteer).toMatchObject({ workplace: '市供电公司' });
    await page.context().close();
  });

  it.each(WIDTHS)('the supervisor reads each volunteer’s hours of the month (%i px)', async (width) => {
    const page = await enterRole('demo-supervisor', '督单员', width);
    await tap(page, '志愿服务时长');
    await see(page, '李建国');
    await see(page, '导出 Excel');
    await shot(page, `party-volunteer-hours-${width}`);
    await page.context().close();
  });
});

describe('the supervisor’s figures cut by compound and building', () => {
  it.each(WIDTHS)('三率统计 and 月度考核 count only the chosen building’s orders (%i px)', async (width) => {
    const app = running();
    // Two orders in 阳光小区 1号楼 (张秀兰), one in 和平小区 5号楼 (李建国), besides any earlier test's.
    await placeOrder(app, `门锁坏了 ${width}-a`);
    await placeOrder(app, `门锁坏了 ${width}-b`);
    const now = Date.now();
    await app.api('orders', 'demo-resident-2', {
      action: 'create',
      requestId: `e2e-cut-${width}-${now}`,
      order: { serviceItemId: 's-repair', householdId: 'h-hp-a', description: '水龙头漏水', timeWindow: { from: now, to: now + 7_200_000 } },
    });
    // And one 高建华 places for 王德福 (2号楼), counted under 代下单 by who placed it.
    await app.api('orders', 'demo-leader', {
      action: 'create',
      requestId: `e2e-cut-proxy-${width}-${now}`,
      order: { serviceItemId: 's-repair', householdId: 'h-yg-b', description: '灯不亮了', timeWindow: { from: now, to: now + 7_200_000 } },
    });
    const orders = async (cut: Record<string, string>) =>
      (await app.api('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month: null, ...cut })).overall.orders as number;
    const [whole, building] = [await orders({}), await orders({ buildingId: 'b-yg-1' })];
    expect(building).toBeGreaterThanOrEqual(2);
    expect(building).toBeLessThan(whole);

    const page = await enterRole('demo-supervisor', '督单员', width);
    await tap(page, '三率统计');
    // The board beneath has the same chips: only the top page's are pressed.
    const chip = (label: string) => page.locator('.taro_router > .taro_page:last-child .place-cut .chip', { hasText: label }).filter({ visible: true }).first();
    await see(page, '三率走势');
    await see(page, '结对党员代下单');
    await visible(page, '结对党员代下单').scrollIntoViewIfNeeded();
    await shot(page, `party-grid-on-behalf-${width}`);
    await chip('阳光小区').click();
    await chip('1号楼').click();
    await see(page, '以下全部数字只统计阳光小区 1号楼的工单');
    await see(page, '这段时间没有代居民下的单');
    // The tile of 工单数 reads the building's count, not the community's.
    const ordersTile = page.locator('.taro_router > .taro_page:last-child .rate-tile', { hasText: '工单数' }).filter({ visible: true }).first();
    await expect.poll(() => ordersTile.locator('.rate-value').textContent()).toBe(String(building));
    await shot(page, `party-grid-cut-stats-${width}`);
    await tap(page, '月度考核');
    await see(page, '阳光小区 1号楼：按当前数据实时计算');
    await see(page, '只统计在这里下的工单；发布的是全社区的考核');
    await shot(page, `party-grid-cut-assessment-${width}`);
    await page.context().close();
  });
});

describe('本楼栋工单', () => {
  it.each(WIDTHS)('the group leader follows their buildings’ orders, exceptions first, and opens one (%i px)', async (width) => {
    const app = running();
    // A repair in 1号楼 the supervisor presses (督办), then a newer one in 2号楼 (代下单), and one in 和平小区.
    const pressed = await placeOrder(app, `厨房水管漏水 ${width}`);
    await app.api('orders', 'demo-supervisor', {
      action: 'instruct',
      role: 'supervisor',
      orderId: pressed,
      version: 1,
      requestId: `e2e-instruct-${width}-${Date.now()}`,
      input: { text: '请尽快派单', to: 'dispatcher' },
    });
    const now = Date.now();
    await app.api('orders', 'demo-leader', {
      action: 'create',
      requestId: `e2e-leader-${width}-${now}`,
      order: { serviceItemId: 's-repair', householdId: 'h-yg-b', description: `门把手松了 ${width}`, timeWindow: { from: now, to: now + 7_200_000 } },
    });
    await app.api('orders', 'demo-resident-2', {
      action: 'create',
      requestId: `e2e-heping-${width}-${now}`,
      order: { serviceItemId: 's-repair', householdId: 'h-hp-a', description: `和平小区的单 ${width}`, timeWindow: { from: now, to: now + 7_200_000 } },
    });
    const page = await enterRole('demo-leader', '楼栋党小组长', width);
    await tap(page, '本楼栋工单');
    await see(page, '全部工单（最新在前）');
    await see(page, `门把手松了 ${width}`);
    // The pressed one heads the page, under 需要关注, with its badge, though it is not the newest.
    const top = page.locator('.taro_router > .taro_page:last-child');
    const first = top.locator('.order-card').filter({ visible: true }).first();
    await expect.poll(() => first.textContent()).toContain('督办待回复');
    // The pressed one shows twice (需要关注, and in its place among the newest), the newer unpressed one once.
    expect(await top.locator('.order-card', { hasText: `厨房水管漏水 ${width}` }).count()).toBe(2);
    expect(await top.locator('.order-card', { hasText: `门把手松了 ${width}` }).count()).toBe(1);
    await shot(page, `party-grid-orders-${width}`);
    // Only 阳光小区's buildings are his: no order of 和平小区 is listed.
    expect(await top.locator('.order-card', { hasText: `和平小区的单 ${width}` }).count()).toBe(0);
    await first.click();
    await see(page, '办理记录');
    await shot(page, `party-grid-order-${width}`);
    await page.context().close();
  });
});
