import { describe, expect, it } from 'vitest';
import { shot, useApp } from './support/app';
import { enterAs, placeOrder, press, see, tap, write, PHOTO, startedByWorker } from './support/ui';

describe('in dev mode (npm start), under the security headers and the write checks', () => {
  const running = useApp();

  it('uploads a photo from the H5 app (its own origin, an image type) and puts it on the completion', async () => {
    const id = await placeOrder(running(), '卫生间地漏堵塞');
    await startedByWorker(running(), id);
    const page = await enterAs(running(), 'demo-worker');
    const uploads: { origin: string | null; type: string | null; status: number }[] = [];
    page.on('requestfinished', async (request) => {
      if (!request.url().endsWith('/api/files') || request.method() !== 'POST') return;
      const headers = await request.allHeaders();
      uploads.push({ origin: headers.origin ?? null, type: headers['content-type'] ?? null, status: (await request.response())?.status() ?? 0 });
    });
    await tap(page, '卫生间地漏堵塞');
    await press(page, '完工上报');
    await write(page, '疏通了地漏');
    const chooser = page.waitForEvent('filechooser');
    await tap(page, '添加照片');
    await (await chooser).setFiles({ name: 'drain.png', mimeType: 'image/png', buffer: PHOTO });
    await page.locator('.photo-slot').filter({ visible: true }).first().waitFor();
    await press(page, '提交完工');
    await see(page, '待确认');
    await shot(page, 'local-server-1-photo-uploaded');

    expect(uploads).toEqual([{ origin: running().url, type: 'image/png', status: 200 }]);
    const order = (await running().store.getOrder(id))!;
    expect(order).toMatchObject({ state: 'pending_confirm', completion: { notes: '疏通了地漏' } });
    expect(order.completion!.photos).toHaveLength(1);
    await page.context().close();
  });
});

describe('without dev mode', () => {
  const running = useApp({ dev: false });

  it('shows the public 晾晒 board with its figures, under the policy, and nobody can pick a demo user', async () => {
    const context = await running().browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${running().url}/board`);
    expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await see(page, '服务晾晒榜');
    await see(page, '响应率');
    await shot(page, 'local-server-2-board-without-dev-mode');
    expect(violations).toEqual([]);

    const users = await page.evaluate(async () => (await fetch('/api/dev/users')).status);
    expect(users).toBe(404);
    await context.close();
  });
});
