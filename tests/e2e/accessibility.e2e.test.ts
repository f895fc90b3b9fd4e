import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import { playDemoGrievances } from '@backend/server/demo-grievances';
import { playDemoMonth } from '@backend/server/demo-month';
import type { Order } from '@core';
import { shot, useApp } from './support/app';
import { axeViolations } from './support/axe';
import { press, see } from './support/ui';

/**
 * axe-core finds no serious or critical accessibility violation on any page of the H5 app, for every
 * role, at a phone's width (390 px) and a desk's (1440 px, where staff pages are the console): names
 * of buttons and fields, contrast, roles. A failure names the page, the rule and the element.
 */
const running = useApp();
beforeAll(async () => {
  await playDemoMonth(running().store);
  await playDemoGrievances(running().store);
}, 120_000);

const WIDTHS = [390, 1440] as const;

/** An order of the demo month that fits (the seed leaves orders in every state). */
async function orderWhere(fits: (o: Order) => boolean): Promise<string> {
  const { items } = await running().store.listOrders({ kind: 'community', communityId: 'c-xingfuli' }, {}, { limit: 500 });
  const found = items.find(fits);
  if (!found) throw new Error('the demo month has no such order');
  return found.id;
}

interface Visit {
  readonly name: string;
  /** The page of src/app.config.ts it opens. */
  readonly page: string;
  readonly route: () => Promise<string>;
  /** Words that show once the page has drawn its data. */
  readonly ready: string;
}
const at = (name: string, route: string, ready: string): Visit => ({ name, page: route.split('?')[0]!, route: async () => route, ready });

/** Every page each demo user can reach, with an order in a fitting state for the order pages. */
const PAGES: readonly (readonly [string, readonly Visit[]])[] = [
  [
    'demo-resident',
    [
      at('resident-home', '/resident/pages/home/index', '需要什么服务'),
      at('resident-create', '/resident/pages/create/index?itemId=s-repair', '提交预约'),
      at('resident-orders', '/resident/pages/orders/index', '全部'),
      at('resident-grievance', '/resident/pages/grievance/index', '提交诉求'),
      at('resident-grievances', '/resident/pages/grievances/index', '居民诉求'),
      at('resident-inbox', '/inbox/pages/index/index?role=resident', '消息'),
      {
        name: 'resident-order',
        page: '/resident/pages/order/index',
        route: async () =>
          `/resident/pages/order/index?id=${await orderWhere((o) => o.state === 'pending_confirm' && ['h-yg-a', 'h-yg-b'].includes(o.householdId))}`,
        ready: '办理记录',
      },
    ],
  ],
  [
    'demo-dispatcher',
    [
      at('dispatcher-inbox', '/dispatcher/pages/inbox/index', '待派单'),
      {
        name: 'dispatcher-order',
        page: '/dispatcher/pages/order/index',
        route: async () => `/dispatcher/pages/order/index?id=${await orderWhere((o) => o.state === 'pending_dispatch')}`,
        ready: '办理记录',
      },
    ],
  ],
  [
    'demo-worker',
    [
      at('worker-tasks', '/worker/pages/tasks/index', '抢单池'),
      {
        name: 'worker-order',
        page: '/worker/pages/order/index',
        route: async () =>
          `/worker/pages/order/index?id=${await orderWhere((o) => o.assignment?.mode === 'member' && o.assignment.workerId === 'demo-worker')}`,
        ready: '办理记录',
      },
    ],
  ],
  [
    'demo-supervisor',
    [
      at('supervisor-board', '/supervisor/pages/board/index', '需要处理'),
      {
        name: 'supervisor-order',
        page: '/supervisor/pages/order/index',
        route: async () => `/supervisor/pages/order/index?id=${await orderWhere((o) => o.state === 'closed')}`,
        ready: '办理记录',
      },
      at('supervisor-stats', '/supervisor/pages/stats/index', '响应率'),
      at('supervisor-assessment', '/supervisor/pages/assessment/index', '服务队'),
      at('supervisor-meetings', '/supervisor/pages/meetings/index', '圆桌会议'),
      at('supervisor-volunteers', '/supervisor/pages/volunteers/index', '志愿服务'),
    ],
  ],
  [
    'demo-admin',
    [
      at('admin-settings', '/admin/pages/settings/index', '服务目录'),
      at('admin-members', '/admin/pages/members/index', '社区成员'),
      at('admin-community', '/admin/pages/community/index', '小区与楼栋'),
      at('admin-grid', '/admin/pages/grid/index', '结对党员'),
      at('admin-departments', '/admin/pages/departments/index', '职能部门名录'),
      at('public-board', '/board/pages/index/index', '晾晒'),
    ],
  ],
  [
    'demo-leader',
    [
      at('leader-grid-orders', '/admin/pages/grid-orders/index', '全部工单'),
      {
        name: 'leader-grid-order',
        page: '/admin/pages/grid-order/index',
        route: async () =>
          `/admin/pages/grid-order/index?id=${await orderWhere((o) => o.state === 'in_service' && ['h-yg-a', 'h-yg-b'].includes(o.householdId))}`,
        ready: '办理记录',
      },
    ],
  ],
];

