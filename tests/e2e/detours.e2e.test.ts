import { describe, expect, it } from 'vitest';
import { shot, useApp } from './support/app';
import { enterAs, placeOrder, press, see, tap, write, PHOTO, startedByWorker } from './support/ui';

const running = useApp();

describe('the refuse path', () => {
  it('退单: the dispatcher refuses with a reason and a suggestion, and the resident reads both', async () => {
    const id = await placeOrder(running(), '小区外路灯不亮');
    const dispatcher = await enterAs(running(), 'demo-dispatcher');
    await tap(dispatcher, '小区外路灯不亮');
    await press(dispatcher, '退单');
    await write(dispatcher, '小区外市政路灯不归物业管理');
    await dispatcher.locator('input').filter({ visible: true }).last().fill('请拨打12345市民热线');
    await shot(dispatcher, 'refuse-1-sheet');
    await press(dispatcher, '确认退单');
    await see(dispatcher, '已退回');
    expect((await running().store.getOrder(id))!).toMatchObject({ state: 'refused', lastReason: '小区外市政路灯不归物业管理' });

    const resident = await enterAs(running(), 'demo-resident');
    await press(resident, '我的工单');
    await tap(resident, '小区外路灯不亮');
    await see(resident, '已退回');
    await see(resident, '小区外市政路灯不归物业管理');
    await see(resident, '请拨打12345市民热线');
    await shot(resident, 'refuse-2-resident');
    await dispatcher.context().close();
    await resident.context().close();
  });
});

describe('督办', () => {
  it('lets the supervisor press the dispatcher with a deadline, shown on the order', async () => {
    const id = await placeOrder(running(), '楼道灯坏了一个月');
    const supervisor = await enterAs(running(), 'demo-supervisor');
    await tap(supervisor, '楼道灯坏了一个月');
    await press(supervisor, '督办');
    await write(supervisor, '请今天之内派人维修，并向居民说明');
    await shot(supervisor, 'instruct-1-sheet');
    await press(supervisor, '发出督办');
    await see(supervisor, '请今天之内派人维修');
    await shot(supervisor, 'instruct-2-on-order');
    const order = (await running().store.getOrder(id))!;
    expect(order.instructions).toHaveLength(1);
    expect(order.instructions[0]).toMatchObject({ text: '请今天之内派人维修，并向居民说明', to: 'dispatcher', by: 'demo-supervisor' });

    const dispatcher = await enterAs(running(), 'demo-dispatcher');
    await tap(dispatcher, '楼道灯坏了一个月');
    await see(dispatcher, '请今天之内派人维修');
    await supervisor.context().close();
    await dispatcher.context().close();
  });
});

describe('a photo the server does not have', () => {
  it('keeps the 完工上报 form open, says which photo, and completes once it is removed', async () => {
    const id = await placeOrder(running(), '阳台水管滴水');
    const version = await startedByWorker(running(), id);
    const page = await enterAs(running(), 'demo-worker');
    // The upload is answered with an id of no file here, as if the photo had been lost since.
    await page.route('**/api/files', (route) => route.fulfill({ json: { ok: true, data: { fileId: 'f0000000000000.png' } } }));
    await tap(page, '阳台水管滴水');
    await press(page, '完工上报');
    await write(page, '更换了水管接头');
    const chooser = page.waitForEvent('filechooser');
    await tap(page, '添加照片');
    await (await chooser).setFiles({ name: 'pipe.png', mimeType: 'image/png', buffer: PHOTO });
    await page.locator('.photo-slot').filter({ visible: true }).first().waitFor();
    await press(page, '提交完工');
    await see(page, '第1张照片找不到，请删掉后重新添加');
    await shot(page, 'photo-missing-1-form');
    expect((await running().store.getOrder(id))!).toMatchObject({ state: 'in_service', version, completion: null });

    await tap(page, '删除');
    await press(page, '提交完工');
    await see(page, '待确认');
    expect((await running().store.getOrder(id))!).toMatchObject({ state: 'pending_confirm', completion: { notes: '更换了水管接头', photos: [] } });
    await page.context().close();
  });
});

describe('text from residents is shown as text', () => {
  it('renders an order description that looks like HTML literally, running nothing', async () => {
    const attack = '<img src=x onerror=alert(1)>';
    await placeOrder(running(), attack);
    const page = await enterAs(running(), 'demo-dispatcher');
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await tap(page, attack);
    await see(page, attack);
    await shot(page, 'xss-literal');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.context().close();
  });
});
