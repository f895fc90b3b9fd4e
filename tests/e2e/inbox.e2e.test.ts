import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, useApp } from './support/app';
import { measureElderRules } from './support/elder-measure';
import { confirmModal, enterAs, press, see, tap, write } from './support/ui';

/**
 * 订阅消息 and the inbox in the H5 app: a resident orders (the app records the consent WeChat's
 * prompt would ask for), a worker accepts from the card, and the resident sees the unread message
 * on the home page, reads it in the inbox beside what the simulated sender pushed, and opens the
 * order. At phone (390 px) and desktop (1440 px) width.
 */
const running = useApp();

const both = async (page: Page, name: string) => {
  await shot(page, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, `${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
};

describe('a subscribe message and the inbox, from ordering to reading', () => {
  let orderId = '';

  it('the resident orders, and agrees to hear how it goes', async () => {
    const page = await enterAs(running(), 'demo-resident');
    await press(page, '维修');
    await page.locator('.catalog-item', { hasText: '门窗家具维修' }).filter({ visible: true }).click();
    await write(page, '阳台推拉门卡住了');
    await press(page, '提交预约');
    await see(page, '待派单');
    orderId = (await running().store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 1 })).items[0]!.id;
    await expect.poll(async () => (await running().api('notifications', 'demo-resident', { action: 'sendings' })).consents.orderProgress).toBe(1);
    await page.context().close();
  });

  it('the worker accepts the order offered to them by name', async () => {
    const { order } = await running().api('orders', 'demo-dispatcher', {
      action: 'dispatch',
      role: 'dispatcher',
      orderId,
      version: (await running().store.getOrder(orderId))!.version,
      requestId: `e2e-dispatch-${orderId}`,
      input: { teamId: 't-general', workerId: 'demo-worker' },
    });
    expect(order.state).toBe('pending_accept');
    const page = await enterAs(running(), 'demo-worker');
    await page.locator('.order-card', { hasText: '阳台推拉门卡住了' }).filter({ visible: true }).getByText('接单', { exact: true }).click();
    await confirmModal(page);
    await expect.poll(async () => (await running().store.getOrder(orderId))!.state).toBe('accepted');
    await page.context().close();
  });

  it('the resident sees one unread message at home, reads it in the inbox with what was pushed, and opens the order', async () => {
    await expect
      .poll(async () =>
        (await running().api('notifications', 'demo-resident', { action: 'sendings' })).items.map((s: { step: string; outcome: string }) => [
          s.step,
          s.outcome,
        ]),
      )
      .toEqual([['accepted', 'sent']]);
    const page = await enterAs(running(), 'demo-resident');
    await see(page, '1 条未读');
    await see(page, '门窗家具维修 · 阳光小区');
    await both(page, 'inbox-1-home-unread');

    await tap(page, '1 条未读');
    await see(page, '师傅已接单');
    // The simulated sender's outbox: what WeChat's 服务通知 would have shown.
    await see(page, '模拟推送（本地开发）');
    await see(page, '已推送到微信');
    const group = page.locator('.inbox-group', { hasText: '师傅已接单' }).filter({ visible: true });
    await expect.poll(() => group.evaluate((el) => el.classList.contains('unread'))).toBe(true);
    await both(page, 'inbox-2-inbox');

    await group.click();
    await see(page, '刘师傅');
    await both(page, 'inbox-3-order-opened');
    await expect.poll(async () => (await running().api('notifications', 'demo-resident', { action: 'unread', role: 'resident' })).unread).toBe(0);
    await page.goBack();
    await see(page, '没有未读消息');
    await page.context().close();
  });

  it('every staff home shows its unread count too, and marking all read clears it', async () => {
    const page = await enterAs(running(), 'demo-dispatcher');
    await see(page, '条未读');
    await see(page, '新的居民点单');
    await both(page, 'inbox-4-dispatcher-home');
    await tap(page, '条未读');
    await press(page, '全部标为已读');
    await see(page, '没有未读消息');
    await both(page, 'inbox-5-dispatcher-all-read');
    expect((await running().api('notifications', 'demo-dispatcher', { action: 'unread', role: 'dispatcher' })).unread).toBe(0);
    await page.context().close();
  });

  it('meets the 适老化 sizes in 长辈模式', async () => {
    const page = await running().pageAs('demo-resident');
    await page.evaluate(() => localStorage.setItem('rp.elder', JSON.stringify({ data: '1' })));
    await page.goto(`${running().url}/#/inbox/pages/index/index?role=resident`);
    await page.reload();
    await see(page, '师傅已接单');
    await page.waitForTimeout(400);
    await shot(page, 'inbox-6-elder-390');
    expect(await measureElderRules(page)).toEqual([]);
    await page.context().close();
  });
});
