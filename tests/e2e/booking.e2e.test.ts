import { describe, expect, it } from 'vitest';
import { chinaDayNumber, chinaParts } from '@core';
import { shot, useApp } from './support/app';
import { confirmModal, enterAs, placeOrder, press, see, tap } from './support/ui';

/**
 * 改约 in the H5 app: a resident moves the booked time of an open order; a worker who finds nobody
 * home proposes another time, the order waits on the resident (its clocks paused), and the resident
 * accepts it, which makes it the booking.
 */
const running = useApp();

/** Takes the next step of the lifecycle through the API, as `user` in `role`. */
async function step(orderId: string, user: string, role: string, action: string, input: Record<string, unknown> = {}) {
  const { order } = await running().api('orders', user, { action: 'get', role, orderId });
  await running().api('orders', user, { action, role, orderId, version: order.version, requestId: `e2e-${action}-${Date.now()}`, input });
}

describe('改约 and a proposed time', () => {
  it('opens the sheet in the phone-wide column at a desk, its backdrop dimming the whole window', async () => {
    await placeOrder(running(), '阳台晾衣架卡住了');
    const resident = await running().pageAs('demo-resident', { width: 1440, height: 900 });
    await tap(resident, '进入');
    await press(resident, '我的工单');
    await tap(resident, '阳台晾衣架卡住了');
    await press(resident, '改约');
    await press(resident, '明天上午');
    const overlay = resident.locator('.nut-overlay').filter({ visible: true }).last();
    await expect.poll(async () => (await overlay.boundingBox())?.width).toBe(1440);
    const sheet = resident.locator('.nut-popup').filter({ visible: true }).last();
    expect((await sheet.boundingBox())!.width).toBeLessThan(600);
    await shot(resident, 'booking-0-reschedule-sheet-1440');
    await resident.context().close();
  });

  it('lets the resident move an open order to tomorrow morning, shown on the timeline', async () => {
    const id = await placeOrder(running(), '卧室空调不制冷');
    const resident = await enterAs(running(), 'demo-resident');
    await press(resident, '我的工单');
    await tap(resident, '卧室空调不制冷');
    await press(resident, '改约');
    await press(resident, '明天上午');
    await press(resident, '临时有事');
    await shot(resident, 'booking-1-reschedule-sheet');
    await press(resident, '确认改约');
    await see(resident, '改到：');
    await shot(resident, 'booking-2-rescheduled');
    const order = (await running().store.getOrder(id))!;
    expect(order.rescheduleCount).toBe(1);
    // The next China day, whatever zone the browser is in.
    expect(chinaDayNumber(order.timeWindow.from)).toBe(chinaDayNumber(Date.now()) + 1);
    await resident.context().close();
  });

  it('lets a worker who found nobody home propose a time that the resident accepts', async () => {
    const id = await placeOrder(running(), '厨房灯不亮了');
    await step(id, 'demo-dispatcher', 'dispatcher', 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    await step(id, 'demo-worker', 'worker', 'accept');

    const worker = await enterAs(running(), 'demo-worker');
    await tap(worker, '厨房灯不亮了');
    await press(worker, '提议改期');
    await press(worker, '明天下午');
    await press(worker, '上门时家中无人');
    await shot(worker, 'booking-3-propose-sheet');
    await press(worker, '发给居民确认');
    await see(worker, '等待居民确认');
    expect((await running().store.getOrder(id))!.waiting).toMatchObject({ reason: '上门时家中无人', by: 'demo-worker' });

    const resident = await enterAs(running(), 'demo-resident');
    await press(resident, '我的工单');
    await tap(resident, '厨房灯不亮了');
    await see(resident, '服务队员提议改到');
    await shot(resident, 'booking-4-resident-asked');
    await press(resident, '同意改期');
    await confirmModal(resident);
    await see(resident, '不计入服务队用时');
    await shot(resident, 'booking-5-accepted');
    const order = (await running().store.getOrder(id))!;
    expect(order.waiting).toBeNull();
    expect(chinaParts(order.timeWindow.from).hour).toBe(14);
    expect(order.residentHeldMs).toBeGreaterThanOrEqual(0);
    await worker.context().close();
    await resident.context().close();
  });
});
