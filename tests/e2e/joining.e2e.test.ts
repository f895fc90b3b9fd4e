import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, useApp } from './support/app';
import { confirmModal, enterAs, placeOrder, press, see, tap, write } from './support/ui';

/**
 * Joining in the H5 app: a WeChat user the community does not know applies, the admin approves and
 * they order; the admin invites a worker, who redeems the code and accepts an order.
 */
const running = useApp();

/** Opens the app as a fresh unknown WeChat user (the dev picker's 新用户) and goes to the join page. */
async function newcomer(): Promise<Page> {
  const context = await running().browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(running().url);
  await press(page, '新用户');
  await see(page, '您还没有加入社区');
  await press(page, '加入社区');
  await see(page, '我是居民：申请入户');
  return page;
}
const fill = (page: Page, placeholder: string, text: string, last = false) => {
  // Taro renders <Input> as a custom element around a native input carrying the same placeholder.
  const inputs = page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true });
  return (last ? inputs.last() : inputs.first()).fill(text);
};

describe('a newcomer joining as a resident', () => {
  it('applies for a household, sees it waiting, is approved by the admin and orders', async () => {
    const page = await newcomer();
    await shot(page, 'join-1-form');
    await press(page, '阳光小区');
    await press(page, '2号楼');
    await fill(page, '例如 2单元301', '3单元402');
    await fill(page, '您的姓名', '钱多多');
    await fill(page, '11位手机号', '13700001234');
    await press(page, '提交申请');
    await see(page, '等待社区审核');
    await see(page, '社区管理员审核通过后，您就可以为这一户下单了。');
    await shot(page, 'join-2-waiting');

    const admin = await enterAs(running(), 'demo-admin');
    await tap(admin, '成员与邀请');
    await see(admin, '钱多多 · 13700001234');
    await shot(admin, 'join-3-admin-applications');
    await press(admin, '通过');
    await see(admin, '没有等待审核的申请');
    await see(admin, '批准入户申请');
    await admin.context().close();

    await page.reload();
    await see(page, '已通过');
    await press(page, '进入社区服务');
    await tap(page, '进入');
    await see(page, '需要什么服务');
    await press(page, '维修');
    await page.locator('.catalog-item', { hasText: '门窗家具维修' }).filter({ visible: true }).click();
    await write(page, '新家的门锁不好用');
    await press(page, '提交预约');
    await see(page, '待派单');
    await shot(page, 'join-4-ordered');
    const orders = await running().store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 5 });
    expect(orders.items[0]).toMatchObject({ state: 'pending_dispatch', description: '新家的门锁不好用' });
    await page.context().close();
  });
});

describe('a worker joining by invitation', () => {
  it('the admin makes a code, the newcomer redeems it and accepts an order sent to them', async () => {
    const admin = await enterAs(running(), 'demo-admin');
    await tap(admin, '成员与邀请');
    await press(admin, '综合维修服务队');
    await press(admin, '生成邀请码');
    const code = (await admin.locator('.invite-code').filter({ visible: true }).first().textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await see(admin, `pages/index/index?invite=${code}`);
    await shot(admin, 'join-5-invitation');
    await admin.context().close();

    const page = await newcomer();
    await fill(page, '8位邀请码', code);
    await fill(page, '您的姓名', '吴师傅', true);
    await fill(page, '11位手机号', '13600001111', true);
    await press(page, '使用邀请码加入');
    await see(page, '您已加入幸福里社区');
    await shot(page, 'join-6-redeemed');
    const worker = (await running().store.listRefs('users', 'c-xingfuli')).find((u) => u.name === '吴师傅')!;
    expect(worker.roles).toEqual(['worker']);

    const orderId = await placeOrder(running(), '阳台晾衣架坏了');
    const order = (await running().store.getOrder(orderId))!;
    await running().api('orders', 'demo-dispatcher', {
      action: 'dispatch',
      role: 'dispatcher',
      orderId,
      version: order.version,
      requestId: `e2e-dispatch-${orderId}`,
      input: { teamId: 't-general', workerId: worker.id },
    });

    await press(page, '进入社区服务');
    await tap(page, '进入');
    // An order offered by name is accepted from its card in 我的任务.
    await page.locator('.order-card', { hasText: '阳台晾衣架坏了' }).filter({ visible: true }).getByText('接单', { exact: true }).click();
    await confirmModal(page).catch(() => undefined);
    await see(page, '已接单');
    await shot(page, 'join-7-accepted');
    expect((await running().store.getOrder(orderId))!).toMatchObject({ state: 'accepted', assignment: { workerId: worker.id } });
    await page.context().close();
  });
});
