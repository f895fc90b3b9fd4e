import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/chromium';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { timeOrderedId, type Deps } from '@backend/runtime/deps';
import { deliveriesSettled } from '@backend/messaging/deliver';
import { localMessaging } from '@backend/messaging/local-messaging';
import { adjustableClock, startSweeper } from '@backend/server/scheduler';
import { createServer } from '@backend/server/http-server';
import { seedDemo } from '@backend/server/seed';
import { openSqliteStore } from '@backend/storage/embedded/sqlite-store';
import type { Store } from '@backend/storage/port';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const H5_DIR = process.env.E2E_H5_DIR ?? path.join(ROOT, 'dist-h5');
/** Screenshots of every step, kept as the run's artifacts. */
export const SHOTS_DIR = path.join(ROOT, 'test-results', 'e2e');

export interface AppUnderTest {
  readonly url: string;
  readonly store: Store;
  readonly browser: Browser;
  /** A fresh page signed in as a demo user (the H5 local identity): phone-sized (390 × 844) unless told. */
  pageAs(userId: string, viewport?: { readonly width: number; readonly height: number }): Promise<Page>;
  /** Calls a function over HTTP as a demo user, for setting the scene quickly; throws on an error. */
  api<T = any>(fn: string, userId: string, event: Record<string, unknown>): Promise<T>;
  /** Screenshots every page still open, named for a failed step: what the user saw when it failed. */
  captureFailure(name: string): Promise<void>;
  /** Moves the server's clock forward and sweeps, as `POST /api/dev/clock` does. */
  advance(minutes: number): Promise<void>;
  /** Every Content-Security-Policy violation a page of this app reported so far (each fails the test it happened in). */
  readonly cspViolations: string[];
  close(): Promise<void>;
}

/**
 * The real local server over a fresh demo community, serving the built H5 app, and a headless
 * Chromium. In dev mode (as `npm start`) unless told otherwise: then only the public board works.
 */
export async function startApp(opts: { dev?: boolean } = {}): Promise<AppUnderTest> {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) throw new Error('dist-h5 is missing: run `npx taro build --type h5` (npm test does)');
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-e2e-'));
  const store = openSqliteStore(dataDir);
  await seedDemo(store);
  const clock = adjustableClock();
  // Subscribe messages go to the simulated sender, as with `npm start` (the inbox page shows its outbox).
  const messages = localMessaging(clock.now, {});
  const deps: Deps = { store, now: clock.now, newId: (prefix) => timeOrderedId(prefix), messaging: messages };
  const sweeper = startSweeper(deps, 3_600_000);
  const server: http.Server = createServer({
    deps,
    h5Dir: H5_DIR,
    filesDir: path.join(dataDir, 'files'),
    dev: opts.dev === false ? undefined : { advanceClock: clock.advance, sweepNow: sweeper.sweepNow, outbox: messages.sender.outbox },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const pages: Page[] = [];
  const cspViolations: string[] = [];

  return {
    url,
    store,
    browser,
    cspViolations,
    async pageAs(userId, viewport = { width: 390, height: 844 }) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      pages.push(page);
      // Chromium reports a blocked script, style, image or request on the console, naming the policy.
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/.test(message.text())) cspViolations.push(message.text());
      });
      await page.goto(url);
      // Pick the demo user the way a tester does: by name on the start page.
      const user = await store.getRef('users', userId);
      if (!user) throw new Error(`no demo user ${userId}`);
      await page.getByText(user.name).first().click();
      return page;
    },
    async api(fn, userId, event) {
      const res = await fetch(`${url}/api/functions/${fn}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Dev-User': userId },
        body: JSON.stringify(event),
      });
      const body = (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string } };
      if (!body.ok) throw new Error(`${fn}.${String(event.action)}: ${body.error?.code}`);
      return body.data as never;
    },
    async captureFailure(name) {
      const open = pages.filter((p) => !p.isClosed());
      await Promise.all(open.map((p, i) => shot(p, `FAILED-${name}-${i}`).catch(() => undefined)));
    },
    async advance(minutes) {
      clock.advance(minutes * 60_000);
      await sweeper.sweepNow();
    },
    async close() {
      await browser.close();
      await sweeper.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deliveriesSettled(messages);
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the step under test-results/e2e/, once the page has finished sliding in. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

/**
 * Registers the spec file's hooks: one app (server + browser) for the file, closed at its end, and a
 * screenshot of every open page when a step fails. Returns the running app.
 */
export function useApp(opts: { dev?: boolean } = {}): () => AppUnderTest {
  let app: AppUnderTest | undefined;
  beforeAll(async () => {
    app = await startApp(opts);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await app?.captureFailure(ctx.task.name.slice(0, 12));
    // The server's policy must let the app do everything it does: a violation is a broken screen.
    const violations = app?.cspViolations.splice(0) ?? [];
    expect(violations).toEqual([]);
  });
  return () => {
    if (!app) throw new Error('the app has not started');
    return app;
  };
}
