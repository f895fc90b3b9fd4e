import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shot, useApp } from './support/app';
import { enterAs, placeOrder, press, see, tap, visible, write } from './support/ui';

/**
 * The resident's order as a resident reads it, at phone (390 px) and desktop (1440 px) width: one
 * progress line in plain words, who is coming and how to call them, the property's phone, how the
 * service is paid, ratings that start empty, 再来一单 — and no internal term and no console error.
 */
const running = useApp();

const WIDTHS = [390, 1440] as const;
/** Back-office words a resident must never read on their order. */
const INTERNAL = ['派单截止', '超时环节', '已升级至社区督单', '督办', '居民 ·', '→ 待派单', '居民已催单', '处理人'];

/** Console errors and uncaught exceptions of a page, from now on: any fails the test. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  return errors;
}

async function openOrder(page: Page, id: string) {
  // A whole page load (the query string differs), not a hash change that a navigation the app still
  // has under way from entering could overtake on a loaded machine.
  await page.goto(`${running().url}/?open=${encodeURIComponent(id)}#/resident/pages/order/index?id=${encodeURIComponent(id)}`);
  await page.locator('.progress-banner').filter({ visible: true }).first().waitFor();
}

// biome-ignore lint/performance/useDomNodeTextContent: what the resident can read on screen, not the text of pages hidden in the stack
const bodyText = (page: Page) => page.locator('body').innerText();

/** A meal order 赵阿姨 grabbed from 为老服务队's pool. */
async function acceptedMeal(): Promise<string> {
  const app = running();
  const id = await placeOrder(app, '中午送一份午餐，少盐', 's-meal');
  const at = async (user: string, role: string, action: string, input: Record<string, unknown> = {}) => {
    const order = await app.store.getOrder(id);
    await app.api('orders', user, { action, role, orderId: id, version: order!.version, requestId: `e2e-${id}-${action}`, input });
  };
  await at('demo-dispatcher', 'dispatcher', 'dispatch', { teamId: 't-elder' });
  await at('demo-worker-2', 'worker', 'grab');
  return id;
}

