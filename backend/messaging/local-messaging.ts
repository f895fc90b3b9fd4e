import { TEMPLATE_KEYS, type TemplateKey } from '@core';
import { messaging, type Messaging } from './deliver';
import { localSender, type LocalSender } from './local-sender';
import { templateIdsFrom } from './message-sender';

/**
 * The local server's messaging: the simulated sender, and the configured template ids or, where
 * none is set, a stand-in per template, so the whole path runs without a WeChat account.
 */
export function localMessaging(
  now: () => number,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Messaging & { readonly sender: LocalSender } {
  const configured = templateIdsFrom(env);
  const templates = Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, configured[k] ?? `local-${k}`])) as Record<TemplateKey, string>;
  const m = messaging(localSender(now), templates);
  return m as Messaging & { readonly sender: LocalSender };
}
