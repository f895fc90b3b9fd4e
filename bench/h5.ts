/**
 * The H5 app's first screen in headless Chromium, served by the local server on loopback: the
 * navigation timing (TTFB, DOMContentLoaded, load), first contentful paint, and when the start
 * page's title is in the DOM (the app has rendered). A fresh browser context (cold cache) per run;
 * any request off loopback is aborted.
 */
import http from 'node:http';
import { launchChromium } from '../scripts/chromium';
import { median, round } from './lib/stats';

export interface FirstScreen {
  readonly runs: number;
  readonly ttfbMs: number;
  /** The same first byte asked for by a plain HTTP client (no browser): the server's share of TTFB. */
  readonly serverTtfbMs: number;
  readonly domContentLoadedMs: number;
  readonly loadMs: number;
  readonly firstContentfulPaintMs: number | null;
  /** The start page's title rendered by the app (React mounted, first data-free screen). */
  readonly appRenderedMs: number | null;
  readonly requests: number;
  readonly transferKb: number;
  readonly blockedOffLoopback: number;
  /** The largest resources of the first screen (the last run's transfer sizes). */
  readonly largest: { readonly name: string; readonly kb: number }[];
}

interface Sample {
  ttfb: number;
  dcl: number;
  load: number;
  fcp: number | null;
  rendered: number | null;
  requests: number;
  bytes: number;
  largest: { name: string; kb: number }[];
}

/** Time to the first byte of `url` from node's http client on a fresh connection, median of 5. */
async function plainTtfb(url: string): Promise<number> {
  const xs: number[] = [];
  for (let k = 0; k < 5; k++) {
    xs.push(
      await new Promise<number>((resolve, reject) => {
        const t = performance.now();
        http
          .get(url, { agent: false }, (res) => {
            res.once('data', () => resolve(performance.now() - t));
            res.resume();
          })
          .on('error', reject);
      }),
    );
  }
  return round(median(xs), 2);
}

export async function h5FirstScreen(url: string, runs = 5): Promise<FirstScreen> {
  const browser = await launchChromium();
  let blocked = 0;
  const samples: Sample[] = [];
  try {
    // Run 0 warms the browser's own processes up and is not counted: every counted run is a cold page, not a cold browser.
    for (let k = 0; k <= runs; k++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
      await context.route('**/*', (route) => {
        const host = new URL(route.request().url()).hostname;
        if (host === '127.0.0.1' || host === 'localhost') return route.continue();
        blocked++;
        return route.abort();
      });
      await context.addInitScript(() => {
        const w = window as unknown as { __rendered?: number };
        new MutationObserver((_m, observer) => {
          if (document.querySelector('.start-title')) {
            w.__rendered = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      await page
        .waitForFunction(
          () => (window as unknown as { __rendered?: number }).__rendered !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0,
          undefined,
          { timeout: 10_000 },
        )
        .catch(() => undefined);
      const sample = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        return {
          ttfb: nav.responseStart - nav.startTime,
          dcl: nav.domContentLoadedEventEnd - nav.startTime,
          load: nav.loadEventEnd - nav.startTime,
          fcp: fcp ? fcp.startTime : null,
          rendered: (window as unknown as { __rendered?: number }).__rendered ?? null,
          requests: resources.length + 1,
          bytes: resources.reduce((s, r) => s + r.transferSize, nav.transferSize),
          largest: resources
            .map((r) => ({ name: new URL(r.name).pathname, kb: Math.round(r.transferSize / 102.4) / 10 }))
            .sort((a, b) => b.kb - a.kb)
            .slice(0, 5),
        };
      });
      if (k > 0) samples.push(sample);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const med = (f: (s: Sample) => number | null) => {
    const xs = samples.map(f).filter((x): x is number => x !== null);
    return xs.length ? round(median(xs), 1) : null;
  };
  return {
    runs,
    ttfbMs: med((s) => s.ttfb)!,
    serverTtfbMs: await plainTtfb(url),
    domContentLoadedMs: med((s) => s.dcl)!,
    loadMs: med((s) => s.load)!,
    firstContentfulPaintMs: med((s) => s.fcp),
    appRenderedMs: med((s) => s.rendered),
    requests: med((s) => s.requests)!,
    transferKb: round(med((s) => s.bytes)! / 1024, 1),
    blockedOffLoopback: blocked,
    largest: samples[samples.length - 1]?.largest ?? [],
  };
}
