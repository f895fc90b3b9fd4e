import Taro from '@tarojs/taro';
import { SUBSCRIBE_MOMENTS, subscribeMomentOf, type SubscribeMoment, type TemplateKey } from '@core';
import { call } from './client';

/** The template ids configured at build time (WX_TMPL_*, config/index.ts); empty where none is set. */
declare const SUBSCRIBE_TEMPLATES: Readonly<Record<TemplateKey, string>>;

const configured = (): Readonly<Record<TemplateKey, string>> =>
  typeof SUBSCRIBE_TEMPLATES === 'object' ? SUBSCRIBE_TEMPLATES : { orderProgress: '', orderAlert: '' };

const record = (templates: readonly TemplateKey[]) => {
  if (templates.length) void call('notifications', 'subscribe', { templates: [...templates] }).catch(() => undefined);
};

/**
 * Asks WeChat for the subscribe messages a moment calls for, and records what the person allowed
 * (each consent lets one message through). WeChat shows its prompt only from a tap, so this is
 * called first thing in the tap's handler and never awaited: the action goes on whatever the answer.
 * In the H5 app (the local server) there is no WeChat: the consent is recorded as if allowed, so
 * the simulated sender's outbox shows the whole path.
 */
export function askToSubscribe(moment: SubscribeMoment): void {
  const keys: readonly TemplateKey[] = SUBSCRIBE_MOMENTS[moment];
  if (process.env.TARO_ENV === 'h5') {
    record(keys);
    return;
  }
  const ids = configured();
  const asked = keys.filter((k) => ids[k]);
  if (!asked.length) return;
  Taro.requestSubscribeMessage({
    tmplIds: asked.map((k) => ids[k]),
    entityIds: [],
    success: (answer) => record(asked.filter((k) => answer[ids[k]] === 'accept')),
    // Refused or unsupported: the inbox still has every message.
    fail: () => undefined,
  });
}

/** Asks for consent when an order action is one of the moments (接单, 抢单, 派单, 回复督办). */
export function askToSubscribeFor(action: string): void {
  const moment = subscribeMomentOf(action);
  if (moment) askToSubscribe(moment);
}
