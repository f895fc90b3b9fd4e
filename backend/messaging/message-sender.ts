import { TEMPLATE_KEYS, type TemplateKey } from '@core';

/** One subscribe message, ready for WeChat: who, which template, where a tap opens, the values. */
export interface OutgoingMessage {
  /** Our user, for the record and the local outbox; WeChat only knows the openid. */
  readonly userId: string;
  readonly openid: string;
  readonly templateId: string;
  /** A page of the mini-program with its query, without a leading slash (subscribeMessage.send's `page`). */
  readonly page: string;
  readonly data: Readonly<Record<string, { readonly value: string }>>;
}

export type SendResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

/**
 * The port through which the functions reach people outside the app. An adapter answers; it never
 * throws for WeChat's refusals (a refused or failed message is a result, recorded as such).
 */
export interface MessageSender {
  readonly kind: 'cloudbase' | 'local';
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** The template id of each key, from configuration; null where none is set (nothing is sent for it). */
export type TemplateIds = Readonly<Record<TemplateKey, string | null>>;

/** The environment variable that names each template's id (cloudbaserc.json, .env.local, docs/deploy.md). */
export const TEMPLATE_ENV: Readonly<Record<TemplateKey, string>> = {
  orderProgress: 'WX_TMPL_ORDER_PROGRESS',
  orderAlert: 'WX_TMPL_ORDER_ALERT',
};

/** A template id is letters, digits, - and _; anything else (the deploy's "<未设置 …>" placeholder) is no id. */
const TEMPLATE_ID = /^[A-Za-z0-9_-]+$/;

export function templateIdsFrom(env: Readonly<Record<string, string | undefined>>): TemplateIds {
  const idOf = (k: TemplateKey) => {
    const value = env[TEMPLATE_ENV[k]]?.trim() ?? '';
    return TEMPLATE_ID.test(value) ? value : null;
  };
  return Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, idOf(k)])) as Record<TemplateKey, string | null>;
}
