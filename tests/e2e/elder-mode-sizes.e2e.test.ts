import { beforeAll, describe, expect, it } from 'vitest';
import { playDemoMonth } from '@backend/server/demo-month';
import type { Page } from 'playwright-core';
import type { Order } from '@core';
import { SHOTS_DIR, shot, useApp } from './support/app';
import { measureElderRules, type Violation } from './support/elder-measure';
import { press, see, tap } from './support/ui';

/**
 * 长辈模式 meets the 适老化 rules on every page of every role at a 390 px phone: text at least 18 px,
 * line height at least 1.3, contrast at least 4.5:1, main touch targets at least 60 × 60 px and every
 * other one at least 44 × 44 px — overlays included (sheets and their ✕, confirm dialogs, toasts,
 * switches, the rating question). A failure names the page and the element.
 */
const running = useApp();
// The demo month leaves orders in every state, so every page and form has something on it.
beforeAll(async () => {
  await playDemoMonth(running().store);
}, 120_000);

/** Opens the app as a demo user with 长辈模式 already on (as the switch leaves it). */
async function elderPageAs(userId: string): Promise<Page> {
  const page = await running().pageAs(userId);
  await page.evaluate(() => localStorage.setItem('rp.elder', JSON.stringify({ data: '1' })));
  return page;
}

/** Opens a route of the H5 app (hash router) and waits until the page has drawn its data. */
async function open(page: Page, route: string, ready: string): Promise<void> {
  await page.goto(`${running().url}/#${route}`);
  await page.reload();
  await page.waitForLoadState('networkidle');
  await see(page, ready);
  await page.waitForTimeout(400);
}

const report = (where: string, found: readonly Violation[]) => found.map((v) => `${where}: ${v.rule} ${v.element} (${v.found})`);

async function check(page: Page, where: string): Promise<string[]> {
  await shot(page, `elder-sizes-${where.replace(/[^\w-]+/g, '_')}`);
  return report(where, await measureElderRules(page));
}

/** An order of the demo month that fits (the seed leaves orders in every state). */
async function orderWhere(fits: (o: Order) => boolean): Promise<string> {
  const { items } = await running().store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 500 });
  const found = items.find(fits);
  if (!found) throw new Error('the demo month has no such order');
  return found.id;
}

