/**
 * The H5 first screen's bytes over the wire: the local server over a fresh demo store, serving
 * dist-h5, one cold headless Chromium page; sums the encoded (as sent) and decoded body sizes of
 * everything the start page loads. `npx tsx bench/first-screen-bytes.ts`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../scripts/chromium';
import { timeOrderedId } from '../backend/runtime/deps';
import { createServer } from '../backend/server/http-server';
import { seedDemo } from '../backend/server/seed';
import { openSqliteStore } from '../backend/storage/embedded/sqlite-store';

async function main() {
  const root = path.resolve(__dirname, '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-bytes-'));
  const store = openSqliteStore(dataDir);
  await seedDemo(store);
  const server = createServer({
    deps: { store, now: Date.now, newId: (p) => timeOrderedId(p) },
    h5Dir: path.join(root, 'dist-h5'),
    filesDir: path.join(dataDir, 'files'),
    dev: {},
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    // A cold cache, then the same page opened again in a new tab: what a return visit costs.
    for (const visit of ['first visit', 'return visit']) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.waitForSelector('.start-title', { timeout: 10_000 }).catch(() => undefined);
      const sizes = await page.evaluate(() => {
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
        return entries.map((e) => ({ encoded: e.encodedBodySize, decoded: e.decodedBodySize, transfer: e.transferSize }));
      });
      const kb = (k: 'encoded' | 'decoded' | 'transfer') => (sizes.reduce((s, x) => s + x[k], 0) / 1024).toFixed(1);
      console.log(`${visit}: ${sizes.length} requests, ${kb('transfer')} KB transferred (bodies as sent ${kb('encoded')} KB, decoded ${kb('decoded')} KB)`);
      await page.close();
    }
    await context.close();
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
