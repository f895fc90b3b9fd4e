import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a page: axe's serious and critical findings (moderate and minor are reported by axe, not gated here). */
const FAILING = ['serious', 'critical'];

/**
 * Runs axe-core over what the page shows now and returns its serious and critical violations, one
 * line each: rule, impact, and the elements it names (selector and the start of their HTML).
 * axe is evaluated through the debugging protocol, so the app's Content-Security-Policy stays as served.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!injected) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    interface AxeViolation {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[]; html: string; failureSummary?: string }[];
    }
    // Taro keeps earlier pages in the DOM, hidden: axe skips what is not displayed.
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 90)}`) }));
  });
  return found.filter((v) => v.impact !== null && FAILING.includes(v.impact)).flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id} (${v.impact}): ${n}`));
}
