import { createHash } from 'node:crypto';

/**
 * The policy of every response that is not the app's page (JSON, scripts, photos): it loads nothing,
 * so a reply opened as a page on its own (an uploaded file, an error) can run nothing either.
 */
const NOTHING = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers on every response of the local server; the app's page replaces the policy with `documentPolicy`. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': NOTHING,
  'X-Content-Type-Options': 'nosniff',
  // Hash routes carry order and community ids; no other site needs to learn them.
  'Referrer-Policy': 'no-referrer',
  // frame-ancestors for browsers that predate it.
  'X-Frame-Options': 'DENY',
  // Photos and data are for this app's own pages, not for another site's <img> or <script>.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The policy of an HTML page: scripts from its own origin only, plus the inline scripts this very
 * page carries, by hash (the build inlines the rem sizing script), so no injected script can run.
 * Styles may be inline: Taro's router and the component library insert <style> elements at run
 * time, whose text no hash can foresee (and a hash in style-src would turn 'unsafe-inline' off).
 * Photos are shown from `blob:` while they upload; `data:` images and fonts come from library CSS.
 */
export function documentPolicy(html: string): string {
  const scripts: string[] = [];
  for (const [, attrs, body] of html.matchAll(INLINE_SCRIPT)) {
    if (!/\bsrc\s*=/i.test(attrs!)) scripts.push(sha256(body!));
  }
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
