import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppUnderTest } from './app';

/**
 * Finding things the way a person does: by the words on the screen. Taro's H5 router keeps earlier
 * pages in the DOM, hidden once the next page has slid in, so every lookup is of what is visible now
 * and not on a page beneath the top one (during the slide both show; a click must not land on the old).
 */
const NOT_BENEATH = ':not(.taro_router > .taro_page:not(:last-child) *)';
export const visible = (page: Page, text: string, exact = false) =>
  page.getByText(text, { exact }).and(page.locator(NOT_BENEATH)).filter({ visible: true }).first();
/** Presses the button (or chip) labelled exactly so. */
export const press = (page: Page, label: string) => visible(page, label, true).click();
/** Taps whatever shows this text, e.g. an order card by its description. */
export const tap = (page: Page, text: string) => visible(page, text).click();
/** Waits until the text shows. */
export const see = (page: Page, text: string) => visible(page, text).waitFor();
/** The Taro modal's confirm button (the last in its footer). */
export const confirmModal = (page: Page) => page.locator('.taro-modal__foot > div:last-child').click();
/** Fills the visible text area (inside an open action sheet, if any). */
export const write = (page: Page, text: string, nth = 0) =>
  page.locator('textarea').and(page.locator(NOT_BENEATH)).filter({ visible: true }).nth(nth).fill(text);

/** Opens the app as a demo user and enters the role they hold (the first, if several). */
export async function enterAs(app: AppUnderTest, userId: string): Promise<Page> {
  const page = await app.pageAs(userId);
  await tap(page, '进入');
  return page;
}

/** A real 1×1 PNG, as a phone's picker would hand over. */
export { PNG as PHOTO } from '../../support/photos';

/** Takes a placed order through the API to 服务中 with 刘师傅 (dispatched to him by name, accepted, started); resolves to the order's version then. */
export async function startedByWorker(app: AppUnderTest, id: string): Promise<number> {
  let version = 1;
  for (const [who, role, action, input] of [
    ['demo-dispatcher', 'dispatcher', 'dispatch', { teamId: 't-general', workerId: 'demo-worker' }],
    ['demo-worker', 'worker', 'accept', {}],
    ['demo-worker', 'worker', 'start', {}],
  ] as const) {
    const { order } = await app.api('orders', who, { action, role, orderId: id, version, requestId: `e2e-${action}-${id}`, input });
    version = order.version;
  }
  return version;
}

/** Places an order through the API as a resident, to set the scene for a test about another role. */
export async function placeOrder(app: AppUnderTest, description: string, serviceItemId = 's-repair'): Promise<string> {
  const now = Date.now();
  const { order } = await app.api('orders', 'demo-resident', {
    action: 'create',
    requestId: `e2e-${now}-${Math.random().toString(36).slice(2, 8)}`,
    order: { serviceItemId, householdId: 'h-yg-a', description, timeWindow: { from: now, to: now + 7_200_000 } },
  });
  expect(order.state).toBe('pending_dispatch');
  return order.id as string;
}
