import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { playDemoMonth } from '@backend/server/demo-month';
import { shot, useApp } from './support/app';
import { placeOrder, press, see, startedByWorker, tap } from './support/ui';

/**
 * The desktop console: at a desk (1440 px) the staff pages of the H5 app lay out as tables with
 * sortable columns and filters, the chosen order beside the list without a page change, and
 * statistics, 考核 and the admin's lists side by side; at a phone's width (390 px) nothing changes.
 */
const running = useApp();
beforeAll(async () => {
  await playDemoMonth(running().store);
}, 120_000);

const DESK = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function enterAt(userId: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await running().pageAs(userId, viewport);
  await tap(page, '进入');
  return page;
}

/** The table's body rows as the texts of their cells, keyed by the header's words. */
async function tableRows(page: Page): Promise<Record<string, string>[]> {
  const table = page.locator('[role=table]').filter({ visible: true }).first();
  await table.waitFor();
  return table.evaluate((el) => {
    const [head, ...rows] = [...el.querySelectorAll('[role=row]')];
    const titles = [...(head?.querySelectorAll('[role=columnheader]') ?? [])].map((h) => (h.textContent ?? '').replace(/[▲▼↕]/g, '').trim());
    // The 服务 cell also quotes the resident's words under the service's name: its name is the value.
    const value = (c: Element) => ((c.querySelector('.order-table-service') ?? c).textContent ?? '').trim();
    return rows.map((r) => Object.fromEntries([...r.querySelectorAll('[role=cell]')].map((c, i) => [titles[i], value(c)])));
  });
}
const header = (page: Page, title: string) => page.locator('[role=columnheader]', { hasText: title }).filter({ visible: true }).first();
const chip = (page: Page, group: string, label: string) =>
  page.locator(`[role=group][aria-label="按${group}筛选"] [role=button]`, { hasText: label }).filter({ visible: true }).first();
/** The line above the table: how many rows, whether all are loaded, and in what order. */
async function note(page: Page, expected: RegExp): Promise<void> {
  const line = page.locator('.data-table-note').filter({ visible: true }).first();
  await expect.poll(async () => (await line.textContent())?.trim() ?? '', { timeout: 15_000 }).toMatch(expected);
}
const pinyin = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });
/** Whether a tap at the middle of this text reaches it, rather than something drawn over it. */
const reachable = (page: Page, text: string) =>
  page
    .getByText(text, { exact: true })
    .filter({ visible: true })
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && (el.contains(hit) || hit.contains(el));
    });

