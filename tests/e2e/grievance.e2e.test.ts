import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, useApp } from './support/app';
import { enterAs, press, see, tap, write } from './support/ui';

/**
 * 民有所呼 in the H5 app: a resident raises a 诉求 beyond the catalogue and finds it on the compound's
 * board; the supervisor calls a 圆桌会议, classifies the 诉求, puts it on the agenda, records the
 * decision and then the outcome; the resident rates it; the minutes show the item done and rated.
 */
const running = useApp();
const TEXT = '2号楼后面的消防通道被私家车堵住';

/** Fills the visible text inputs in order (the meeting form's title, place and five parties). */
async function fillInputs(page: Page, values: readonly string[]) {
  const inputs = page.locator('.card input').filter({ visible: true });
  for (let i = 0; i < values.length; i++) await inputs.nth(i).fill(values[i]!);
}

describe('a 诉求 goes through the roundtable to a rated outcome', () => {
  let id = '';

  it('居民提诉求: the resident raises it anonymously and sees it on the compound’s board', async () => {
    const page = await enterAs(running(), 'demo-resident');
    await tap(page, '小区诉求');
    await see(page, '小区里还没有诉求');
    await press(page, '提诉求');
    await tap(page, '安全隐患');
    await write(page, TEXT);
    await page.locator('.card input').filter({ visible: true }).first().fill('2号楼后消防通道');
    await tap(page, '匿名');
    await shot(page, 'grievance-1-raise');
    await press(page, '提交诉求');
    await see(page, '您已提交诉求');
    const [order] = (await running().store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, { kind: 'grievance' }, { limit: 5 })).items;
    expect(order).toMatchObject({ kind: 'grievance', description: TEXT, grievance: { category: 'safety', anonymous: true } });
    id = order!.id;
    await page.goBack();
    await page.reload();
    await see(page, TEXT);
    await see(page, '我提的');
    await shot(page, 'grievance-2-board');
    await page.context().close();
  });

  it('督单员召集圆桌会议, 分类定级, 提交圆桌会议, 记录决定, 录入结果', async () => {
    const page = await enterAs(running(), 'demo-supervisor');
    await tap(page, '诉求与圆桌会议');
    await press(page, '召集会议');
    await tap(page, '阳光小区');
    await fillInputs(page, ['阳光小区圆桌会议', '社区党群服务中心', '王书记', '李主任', '刘书记', '陈主任', '赵经理']);
    await shot(page, 'grievance-3-meeting-form');
    await press(page, '召集会议');
    await see(page, '会议纪要 ›');

    await page.goBack();
    await tap(page, TEXT);
    await press(page, '分类定级');
    await tap(page, '重大');
    await press(page, '确认分类定级');
    await see(page, '分类定级');
    await press(page, '转办');
    await tap(page, '提交圆桌会议');
    await tap(page, '阳光小区圆桌会议');
    await shot(page, 'grievance-4-route');
    await press(page, '确认转办');
    await see(page, '转办中');
    await press(page, '记录会议决定');
    await write(page, '物业安装隔离桩并划禁停线，业委会张贴公告');
    await tap(page, '7天内');
    await press(page, '保存会议决定');
    await see(page, '圆桌会议决定');
    await press(page, '录入办理结果');
    await write(page, '隔离桩已安装，消防通道已畅通');
    await press(page, '发布办理结果');
    await see(page, '待确认');
    await shot(page, 'grievance-5-resolved');
    const order = (await running().store.getOrder(id))!;
    expect(order).toMatchObject({ state: 'pending_confirm', grievance: { level: 'major', route: { to: 'roundtable' }, agenda: { responsible: 'property' } } });
    await page.context().close();
  });

  it('居民评价, and the minutes show the item done and rated', async () => {
    const page = await enterAs(running(), 'demo-resident');
    await press(page, '我的工单');
    // A 诉求 books no visit: its card shows when it was raised, no 预约.
    const card = page.locator('.order-card', { hasText: TEXT }).filter({ visible: true }).first();
    await expect(card.textContent()).resolves.not.toContain('预约');
    await tap(page, TEXT);
    await press(page, '确认完成并评价');
    const stars = page.locator('.action-sheet .nut-rate');
    for (let i = 0; i < 3; i++) await stars.nth(i).locator('.nut-rate-item').nth(4).click();
    await press(page, '提交评价，确认完成');
    await see(page, '已办结');
    await shot(page, 'grievance-6-rated');
    await page.context().close();

    const sup = await enterAs(running(), 'demo-supervisor');
    await tap(sup, '诉求与圆桌会议');
    await tap(sup, '会议纪要 ›');
    await see(sup, '已办结');
    await see(sup, '居民评价：5星');
    await shot(sup, 'grievance-7-minutes');
    expect((await running().store.listEvents(id)).map((e) => e.action)).toEqual(['raise', 'classify', 'route', 'agenda_decide', 'resolve', 'confirm']);
    await sup.context().close();
  });
});