describe('长辈模式 meets the 适老化 sizes on every page', () => {
  it('the start page', async () => {
    const page = await running().pageAs('demo-resident');
    await page.evaluate(() => localStorage.setItem('rp.elder', JSON.stringify({ data: '1' })));
    await page.reload();
    await see(page, '进入');
    expect(await check(page, 'start')).toEqual([]);
    await page.context().close();
  });

  it('the resident: home, order form, its sheet and date picker, the toast, orders, the rating question', async () => {
    const page = await elderPageAs('demo-resident');
    const problems: string[] = [];
    await open(page, '/resident/pages/home/index', '常用服务');
    problems.push(...(await check(page, 'resident-home')));
    await open(page, '/resident/pages/create/index?itemId=s-meal', '确认预约');
    problems.push(...(await check(page, 'resident-create')));
    await tap(page, '更换');
    await see(page, '选择服务');
    problems.push(...(await check(page, 'resident-create-service-sheet')));
    await page.locator('.nut-popup-title-right').filter({ visible: true }).first().click();
    await page.waitForTimeout(400);
    await press(page, '另选日期');
    await page.locator('.weui-picker').filter({ visible: true }).first().waitFor();
    problems.push(...(await check(page, 'resident-create-date-picker')));
    await page.locator('.weui-picker__action').filter({ visible: true }).first().click();
    await page.waitForTimeout(400);
    // 预约成功 shows as the order opens, and the redirect hides it within a fraction of a second: the
    // screenshot catches it, the measure takes what is still shown, and its text size is checked directly.
    await press(page, '确认预约');
    await see(page, '预约成功');
    await page.screenshot({ path: `${SHOTS_DIR}/elder-sizes-resident-toast.png` });
    expect(
      Number.parseFloat(
        await page
          .locator('.taro__toast p')
          .last()
          .evaluate((el) => getComputedStyle(el).fontSize),
      ),
    ).toBeGreaterThanOrEqual(18);
    problems.push(...report('resident-toast', await measureElderRules(page)));
    await open(page, '/resident/pages/orders/index', '全部');
    problems.push(...(await check(page, 'resident-orders')));
    const mine = ['h-yg-a', 'h-yg-b'];
    await open(page, `/resident/pages/order/index?id=${await orderWhere((o) => o.state === 'pending_confirm' && mine.includes(o.householdId))}`, '确认');
    problems.push(...(await check(page, 'resident-order')));
    // Every action's whole label shows: the step the order waits for was once cut to "认完成并评".
    const cut = await page
      .locator('.action-button')
      .filter({ visible: true })
      .evaluateAll((buttons) => buttons.filter((b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1).map((b) => b.textContent));
    expect(cut).toEqual([]);
    await page.locator('.action-button').filter({ visible: true }).first().click();
    await see(page, '这次服务您满意吗？');
    problems.push(...(await check(page, 'resident-rating-sheet')));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the dispatcher: inbox, an order, its confirm dialog', async () => {
    const page = await elderPageAs('demo-dispatcher');
    const problems: string[] = [];
    await open(page, '/dispatcher/pages/inbox/index', '待派单');
    problems.push(...(await check(page, 'dispatcher-inbox')));
    await open(page, `/dispatcher/pages/order/index?id=${await orderWhere((o) => o.state === 'pending_dispatch')}`, '派单');
    problems.push(...(await check(page, 'dispatcher-order')));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the worker: tasks, an order, a confirm dialog', async () => {
    const page = await elderPageAs('demo-worker');
    const problems: string[] = [];
    await open(page, '/worker/pages/tasks/index', '抢单池');
    problems.push(...(await check(page, 'worker-tasks')));
    await open(
      page,
      `/worker/pages/order/index?id=${await orderWhere((o) => o.assignment?.mode === 'member' && o.assignment.workerId === 'demo-worker' && o.state === 'accepted')}`,
      '开始服务',
    );
    problems.push(...(await check(page, 'worker-order')));
    await press(page, '开始服务');
    await page.locator('.taro-modal__content').filter({ visible: true }).first().waitFor();
    problems.push(...(await check(page, 'worker-confirm-dialog')));
    await press(page, '再想想');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the supervisor: board, an order, statistics, assessment, 圆桌会议, 志愿服务时长', async () => {
    const page = await elderPageAs('demo-supervisor');
    const problems: string[] = [];
    await open(page, '/supervisor/pages/board/index', '督单');
    problems.push(...(await check(page, 'supervisor-board')));
    await open(page, `/supervisor/pages/order/index?id=${await orderWhere((o) => o.state === 'pending_dispatch')}`, '工单');
    problems.push(...(await check(page, 'supervisor-order')));
    await open(page, '/supervisor/pages/stats/index', '响应率');
    problems.push(...(await check(page, 'supervisor-stats')));
    await open(page, '/supervisor/pages/assessment/index', '服务队');
    problems.push(...(await check(page, 'supervisor-assessment')));
    await open(page, '/supervisor/pages/meetings/index', '圆桌会议');
    problems.push(...(await check(page, 'supervisor-meetings')));
    await open(page, '/supervisor/pages/volunteers/index', '志愿服务');
    problems.push(...(await check(page, 'supervisor-volunteers')));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a newcomer: the join page with its application and invitation forms, then the application waiting', async () => {
    const context = await running().browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(running().url);
    await page.evaluate(() => localStorage.setItem('rp.elder', JSON.stringify({ data: '1' })));
    await page.reload();
    await press(page, '新用户');
    await press(page, '加入社区');
    await see(page, '我是居民：申请入户');
    await page.waitForTimeout(400);
    const problems = await check(page, 'join');
    await press(page, '阳光小区');
    await press(page, '2号楼');
    await page.locator('input[placeholder="例如 2单元301"]').filter({ visible: true }).first().fill('1单元101');
    await page.locator('input[placeholder="您的姓名"]').filter({ visible: true }).first().fill('孙长青');
    await page.locator('input[placeholder="11位手机号"]').filter({ visible: true }).first().fill('13700005678');
    await press(page, '提交申请');
    await see(page, '等待社区审核');
    await page.waitForTimeout(400);
    problems.push(...(await check(page, 'join-waiting')));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the resident: a repair ordered (its own quick choices) and an order still under way', async () => {
    const page = await elderPageAs('demo-resident');
    const problems: string[] = [];
    await open(page, '/resident/pages/create/index?itemId=s-repair', '确认预约');
    problems.push(...(await check(page, 'resident-create-repair')));
    const mine = ['h-yg-a', 'h-yg-b'];
    await open(
      page,
      `/resident/pages/order/index?id=${await orderWhere((o) => ['pending_dispatch', 'pending_accept', 'accepted', 'in_service'].includes(o.state) && mine.includes(o.householdId))}`,
      '办理记录',
    );
    problems.push(...(await check(page, 'resident-order-under-way')));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("the resident: raising a 诉求, the compound's 诉求 board and 消息", async () => {
    const page = await elderPageAs('demo-resident');
    const problems: string[] = [];
    await open(page, '/resident/pages/grievance/index', '提交诉求');
    problems.push(...(await check(page, 'resident-grievance')));
    await open(page, '/resident/pages/grievances/index', '居民诉求');
    problems.push(...(await check(page, 'resident-grievances')));
    await open(page, '/inbox/pages/index/index?role=resident', '消息');
    problems.push(...(await check(page, 'resident-inbox')));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the admin settings, members, 社区管理, 党建网格, 职能部门, and the public board', async () => {
    const page = await elderPageAs('demo-admin');
    const problems: string[] = [];
    await open(page, '/admin/pages/settings/index', '服务');
    problems.push(...(await check(page, 'admin-settings')));
    await open(page, '/admin/pages/members/index', '社区成员');
    problems.push(...(await check(page, 'admin-members')));
    await open(page, '/admin/pages/community/index', '小区与楼栋');
    problems.push(...(await check(page, 'admin-community')));
    await open(page, '/admin/pages/grid/index', '结对党员');
    problems.push(...(await check(page, 'admin-grid')));
    await open(page, '/admin/pages/departments/index', '职能部门名录');
    problems.push(...(await check(page, 'admin-departments')));
    await open(page, '/board/pages/index/index', '晾晒');
    problems.push(...(await check(page, 'public-board')));
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
