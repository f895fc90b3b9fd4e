import { describe, expect, it } from 'vitest';
import { shot, useApp } from './support/app';
import { enterAs, press, see, startedByWorker, tap, write } from './support/ui';

/**
 * 代下单 in the H5 app: 高建华, the party member paired with 王德福 (who has no phone of his own),
 * orders a repair for him, and once it is done confirms and rates it on his behalf — at phone and
 * desktop width, reading what the order and its timeline say about who acted for whom.
 */
const running = useApp();
const WIDTHS = [390, 1440] as const;

describe('a paired party member orders for an elder and rates it', () => {
  let orderId = '';

  it.each(WIDTHS)('orders for 王德福, told plainly that it is 代下单 (%i px)', async (width) => {
    const page = await enterAs(running(), 'demo-leader');
    await page.setViewportSize({ width, height: 900 });
    await see(page, '需要什么服务');
    await press(page, '维修');
    await page.locator('.catalog-item', { hasText: '门窗家具维修' }).filter({ visible: true }).click();
    // His paired household comes first, with the note of what ordering for it means.
    await see(page, '代王德福下单（结对党员），工单会记下由您代办');
    await write(page, `王大爷家厨房门关不上（${width}）`);
    await shot(page, `party-proxy-form-${width}`);
    await press(page, '提交预约');
    await see(page, '待派单');
    await see(page, '高建华（结对党员）');
    await shot(page, `party-proxy-ordered-${width}`);
    const { items } = await running().store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 5 });
    const placed = items.find((o) => o.description.includes(`（${width}）`))!;
    expect(placed).toMatchObject({
      householdId: 'h-yg-b',
      contactName: '王德福',
      createdBy: 'demo-leader',
      proxy: { name: '高建华', relation: 'party_member' },
      partyMember: { userId: 'demo-leader' },
    });
    orderId = placed.id;
    await page.context().close();
  });

  it.each(WIDTHS)('confirms and rates it for him, marked 代居民确认 on the timeline (%i px)', async (width) => {
    const app = running();
    const { items } = await app.store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 5 });
    const id = items.find((o) => o.description.includes(`（${width}）`))?.id ?? orderId;
    const version = await startedByWorker(app, id);
    await app.api('orders', 'demo-worker', {
      action: 'complete',
      role: 'worker',
      orderId: id,
      version,
      requestId: `e2e-complete-${id}`,
      input: { notes: '门锁已更换' },
    });

    const page = await enterAs(app, 'demo-leader');
    await page.setViewportSize({ width, height: 900 });
    await press(page, '我的工单');
    await tap(page, `王大爷家厨房门关不上（${width}）`);
    await press(page, '确认完成并评价');
    const stars = page.locator('.action-sheet .nut-rate');
    for (let i = 0; i < 3; i++) await stars.nth(i).locator('.nut-rate-item').nth(4).click();
    await press(page, '提交评价，确认完成');
    await see(page, '已办结');
    await see(page, '代居民确认完成并评价');
    await see(page, '代居民下单');
    await shot(page, `party-proxy-rated-${width}`);
    expect(await app.store.getOrder(id)).toMatchObject({ state: 'closed', confirmedOnBehalf: true, rating: { quality: 5 } });
    await page.context().close();
  });
});
