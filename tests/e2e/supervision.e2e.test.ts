import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assessmentMonthAt, monthOf } from '@core';
import { shot, useApp } from './support/app';
import { enterAs, placeOrder, press, see, tap, visible, write } from './support/ui';

/**
 * 督单 in the H5 app: an order nobody dispatched in time shows up on the supervisor's statistics, is
 * pressed with a 督办, answered by the dispatcher, closed, and counted in the month's 考核, which
 * downloads as a spreadsheet; the public 晾晒 board shows it to anyone, without choosing a user.
 */
const running = useApp();

/** Takes the next step of the lifecycle through the API, as `user` in `role`. */
async function step(orderId: string, user: string, role: string, action: string, input: Record<string, unknown> = {}) {
  const { order } = await running().api('orders', user, { action: 'get', role, orderId });
  await running().api('orders', user, { action, role, orderId, version: order.version, requestId: `e2e-${action}-${Date.now()}`, input });
}

/**
 * Waits until every visible chart canvas has something drawn on it (uCharts draws asynchronously);
 * resolves to how many there are. A function, not a string: the page's CSP allows no eval.
 */
async function chartsDrawn(page: Page): Promise<number> {
  const drawn = await page.waitForFunction(() => {
    const inks = [...document.querySelectorAll('canvas')]
      .filter((c) => c.getBoundingClientRect().width > 0)
      .map((c) => {
        const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) ink++;
        return ink;
      });
    return inks.length > 0 && inks.every((ink) => ink > 0) ? inks.length : 0;
  });
  return (await drawn.jsonValue()) as number;
}

/** Waits for the success toast to come and go, so the screenshot shows the page. */
async function toastGone(page: Page) {
  const toast = page.locator('.taro__toast');
  await toast.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
  await toast.waitFor({ state: 'hidden' });
}

describe('督单: an order goes overdue, is pressed, answered, closed and counted', () => {
  let id = '';

  it('shows an urgent repair nobody dispatched in time among the overdue orders, with the trend charts drawn', async () => {
    id = await placeOrder(running(), '卫生间水管爆了，水漫出来', 's-repair-urgent');
    await running().advance(20); // the urgent repair must be dispatched within 15 minutes
    expect((await running().store.getOrder(id))!.overdueStages).toEqual(['dispatch']);
    const page = await enterAs(running(), 'demo-supervisor');
    await tap(page, '三率统计');
    await see(page, '超时工单（1）');
    await see(page, '派单已超时');
    expect(await chartsDrawn(page)).toBe(2);
    await shot(page, 'supervision-1-stats');
    await tap(page, '卫生间水管爆了');
    await see(page, '超时环节：派单');
    await press(page, '督办');
    await write(page, '请立即派人上门处置');
    await press(page, '发出督办');
    await see(page, '待回复');
    await toastGone(page);
    await shot(page, 'supervision-2-pressed');
    await page.context().close();
  });

  it('lets the dispatcher answer the 督办 on the order', async () => {
    const page = await enterAs(running(), 'demo-dispatcher');
    await tap(page, '卫生间水管爆了');
    await press(page, '回复督办');
    await see(page, '督办：请立即派人上门处置');
    await write(page, '已派刘师傅带工具马上过去');
    await press(page, '发送回复');
    await see(page, '回复：已派刘师傅带工具马上过去');
    await toastGone(page);
    await shot(page, 'supervision-3-answered');
    expect((await running().store.getOrder(id))!.instructions[0]!.answer?.text).toBe('已派刘师傅带工具马上过去');
    await page.context().close();
  });

  it("counts the closed order in the month's 考核, which exports as a spreadsheet", async () => {
    await step(id, 'demo-dispatcher', 'dispatcher', 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    await step(id, 'demo-worker', 'worker', 'accept');
    await step(id, 'demo-worker', 'worker', 'start');
    await step(id, 'demo-worker', 'worker', 'complete', { notes: '已更换爆裂水管' });
    await step(id, 'demo-resident', 'resident', 'confirm', { attitude: 5, timeliness: 4, quality: 5 });
    expect((await running().store.getOrder(id))!.state).toBe('closed');

    const page = await enterAs(running(), 'demo-supervisor');
    await tap(page, '月度考核');
    // In a month's first week the page opens on the month just ended, the one waiting to be published.
    const label = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
    const now = Date.now();
    await see(page, label(assessmentMonthAt(now)));
    if (assessmentMonthAt(now) !== monthOf(now)) await tap(page, '下月 ›');
    await see(page, label(monthOf(now)));
    await see(page, '草稿：按当前数据实时计算');
    const team = page.locator('.ranking-row', { hasText: '综合维修服务队' }).filter({ visible: true });
    await expect(team.textContent()).resolves.toContain('工单1 · 响应100.0% · 解决100.0% · 满意100.0%');
    await expect(team.textContent()).resolves.toContain('超时 1 单');
    await see(page, '红心物业服务有限公司');
    await shot(page, 'supervision-4-assessment');
    const [download] = await Promise.all([page.waitForEvent('download'), press(page, '导出 Excel（XLSX）')]);
    expect(download.suggestedFilename()).toMatch(/^考核-\d{4}-\d{2}-草稿\.xlsx$/);
    await page.context().close();
  });

  it('records a 回访 only as the supervisor answers it: saved untouched, it asks instead of recording "满意"', async () => {
    const page = await enterAs(running(), 'demo-supervisor');
    await tap(page, '卫生间水管爆了');
    await press(page, '回访');
    await press(page, '保存回访记录');
    await see(page, '请选择是否联系上居民');
    await tap(page, '联系上了');
    await press(page, '保存回访记录');
    await see(page, '请选择居民是否满意');
    await shot(page, 'supervision-revisit-asks');
    expect((await running().store.getOrder(id))!.returnVisits).toEqual([]);
    await tap(page, '不满意');
    await write(page, '居民说水管接口还在渗水');
    await press(page, '保存回访记录');
    await toastGone(page);
    expect((await running().store.getOrder(id))!.returnVisits).toMatchObject([{ reached: true, satisfied: false, notes: '居民说水管接口还在渗水' }]);
    await page.context().close();
  });

  it('shows the month on the public 晾晒 board to someone who picked no user', async () => {
    const context = await running().browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${running().url}/#/board/pages/index/index?community=c-xingfuli`);
    await see(page, '幸福里社区服务晾晒榜');
    const team = page.locator('.ranking-row', { hasText: '综合维修服务队' }).filter({ visible: true });
    await expect(team.textContent()).resolves.toContain('样本不足');
    expect(await visible(page, '张秀兰').count()).toBe(0);
    await shot(page, 'supervision-5-public-board');
    await context.close();
  });
});