describe('the dispatcher at a desk (1440 px)', () => {
  it('sees the inbox as a table that sorts by a header, both ways, and filters by a column', async () => {
    const page = await enterAt('demo-dispatcher', DESK);
    await press(page, '已结束 50');
    // Every ended order is loaded, not a first page: the sorting and filters below cover them all.
    await note(page, /^共 50 条，已全部载入 · 最近有变动的在前$/);
    const before = await tableRows(page);
    expect(before).toHaveLength(50);
    // Ended orders run no clock: when they were placed instead of a deadline and a wait.
    expect(Object.keys(before[0]!)).toContain('下单时间');
    expect(Object.keys(before[0]!)).not.toContain('时限');

    await header(page, '服务').click();
    const up = (await tableRows(page)).map((r) => r.服务!);
    expect(up).toEqual([...up].sort(pinyin.compare));
    expect(await header(page, '服务').getAttribute('aria-sort')).toBe('ascending');
    await note(page, /· 按服务升序$/);
    await header(page, '服务').click();
    const down = (await tableRows(page)).map((r) => r.服务!);
    expect(down).toEqual([...up].sort(pinyin.compare).reverse());
    expect(await header(page, '服务').getAttribute('aria-sort')).toBe('descending');
    await shot(page, 'console-dispatcher-sorted-1440');
    // …and from the keyboard: Tab to a header, Enter sorts (a third press restores the delivered order).
    await header(page, '服务').focus();
    await page.keyboard.press('Enter');
    expect(await header(page, '服务').getAttribute('aria-sort')).toBe('none');
    await page.keyboard.press(' ');
    expect(await header(page, '服务').getAttribute('aria-sort')).toBe('ascending');

    const kinds = new Set(before.map((r) => r.类别));
    expect(kinds.size).toBeGreaterThan(1);
    const kind = before[0]!.类别!;
    await chip(page, '类别', kind).click();
    const narrowed = await tableRows(page);
    expect(narrowed.length).toBeLessThan(before.length);
    expect(narrowed.every((r) => r.类别 === kind)).toBe(true);
    await chip(page, '类别', '全部').click();
    expect((await tableRows(page)).length).toBe(before.length);
    await page.context().close();
  });

  it('opens an order beside the list and dispatches it there, without leaving the inbox', async () => {
    const id = await placeOrder(running(), '书房台灯不亮了，插座也没电');
    const page = await enterAt('demo-dispatcher', DESK);
    const inbox = page.url();
    await page.locator('input[placeholder="搜索"]').filter({ visible: true }).fill('书房台灯');
    const rows = await tableRows(page);
    expect(rows).toHaveLength(1);
    await page.locator('[role=row]').filter({ visible: true }).nth(1).click();
    const pane = page.locator('[role=region][aria-label="工单详情"]');
    await pane.getByText('书房台灯不亮了，插座也没电').waitFor();
    expect(page.url()).toBe(inbox);
    expect(await page.locator('[role=row][aria-selected=true]').count()).toBe(1);
    await shot(page, 'console-dispatcher-detail-1440');

    // On a smaller desk too, the sheet is drawn above the list: a tap on its options reaches them,
    // not the table's header (which once covered the first team and half of the workers).
    await page.setViewportSize({ width: 1280, height: 800 });
    await pane.getByText('派单', { exact: true }).click();
    await see(page, '派到本队抢单池');
    await shot(page, 'console-dispatcher-sheet-1280');
    expect(await reachable(page, '综合维修服务队')).toBe(true);
    // A team whose skills leave the order's kind out says so before anyone picks it.
    await see(page, '本队不做「维修」，派给他们前请先确认');
    await press(page, '派到本队抢单池');
    await press(page, '确认派单');
    await pane.getByText('待接单', { exact: true }).first().waitFor();
    // The row follows the order at once.
    expect((await tableRows(page))[0]!.状态).toBe('待接单');
    expect(page.url()).toBe(inbox);
    expect((await running().store.getOrder(id))!.state).toBe('pending_accept');
    await page.context().close();
  });
});

describe('the supervisor at a desk (1440 px)', () => {
  it('has every order of the community in the board’s table, over more than one page, and sorts them all', async () => {
    let total = 0;
    for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
      const page = await running().store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 50, cursor });
      total += page.items.length;
      cursor = page.nextCursor;
    }
    expect(total).toBeGreaterThan(50);
    const page = await enterAt('demo-supervisor', DESK);
    await note(page, new RegExp(`^共 ${total} 条，已全部载入 · 最近有变动的在前$`));
    expect(await tableRows(page)).toHaveLength(total);
    await header(page, '已等待').click();
    await header(page, '已等待').click();
    await note(page, new RegExp(`^共 ${total} 条，已全部载入 · 按已等待降序$`));
    await shot(page, 'console-supervisor-all-rows-1440');
    await page.context().close();
  });
});

/**
 * An order opened alone (a link, a message) at a desk: facts and buttons on the left, the timeline
 * beside them, the buttons in view without scrolling; at a phone the one column and the bottom bar.
 */
