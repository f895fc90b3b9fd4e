import { describe, expect, it } from 'vitest';
import { chinaParts } from '@core';
import { playDemoMonth } from '@backend/server/demo-month';
import type { Page } from 'playwright-core';
import { shot, useApp } from './support/app';
import { press, see, write } from './support/ui';

/**
 * The resident's home and order form as an elderly resident uses them: in 长辈模式 a meal is ordered
 * in three taps without typing; in either mode the description box is body-sized, a field's error
 * clears as it is edited, and the page logs no errors. Screenshots at phone and desktop width.
 */
const running = useApp();

/** Console errors and uncaught exceptions of a page, collected from now on. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Content Security Policy/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function residentPage(elder: boolean): Promise<{ page: Page; errors: string[] }> {
  const page = await running().pageAs('demo-resident');
  await page.evaluate((on) => localStorage.setItem('rp.elder', JSON.stringify({ data: on ? '1' : '0' })), elder);
  const errors = errorsOf(page);
  await page.goto(`${running().url}/#/resident/pages/home/index`);
  await page.reload();
  return { page, errors };
}

const both = async (page: Page, name: string) => {
  await shot(page, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, `${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
};

describe('长辈模式: a meal in three taps, no typing', () => {
  it('offers the most used services and the property phone on a large-tile home', async () => {
    const { page, errors } = await residentPage(true);
    await see(page, '常用服务');
    await see(page, '一键呼叫物业');
    await see(page, '0825-2345678');
    expect(await page.locator('.elder-tile').filter({ visible: true }).count()).toBeGreaterThanOrEqual(4);
    await see(page, '有别的事，告诉社区');
    await both(page, 'elder-home');
    // Anything the tiles do not offer goes to the community, one tap away.
    await press(page, '有别的事，告诉社区');
    await see(page, '居民诉求');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('tap 1 the meal tile, tap 2 a quick need, tap 3 确认预约: the order is placed for the next mealtime', async () => {
    const { page, errors } = await residentPage(true);
    await page.locator('.elder-tile', { hasText: '爱心午餐送餐' }).filter({ visible: true }).click();
    await see(page, '需要什么（可不选）');
    await both(page, 'elder-create');
    await press(page, '少盐少油');
    await press(page, '确认预约');
    await see(page, '待派单');
    const { items } = await running().store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 1 });
    const order = items[0]!;
    expect(order).toMatchObject({ serviceItemId: 's-meal', householdId: 'h-yg-a', description: '少盐少油', contactPhone: '13800001111' });
    // A mealtime window, China time: lunch 11–13 or dinner 17–19, never "now".
    expect([11, 17]).toContain(chinaParts(order.timeWindow.from).hour);
    expect(order.timeWindow.to - order.timeWindow.from).toBe(2 * 3_600_000);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('places an order with no choice at all: the description is the service itself', async () => {
    const { page, errors } = await residentPage(true);
    await page.locator('.elder-tile', { hasText: '上门照料' }).filter({ visible: true }).click();
    await press(page, '确认预约');
    await see(page, '待派单');
    const { items } = await running().store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 1 });
    expect(items[0]).toMatchObject({ serviceItemId: 's-homecare', description: '上门照料' });
    // No voice button in H5: WeChat's recogniser exists only in the mini-program.
    await page.goto(`${running().url}/#/resident/pages/create/index?itemId=s-homecare`);
    await see(page, '还想说点什么');
    expect(await page.getByText('按住 说话').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 40_000);
});

describe('长辈模式: confirming a finished service is one question', () => {
  it('asks 满意 / 一般 / 不满意 instead of three rows of stars, says when none is chosen, and records the answer as stars', { timeout: 90_000 }, async () => {
    // The demo month leaves the resident orders waiting for their confirmation.
    await playDemoMonth(running().store);
    const { page, errors } = await residentPage(true);
    const { items } = await running().store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 500 });
    const order = items.find((o) => o.state === 'pending_confirm' && ['h-yg-a', 'h-yg-b'].includes(o.householdId))!;
    const openSheet = async () => {
      await page.goto(`${running().url}/#/resident/pages/order/index?id=${order.id}`);
      await page.locator('.action-button').filter({ visible: true }).first().click();
      await see(page, '这次服务您满意吗？');
    };
    await page.setViewportSize({ width: 1440, height: 900 });
    await openSheet();
    await shot(page, 'elder-rating-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await openSheet();
    expect(await page.locator('.nut-rate').filter({ visible: true }).count()).toBe(0);
    await press(page, '提交评价，确认完成');
    await see(page, '请选择您对这次服务是否满意');
    await shot(page, 'elder-rating-required-390');
    await press(page, '满意');
    await press(page, '提交评价，确认完成');
    await expect.poll(async () => (await running().store.getOrder(order.id))?.state).toBe('closed');
    expect((await running().store.getOrder(order.id))!.rating).toMatchObject({ attitude: 5, timeliness: 5, quality: 5 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the order form in the normal mode', () => {
  it('has a body-sized description box whose 不能为空 clears as the resident types, and logs no errors', async () => {
    const { page, errors } = await residentPage(false);
    await see(page, '需要什么服务');
    await both(page, 'home');
    await press(page, '维修');
    await page.locator('.catalog-item', { hasText: '门窗家具维修' }).filter({ visible: true }).click();
    await press(page, '提交预约');
    await see(page, '不能为空');
    await both(page, 'create-error');
    const box = page.locator('textarea').filter({ visible: true }).first();
    expect(Number.parseFloat(await box.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(18);
    await write(page, '门');
    await expect.poll(() => page.getByText('不能为空').filter({ visible: true }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