describe("the resident's order page", () => {
  let mealId = '';

  it.each(WIDTHS)('shows the progress line, who is coming and the property phone, in plain words (%i px)', async (width) => {
    if (!mealId) mealId = await acceptedMeal();
    const page = await enterAs(running(), 'demo-resident');
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await openOrder(page, mealId);
    await see(page, '师傅已接单 · ');
    await see(page, '赵阿姨');
    await see(page, '为老服务队');
    await see(page, '打电话给师傅');
    await see(page, '0825-2345678');
    await see(page, '社区补贴');
    await see(page, '您已下单');
    await see(page, '物业已安排服务队');
    // The number to read out on the phone, not the internal id.
    expect(await bodyText(page)).toMatch(/工单号 \d{4}-\d{3}/);
    expect(await bodyText(page)).not.toContain(mealId);
    await shot(page, `resident-order-accepted-${width}`);
    const text = await bodyText(page);
    for (const term of INTERNAL) expect(text, `no "${term}" for residents`).not.toContain(term);
    // The call button dials the worker, not the resident's own number.
    expect(text).not.toMatch(/联系人[\s\S]{0,30}打电话/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says the community is pressing once a 督办 is open, without its text', async () => {
    const app = running();
    const order = await app.store.getOrder(mealId);
    await app.api('orders', 'demo-supervisor', {
      action: 'instruct',
      role: 'supervisor',
      orderId: mealId,
      version: order!.version,
      requestId: `e2e-${mealId}-instruct`,
      input: { text: '请赵阿姨十一点前送到，老人等着吃药', to: 'worker' },
    });
    const page = await enterAs(app, 'demo-resident');
    const errors = watchErrors(page);
    await openOrder(page, mealId);
    await see(page, '社区正在督促处理');
    await shot(page, 'resident-order-pressed-390');
    const text = await bodyText(page);
    expect(text).not.toContain('老人等着吃药');
    expect(text).not.toContain('督办');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(WIDTHS)('starts the rating empty and asks for every dimension (%i px)', async (width) => {
    const app = running();
    const id = await acceptedMeal();
    for (const type of ['start', 'complete']) {
      const order = await app.store.getOrder(id);
      const input = type === 'complete' ? { notes: '午餐已送到' } : {};
      await app.api('orders', 'demo-worker-2', { action: type, role: 'worker', orderId: id, version: order!.version, requestId: `e2e-${id}-${type}`, input });
    }
    const page = await enterAs(app, 'demo-resident');
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await openOrder(page, id);
    await see(page, '服务已完成，请确认并评价');
    await press(page, '确认完成并评价');
    await see(page, '服务态度');
    // No star is lit before the resident chooses.
    // NutUI marks each unlit star "-disabled": all fifteen are unlit, none lit.
    const stars = page.locator('.nut-rate .nut-rate-item-icon:not(.nut-rate-item-icon-half)').filter({ visible: true });
    expect(await stars.count()).toBe(15);
    expect(
      await page.locator('.nut-rate .nut-rate-item-icon:not(.nut-rate-item-icon-half):not(.nut-rate-item-icon-disabled)').filter({ visible: true }).count(),
    ).toBe(0);
    await shot(page, `resident-rating-empty-${width}`);
    await press(page, '提交评价，确认完成');
    await see(page, '请为服务态度选择星级');
    await shot(page, `resident-rating-required-${width}`);
    // Choosing lights exactly the stars chosen and clears that dimension's problem.
    await page.locator('.nut-rate').filter({ visible: true }).first().locator('.nut-rate-item').nth(3).click();
    const lit = page.locator('.nut-rate .nut-rate-item-icon:not(.nut-rate-item-icon-half):not(.nut-rate-item-icon-disabled)').filter({ visible: true });
    expect(await lit.count()).toBe(4);
    expect(await visible(page, '请为服务态度选择星级').count()).toBe(0);
    await see(page, '请为准时程度选择星级');
    expect((await app.store.getOrder(id))!.state).toBe('pending_confirm');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(WIDTHS)('offers 再来一单 on a finished order, opening the form with the same service and household (%i px)', async (width) => {
    const app = running();
    const id = await placeOrder(app, '送一份午餐', 's-meal');
    const order = await app.store.getOrder(id);
    await app.api('orders', 'demo-resident', {
      action: 'cancel',
      role: 'resident',
      orderId: id,
      version: order!.version,
      requestId: `e2e-${id}-cancel`,
      input: {},
    });
    const page = await enterAs(app, 'demo-resident');
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await openOrder(page, id);
    await see(page, '工单已取消');
    await shot(page, `resident-order-again-${width}`);
    await press(page, '再来一单');
    await see(page, '爱心午餐送餐');
    await see(page, '社区补贴');
    // The contact is filled in once the session has arrived.
    await expect.poll(() => page.locator('input').filter({ visible: true }).first().inputValue()).toBe('张秀兰');
    await shot(page, `resident-create-again-${width}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('clears "不能为空" as soon as the resident types, in a body-sized box, and takes a usual complaint in one tap', async () => {
    const app = running();
    const id = await acceptedMeal();
    // 投诉 is offered once the worker is at the door (before that, only once a deadline has passed).
    const accepted = await app.store.getOrder(id);
    await app.api('orders', 'demo-worker-2', {
      action: 'start',
      role: 'worker',
      orderId: id,
      version: accepted!.version,
      requestId: `e2e-${id}-start`,
      input: {},
    });
    const page = await enterAs(app, 'demo-resident');
    const errors = watchErrors(page);
    await openOrder(page, id);
    await press(page, '投诉');
    await press(page, '提交投诉');
    await see(page, '不能为空');
    await shot(page, 'resident-complaint-empty-390');
    await write(page, '送餐');
    await page.waitForTimeout(100);
    expect(await visible(page, '不能为空').count()).toBe(0);
    const box = page.locator('textarea').filter({ visible: true }).first();
    const size = await box.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    const body = await page
      .locator('.detail-text')
      .filter({ visible: true })
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(body);
    await shot(page, 'resident-complaint-typing-390');
    // The usual complaints are one tap each, then sent as they read.
    await tap(page, '师傅没有按时上门');
    await expect(box.inputValue()).resolves.toBe('师傅没有按时上门');
    await press(page, '提交投诉');
    await expect.poll(async () => (await app.store.getOrder(id))!.complaints.map((c) => c.text)).toEqual(['师傅没有按时上门']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("keeps a worker's 退回 reason between staff, and says the property is arranging someone again", async () => {
    const app = running();
    const id = await placeOrder(app, '客厅灯不亮');
    const act = async (user: string, role: string, action: string, input: Record<string, unknown> = {}) => {
      const order = await app.store.getOrder(id);
      await app.api('orders', user, { action, role, orderId: id, version: order!.version, requestId: `e2e-${id}-${action}`, input });
    };
    await act('demo-dispatcher', 'dispatcher', 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    await act('demo-worker', 'worker', 'accept');
    await act('demo-worker', 'worker', 'decline', { reason: '手头工单太多' });
    const page = await enterAs(app, 'demo-resident');
    const errors = watchErrors(page);
    await openOrder(page, id);
    await see(page, '物业正在安排人员');
    await see(page, '原师傅无法前来，物业正在重新安排');
    const text = await bodyText(page);
    expect(text).not.toContain('手头工单太多');
    expect(text).not.toContain('为您服务');
    await shot(page, 'resident-order-declined-390');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the home page without a console error', async () => {
    const page = await running().pageAs('demo-resident');
    const errors = watchErrors(page);
    await tap(page, '进入');
    await see(page, '爱心午餐送餐');
    await shot(page, 'resident-home-390');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lists my orders without a console error', async () => {
    const page = await enterAs(running(), 'demo-resident');
    const errors = watchErrors(page);
    await page.goto(`${running().url}/#/resident/pages/orders/index`);
    await see(page, '爱心午餐送餐');
    await shot(page, 'resident-orders-390');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