describe('the order page opened alone', () => {
  let waiting = '';
  let started = '';
  beforeAll(async () => {
    waiting = await placeOrder(running(), '阳台的晾衣架掉下来了');
    started = await placeOrder(running(), '卫生间的水龙头一直滴水');
    await startedByWorker(running(), started);
  });

  const ROLES = [
    ['resident', 'demo-resident', () => waiting, '取消工单', 'resident/pages/home/index'],
    ['dispatcher', 'demo-dispatcher', () => waiting, '派单', 'dispatcher/pages/inbox/index'],
    ['supervisor', 'demo-supervisor', () => waiting, '督办', 'supervisor/pages/board/index'],
    ['worker', 'demo-worker', () => started, '完工上报', 'worker/pages/tasks/index'],
  ] as const;

  it.each(ROLES)('as %s: at 1440 px the timeline beside the facts and the buttons in view', async (role, user, id, button, home) => {
    const page = await running().pageAs(user, DESK);
    await page.goto(`${running().url}/#/${role}/pages/order/index?id=${id()}`);
    await page.reload();
    await see(page, '办理记录');
    const actions = page.locator('[role=region][aria-label="可办理"]').filter({ visible: true }).first();
    const timeline = page.locator('[role=region][aria-label="办理记录"]').filter({ visible: true }).first();
    await actions.getByText(button, { exact: true }).first().waitFor();
    const a = (await actions.boundingBox())!;
    const t = (await timeline.boundingBox())!;
    expect(t.x).toBeGreaterThan(a.x + a.width);
    expect(a.y + a.height).toBeLessThanOrEqual(DESK.height);
    // A wide band, not the phone column (about 400 px) in the middle of the screen.
    expect(t.x + t.width - a.x).toBeGreaterThan(1000);
    expect(await page.locator('.bottom-bar').filter({ visible: true }).count()).toBe(0);
    await shot(page, `console-order-${role}-1440`);
    // Opened alone there is no list behind it: ‹ 返回 goes to the role's first page.
    await press(page, '‹ 返回');
    await page.waitForURL(new RegExp(`#/${home}`));
    await page.context().close();
  });

  it.each(ROLES)('as %s: at 390 px one column with the buttons in the bottom bar', async (role, user, id, button) => {
    const page = await running().pageAs(user, PHONE);
    await page.goto(`${running().url}/#/${role}/pages/order/index?id=${id()}`);
    await page.reload();
    await see(page, '办理记录');
    await page.locator('.bottom-bar').filter({ visible: true }).getByText(button, { exact: true }).first().waitFor();
    expect(await page.locator('.order-wide').filter({ visible: true }).count()).toBe(0);
    await shot(page, `console-order-${role}-390`);
    await page.context().close();
  });
});

describe('at a phone (390 px) the inbox is unchanged', () => {
  it('shows cards, no table, and a card opens the order page', async () => {
    const page = await enterAt('demo-dispatcher', PHONE);
    await page.locator('.order-card').filter({ visible: true }).first().waitFor();
    expect(await page.locator('[role=table]').filter({ visible: true }).count()).toBe(0);
    await shot(page, 'console-dispatcher-inbox-390');
    await page.locator('.order-card').filter({ visible: true }).first().click();
    await page.waitForURL(/dispatcher\/pages\/order\/index/);
    await see(page, '办理记录');
    await page.context().close();
  });
});

describe('a worker at the cap of open orders (390 px)', () => {
  it('is told so above the pool, before any 抢单 is tapped, and its 抢单 are not offered', async () => {
    const page = await enterAt('demo-worker-3', PHONE);
    await see(page, '我的任务');
    await press(page, '队伍抢单池');
    await see(page, '您手头工单已满（2单），请先完成在办工单');
    await shot(page, 'console-worker-full-pool-390');
    const grabs = page.locator('.order-card .nut-button', { hasText: '抢单' }).filter({ visible: true });
    expect(await grabs.count()).toBeGreaterThan(0);
    for (const button of await grabs.all()) expect(await button.getAttribute('class')).toContain('nut-button-disabled');
    await page.context().close();
  });
});

/** Every console page, as a screenshot at both widths; the wide one with its tables. */
const CONSOLE_PAGES = [
  ['demo-dispatcher', 'dispatcher-inbox', '/dispatcher/pages/inbox/index', '待派单', 1],
  ['demo-supervisor', 'supervisor-board', '/supervisor/pages/board/index', '需要处理', 1],
  ['demo-supervisor', 'supervisor-stats', '/supervisor/pages/stats/index', '服务队排名', 5],
  ['demo-supervisor', 'supervisor-assessment', '/supervisor/pages/assessment/index', '物业公司', 2],
  ['demo-admin', 'admin-members', '/admin/pages/members/index', '社区成员', 3],
  ['demo-admin', 'admin-settings', '/admin/pages/settings/index', '服务目录', 1],
] as const;

describe.each(CONSOLE_PAGES)('%s: %s', (user, name, route, ready, tables) => {
  it(`has ${tables} table(s) at 1440 px and none at 390 px`, async () => {
    for (const viewport of [DESK, PHONE]) {
      const page = await running().pageAs(user, viewport);
      await page.goto(`${running().url}/#${route}`);
      await page.reload();
      await see(page, ready);
      await page.waitForLoadState('networkidle');
      const count = await page.locator('[role=table]').filter({ visible: true }).count();
      expect(count).toBe(viewport === DESK ? tables : 0);
      await shot(page, `console-${name}-${viewport.width}`);
      await page.context().close();
    }
  });
});
