import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { playDemoMonth } from '@backend/server/demo-month';
import { shot, useApp } from './support/app';
import { confirmModal, enterAs, placeOrder, see, tap, visible } from './support/ui';

/**
 * Exceptions first for staff: the dispatcher's inbox by urgency with deadlines and badges, the
 * worker's tasks by booked day with 接单 on the card, the supervisor's board led by its exceptions,
 * a trend that can be read, and the 晾晒 board's recent cases on a wall screen — at 390 and 1440 px.
 */
const running = useApp();
const HOUR = 3_600_000;

/** Takes the next step of the lifecycle through the API, as `user` in `role`. */
async function step(orderId: string, user: string, role: string, action: string, input: Record<string, unknown> = {}) {
  const { order } = await running().api('orders', user, { action: 'get', role, orderId });
  await running().api('orders', user, { action, role, orderId, version: order.version, requestId: `e2e-${action}-${Date.now()}`, input });
}

/** Places an order as the resident for a booked window starting `fromHours` from now. */
async function book(description: string, serviceItemId: string, fromHours: number): Promise<string> {
  const from = Date.now() + fromHours * HOUR;
  const { order } = await running().api('orders', 'demo-resident', {
    action: 'create',
    requestId: `e2e-book-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    order: { serviceItemId, householdId: 'h-yg-a', description, timeWindow: { from, to: from + 2 * HOUR } },
  });
  return order.id as string;
}

/** The page at desktop width, laid out again. */
async function desktop(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForTimeout(300);
}

/** Top edge of the visible element showing this text. */
const topOf = async (page: Page, text: string) => (await visible(page, text).boundingBox())!.y;

describe('the dispatcher: urgency first, with deadlines and badges, in three counted tabs', () => {
  it('lists the 15-minute 水电急修 above tomorrow’s lunch, each card with its deadline, badges for what went wrong', async () => {
    const lunch = await book('明天中午送一份午餐', 's-meal', 20);
    const late = await placeOrder(running(), '楼道灯不亮，晚上看不见', 's-repair-urgent');
    await running().advance(20); // the urgent repair's 15 minutes to dispatch have passed
    await step(late, 'demo-resident', 'resident', 'urge');
    const burst = await placeOrder(running(), '厨房水管爆了，水漫出来', 's-repair-urgent');
    expect([lunch, late, burst].every(Boolean)).toBe(true);

    const page = await enterAs(running(), 'demo-dispatcher');
    // Three tabs, each with its count, instead of nine that scroll.
    for (const tab of ['待派单 3', '处理中 0', '已结束 0']) await see(page, tab);
    await see(page, '楼道灯不亮');
    const order = [await topOf(page, '楼道灯不亮'), await topOf(page, '厨房水管爆了'), await topOf(page, '明天中午送一份午餐')];
    expect(order).toEqual([...order].sort((a, b) => a - b)); // overdue first, then 15 minutes, then tomorrow
    await see(page, '派单已超时');
    await see(page, '已超时');
    await see(page, '催单1次');
    await see(page, '派单截止');
    // 已等待 counts from the stage's start (core: waitingSince); the page's clock is not the moved server clock.
    await see(page, '已等待');
    await shot(page, 'staff-1-dispatcher-390');
    await desktop(page);
    await shot(page, 'staff-2-dispatcher-1440');
  });

  it('lists under 处理中 an order pressed with a 督办 above one whose deadline comes sooner', async () => {
    const soon = await book('今天下午修卫生间门锁', 's-repair', 0.5);
    const pressed = await book('后天上午检查燃气灶', 's-repair', 40);
    // To the team's pool: offered by name they would count against the worker's cap in the tests below.
    for (const id of [soon, pressed]) await step(id, 'demo-dispatcher', 'dispatcher', 'dispatch', { teamId: 't-general', workerId: null });
    await step(pressed, 'demo-supervisor', 'supervisor', 'instruct', { text: '居民反映多次，请今天联系', to: 'dispatcher' });

    const page = await enterAs(running(), 'demo-dispatcher');
    await tap(page, '处理中 2');
    await see(page, '今天下午修卫生间门锁');
    expect(await topOf(page, '后天上午检查燃气灶')).toBeLessThan(await topOf(page, '今天下午修卫生间门锁'));
    await see(page, '督办待回复');
    await shot(page, 'staff-2b-dispatcher-working-390');
    await desktop(page);
    await see(page, '有异常的在前，其余按时限');
    expect(await topOf(page, '后天上午检查燃气灶')).toBeLessThan(await topOf(page, '今天下午修卫生间门锁'));
    await shot(page, 'staff-2c-dispatcher-working-1440');
  });
});

describe('the worker: tasks by booked day, 接单 on the card, notifications that say which job', () => {
  it('puts today’s booking above tomorrow’s under their days, and accepts an order offered by name from its card', async () => {
    const tomorrow = await book('明天上午修阳台门锁', 's-repair', 24);
    // Booked from now: half an hour on, it fell on tomorrow in China's last half hour of a day (CI at 15:45 UTC).
    const today = await book('今天下午换厨房灯泡', 's-repair', 0);
    for (const id of [tomorrow, today]) await step(id, 'demo-dispatcher', 'dispatcher', 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });

    const page = await enterAs(running(), 'demo-worker');
    await see(page, '今天（');
    await see(page, '明天（');
    expect(await topOf(page, '今天下午换厨房灯泡')).toBeLessThan(await topOf(page, '明天上午修阳台门锁'));
    // The notification names the service and the place, not just "新工单".
    await see(page, '门窗家具维修 · 阳光小区');
    await shot(page, 'staff-3-worker-390');

    const card = page.locator('.order-card').filter({ hasText: '今天下午换厨房灯泡' }).filter({ visible: true });
    await card.getByText('接单', { exact: true }).click();
    await confirmModal(page);
    await expect.poll(async () => (await running().store.getOrder(today))!.state).toBe('accepted');
    await expect.poll(() => card.getByText('接单', { exact: true }).count()).toBe(0);
    await page.locator('.taro__toast').waitFor({ state: 'hidden' }); // the screenshot shows the list, not the toast
    await desktop(page);
    await shot(page, 'staff-4-worker-1440');
  });
});

describe('the supervisor and the public board over a month of work', () => {
  it('leads the board with the exceptions and their counts, before the counts per state', async () => {
    await playDemoMonth(running().store);
    const page = await enterAs(running(), 'demo-supervisor');
    await see(page, '需要处理');
    await see(page, '督办待回');
    expect(await topOf(page, '需要处理')).toBeLessThan(await topOf(page, '各状态工单'));
    await shot(page, 'staff-5-supervisor-board-390');
    await desktop(page);
    await shot(page, 'staff-6-supervisor-board-1440');
  });

  it('draws the trend as a rolling 7-day rate when days are small, and says today has not ended', async () => {
    const page = await enterAs(running(), 'demo-supervisor');
    await tap(page, '三率统计');
    await see(page, '近7天滚动');
    await see(page, '今天还没过完，不画入走势');
    await shot(page, 'staff-7-trend-390');
    await desktop(page);
    await shot(page, 'staff-8-trend-1440');
  });

  it('shows recent finished cases without a person and praised teams, in three columns on a wall screen', async () => {
    const page = await running().browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await page.goto(`${running().url}/board`);
    await see(page, '最近办结');
    await see(page, '居民点赞的服务队');
    await see(page, '办结 · 用时');
    const text = (await page.locator('.board-cases').first().textContent()) ?? '';
    for (const person of ['张秀兰', '李建国', '王德福', '刘师傅', '赵阿姨', '孙志远']) expect(text).not.toContain(person);
    await shot(page, 'staff-9-board-390');

    await desktop(page);
    const columns = await page.locator('.board-col').evaluateAll((cols) => cols.map((c) => c.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y })));
    expect(columns).toHaveLength(3);
    expect(new Set(columns.map((c) => Math.round(c.y))).size).toBe(1); // side by side
    expect(columns[0]!.x).toBeLessThan(columns[1]!.x);
    await shot(page, 'staff-10-board-1440');
    await page.close();
  });
});