/** Opens a route of the H5 app (hash router) afresh and waits until the page has drawn its data. */
async function open(page: Page, route: string, ready: string): Promise<void> {
  await page.goto(`${running().url}/#${route}`);
  await page.reload();
  await page.waitForLoadState('networkidle');
  await see(page, ready);
  await page.waitForTimeout(300);
}

describe('the pages walked', () => {
  it('are every page of the subpackages in src/app.config.ts, so a new page cannot be left out', () => {
    const config = fs.readFileSync('src/app.config.ts', 'utf8');
    const declared = [...config.matchAll(/root: '([a-z]+)',\s*pages: \[([^\]]*)\]/g)].flatMap(([, root, pages]) =>
      [...pages!.matchAll(/'([^']+)'/g)].map(([, p]) => `/${root}/${p}`),
    );
    expect(declared.length).toBeGreaterThan(20);
    // The join page has a test of its own below (a newcomer, not a demo user).
    const walked = new Set([...PAGES.flatMap(([, visits]) => visits.map((v) => v.page)), '/join/pages/index/index']);
    expect(declared.filter((p) => !walked.has(p))).toEqual([]);
  });
});

describe.each(WIDTHS)('at %i px', (width) => {
  const viewport = { width, height: 900 };

  it('the start page, before and after choosing a demo user', async () => {
    const page = await running().pageAs('demo-supervisor', viewport);
    const problems = (await axeViolations(page)).map((p) => `start-roles: ${p}`);
    await page.goto(`${running().url}/#/pages/index/index?switch=1`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await see(page, '新用户');
    problems.push(...(await axeViolations(page)).map((p) => `start-picker: ${p}`));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each(PAGES)('every page of %s', async (user, visits) => {
    const page = await running().pageAs(user, viewport);
    const problems: string[] = [];
    for (const v of visits) {
      await open(page, await v.route(), v.ready);
      problems.push(...(await axeViolations(page)).map((p) => `${v.name}@${width}: ${p}`));
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the join page of a newcomer', async () => {
    const context = await running().browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(running().url);
    await press(page, '新用户');
    await press(page, '加入社区');
    await see(page, '我是居民：申请入户');
    await page.waitForTimeout(300);
    const problems = (await axeViolations(page)).map((p) => `join@${width}: ${p}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('长辈模式 pages of a resident and the console with an order open beside the list', async () => {
    const page = await running().pageAs('demo-resident', viewport);
    await page.evaluate(() => localStorage.setItem('rp.elder', JSON.stringify({ data: '1' })));
    await open(page, '/resident/pages/home/index', '一键呼叫物业');
    const problems = (await axeViolations(page)).map((p) => `elder-home@${width}: ${p}`);
    await open(page, '/resident/pages/create/index?itemId=s-meal', '确认预约');
    problems.push(...(await axeViolations(page)).map((p) => `elder-create@${width}: ${p}`));
    await page.context().close();

    const staff = await running().pageAs('demo-dispatcher', viewport);
    await open(staff, '/dispatcher/pages/inbox/index', '待派单');
    if (width >= 1024) {
      await staff.locator('[role=row]').nth(1).click();
      await see(staff, '办理记录');
      await shot(staff, `a11y-console-open-${width}`);
    }
    problems.push(...(await axeViolations(staff)).map((p) => `dispatcher-open@${width}: ${p}`));
    expect(problems).toEqual([]);
    await staff.context().close();
  });
});
