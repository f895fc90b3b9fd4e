import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, useApp } from './support/app';
import { confirmModal, enterAs, press, see, tap } from './support/ui';

/**
 * 社区管理 in the H5 app: the admin adds a building and a 轮询 team (whose next order goes straight
 * to a worker), and imports a household sheet after reading its dry run.
 */
const running = useApp();

const fill = (page: Page, placeholder: string, text: string) =>
  page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true }).first().fill(text);
const HEADER = '小区,楼栋,单元,门牌,姓名,电话';
/** Picks a CSV in the file dialog the page opens. */
async function pickCsv(page: Page, lines: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await tap(page, '选择表格');
  await (await chooser).setFiles({ name: '住户.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`) });
}

async function community(): Promise<Page> {
  const admin = await enterAs(running(), 'demo-admin');
  await press(admin, '社区管理 ›');
  // 小区（n个）: the import test adds one.
  await see(admin, '个）');
  return admin;
}

describe('the admin managing the community', () => {
  it('adds a building to a compound', async () => {
    const admin = await community();
    await shot(admin, 'manage-1-places');
    const form = admin.locator('.manage-form', { hasText: '添加楼栋' });
    await form.getByText('阳光小区', { exact: true }).click();
    await fill(admin, '如：3号楼', '9号楼');
    await form.getByText('添加', { exact: true }).click();
    await see(admin, '9号楼（0户）');
    const buildings = await running().store.listRefs('buildings');
    expect(buildings.find((b) => b.name === '9号楼')).toMatchObject({ compoundId: 'cp-yangguang', rev: 1 });
    await admin.context().close();
  });

  it('adds a 轮询 team, and the next repair order goes straight to one of its workers', async () => {
    const admin = await community();
    await press(admin, '服务队与队员');
    await fill(admin, '如：夜间维修队', '夜间维修队');
    await press(admin, '维修');
    await press(admin, '刘师傅');
    await press(admin, '轮询');
    await see(admin, '新工单立即轮流派给在岗、未满单且会这类服务的队员');
    await shot(admin, 'manage-2-team-form');
    await press(admin, '添加');
    await see(admin, '队员：刘师傅');
    await shot(admin, 'manage-3-teams');
    await admin.context().close();

    await running().api('orders', 'demo-resident', {
      action: 'create',
      requestId: 'e2e-rotation-1',
      order: { serviceItemId: 's-repair', householdId: 'h-yg-a', description: '夜里门锁坏了', timeWindow: { from: Date.now(), to: Date.now() + 3_600_000 } },
    });
    const [order] = (await running().store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 1 })).items;
    expect([order!.state, order!.assignment]).toMatchObject(['pending_accept', { mode: 'member', workerId: 'demo-worker' }]);
  });

  it('imports a sheet: reads every row’s problem and the compounds it would add first, then imports the corrected one', async () => {
    const admin = await community();
    await press(admin, '表格导入导出');
    await pickCsv(admin, ['阳光小区,1号楼,4,401,吴小明,13600001111', '月亮小区,1号楼,1,101,某某,13600002222', '阳光小区,1号楼,4,402,钱多多,1360000']);
    await see(admin, '有问题 1 行');
    await see(admin, '将新建小区：月亮小区');
    await see(admin, '电话“1360000”不是11位手机号');
    await shot(admin, 'manage-4-dry-run-problems');
    // Nothing can be imported while a row has a problem: the button stays disabled.
    const confirm = admin.locator('.nut-button', { hasText: '确认导入' }).filter({ visible: true }).first();
    expect(await confirm.getAttribute('class')).toContain('nut-button-disabled');

    await pickCsv(admin, ['阳光小区,1号楼,4,401,吴小明,13600001111', '月亮小区,1号楼,1,101,某某,13600002222', '阳光小区,1号楼,4,402,钱多多,13600003333']);
    await see(admin, '新增 3 行');
    await shot(admin, 'manage-5-dry-run-clean');
    await tap(admin, '确认导入（3行）');
    await see(admin, '选择表格文件');
    expect((await running().store.listRefs('compounds', 'c-xingfuli')).map((c) => c.name)).toContain('月亮小区');
    const households = await running().store.listRefs('households', 'c-xingfuli');
    expect(
      households
        .filter((h) => h.door.startsWith('4单元'))
        .map((h) => h.door)
        .sort(),
    ).toEqual(['4单元401', '4单元402']);
    await press(admin, '住户与居民');
    await see(admin, '吴小明 13600001111');
    await shot(admin, 'manage-6-residents');
    await admin.context().close();
  });
});

describe('the admin deleting what was added by mistake', () => {
  it.each([390, 1440])('refuses a building that has households, with the reason, and deletes an empty one (%i px)', async (width) => {
    const name = `误加${width}号楼`;
    await running().api('manage', 'demo-admin', { action: 'saveBuilding', role: 'admin', compoundId: 'cp-heping', name });
    const admin = await community();
    await admin.setViewportSize({ width, height: 900 });
    // The building form, whether it reads 添加楼栋 or 修改楼栋.
    const form = admin.locator('.manage-form', { hasText: '楼栋名称' }).filter({ visible: true });
    await form.getByText('和平小区', { exact: true }).click();

    await form.getByText('5号楼', { exact: true }).click();
    await form.getByText('删除', { exact: true }).click();
    await confirmModal(admin);
    await see(admin, '楼栋“和平小区5号楼”还有2户住户');
    await shot(admin, `manage-remove-refused-${width}`);

    await form.getByText(name, { exact: true }).click();
    await form.getByText('删除', { exact: true }).click();
    await confirmModal(admin);
    await see(admin, '添加楼栋');
    expect((await running().store.listRefs('buildings')).map((b) => b.name)).not.toContain(name);
    await shot(admin, `manage-remove-done-${width}`);
    const audit = await running().api('membership', 'demo-admin', { action: 'audit', role: 'admin' });
    expect(audit.items[0]).toMatchObject({ what: 'building.removed', subject: `和平小区${name}` });
    await admin.context().close();
  });
});
