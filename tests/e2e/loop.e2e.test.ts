import { describe, expect, it } from 'vitest';
import { shot, useApp } from './support/app';
import { confirmModal, enterAs, press, see, tap, write, PHOTO } from './support/ui';

/**
 * 点单 → 下单 → 接单 → 督单 in the H5 app, each role in its own browser, as a new user would click
 * through it: by the Chinese words on the screen.
 */
const running = useApp();

const enter = (userId: string) => enterAs(running(), userId);

/** A 1×1 PNG: small, but an image the browser decodes, as the H5 photo picker needs. */

describe('one order through all four roles', () => {
  let orderId = '';

  it('居民点单: a resident orders a repair from the catalogue', async () => {
    const page = await enter('demo-resident');
    await see(page, '需要什么服务');
    await press(page, '维修');
    await page.locator('.catalog-item', { hasText: '门窗家具维修' }).filter({ visible: true }).click();
    await write(page, '卧室门锁坏了，关不上');
    await shot(page, 'loop-1-order-form');
    await press(page, '提交预约');
    await see(page, '待派单');
    await shot(page, 'loop-1-ordered');
    const orders = await running().store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 5 });
    expect(orders.items).toHaveLength(1);
    orderId = orders.items[0]!.id;
    expect(orders.items[0]).toMatchObject({ state: 'pending_dispatch', description: '卧室门锁坏了，关不上', createdBy: 'demo-resident' });
    await page.context().close();
  });

  it("物业下单: the dispatcher sends it to the repair team's pool", async () => {
    const page = await enter('demo-dispatcher');
    await tap(page, '卧室门锁坏了');
    await press(page, '派单');
    await press(page, '派到本队抢单池');
    await shot(page, 'loop-2-dispatch-sheet');
    await press(page, '确认派单');
    await see(page, '待接单');
    await shot(page, 'loop-2-dispatched');
    expect((await running().store.getOrder(orderId))!.assignment).toEqual({ mode: 'pool', teamId: 't-general' });
    await page.context().close();
  });

  it('服务队接单: a worker grabs it, starts on site and reports completion', async () => {
    const page = await enter('demo-worker');
    await press(page, '队伍抢单池');
    await see(page, '卧室门锁坏了');
    await shot(page, 'loop-3-pool');
    await press(page, '抢单');
    await confirmModal(page);
    await see(page, '已接单');
    await press(page, '开始服务');
    await confirmModal(page);
    await see(page, '服务中');
    await press(page, '完工上报');
    await write(page, '更换了门锁锁芯，试开正常');
    // A photo of the new lock, picked from the album: uploaded at once, then sent with the report.
    const chooser = page.waitForEvent('filechooser');
    await tap(page, '添加照片');
    await (await chooser).setFiles({ name: 'lock.png', mimeType: 'image/png', buffer: PHOTO });
    await page.locator('.photo-slot').filter({ visible: true }).first().waitFor();
    await shot(page, 'loop-3-completion-form');
    await press(page, '提交完工');
    await see(page, '待确认');
    await shot(page, 'loop-3-completed');
    const completed = (await running().store.getOrder(orderId))!;
    expect(completed).toMatchObject({ state: 'pending_confirm', assignment: { workerId: 'demo-worker' } });
    expect(completed.completion?.photos).toHaveLength(1);
    // Served to those who may see the order (here the worker who took the photo), to nobody else.
    const served = await fetch(`${running().url}/api/files/${completed.completion!.photos[0]}`, { headers: { 'X-Dev-User': 'demo-worker' } });
    expect((await fetch(`${running().url}/api/files/${completed.completion!.photos[0]}`)).status).toBe(404);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PHOTO);
    await page.context().close();
  });

  it('居民确认: the resident confirms with five stars', async () => {
    const page = await enter('demo-resident');
    await press(page, '我的工单');
    await tap(page, '卧室门锁坏了');
    await press(page, '确认完成并评价');
    // Three five-star ratings: 态度, 时效, 质量.
    const stars = page.locator('.action-sheet .nut-rate');
    for (let i = 0; i < 3; i++) await stars.nth(i).locator('.nut-rate-item').nth(4).click();
    await shot(page, 'loop-4-rating');
    await press(page, '提交评价，确认完成');
    await see(page, '已办结');
    await shot(page, 'loop-4-closed');
    expect((await running().store.getOrder(orderId))!.rating).toMatchObject({ attitude: 5, timeliness: 5, quality: 5 });
    await page.context().close();
  });

  it('社区督单: the supervisor finds it 已办结 with its whole timeline', async () => {
    const page = await enter('demo-supervisor');
    await tap(page, '卧室门锁坏了');
    await see(page, '已办结');
    for (const step of ['居民下单', '派单', '抢单', '开始服务', '完工上报', '确认完成']) await see(page, step);
    await shot(page, 'loop-5-supervisor-timeline');
    expect((await running().store.listEvents(orderId)).map((e) => e.action)).toEqual(['create', 'dispatch', 'grab', 'start', 'complete', 'confirm']);
    await page.context().close();
  });
});
