import type { EventType } from './event-texts';
import type { Millis } from './community';
import { orderNumberOf } from './order-number';
import type { Order } from './order';
import { CST_MS } from './china-time';

/**
 * WeChat subscribe messages (订阅消息). Each step that matters to someone outside the app is sent
 * through one of two templates; everything else stays in the in-app inbox only.
 */
export const TEMPLATE_KEYS = ['orderProgress', 'orderAlert'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const MESSAGE_STEPS = ['accepted', 'started', 'completed', 'refused', 'assigned', 'instructed', 'overdue'] as const;
export type MessageStep = (typeof MESSAGE_STEPS)[number];

/** Which step each kind of event is, for a subscribe message; null: the inbox is enough. */
export const MESSAGE_STEP_OF: { readonly [E in EventType]: MessageStep | null } = {
  create: null,
  // 诉求: the resident hears the outcome (办理结果) to confirm; classifying and routing stay in the inbox.
  raise: null,
  classify: null,
  route: null,
  resolve: 'completed',
  unroute: null,
  me_too: null,
  follow: null,
  agenda_decide: null,
  cancel: null,
  urge: null,
  confirm: null,
  rework: null,
  complain: null,
  dispatch: 'assigned',
  reassign: 'assigned',
  auto_dispatch: 'assigned',
  refuse: 'refused',
  accept: 'accepted',
  grab: 'accepted',
  decline: null,
  start: 'started',
  complete: 'completed',
  instruct: 'instructed',
  reopen: null,
  reply: null,
  answer: null,
  revisit: null,
  reschedule: null,
  propose_time: null,
  accept_time: null,
  refuse_time: null,
  auto_close: null,
  overdue: 'overdue',
  escalate: 'overdue',
  instruction_overdue: 'overdue',
};

/**
 * The resident hears how their order moves (进度); staff hear what needs them (待办). `status` is the
 * template's 5-character 状态 phrase.
 */
export const STEP_MESSAGES: { readonly [S in MessageStep]: { readonly template: TemplateKey; readonly status: string } } = {
  accepted: { template: 'orderProgress', status: '已接单' },
  started: { template: 'orderProgress', status: '服务中' },
  completed: { template: 'orderProgress', status: '待确认' },
  refused: { template: 'orderProgress', status: '已退回' },
  assigned: { template: 'orderAlert', status: '新工单' },
  instructed: { template: 'orderAlert', status: '社区督办' },
  overdue: { template: 'orderAlert', status: '已超时' },
};

/** The step a commit's events amount to: the first that has one (a sweep records its marks together). */
export function messageStepOf(events: readonly { readonly action: string }[]): MessageStep | null {
  for (const e of events) {
    const step = (MESSAGE_STEP_OF as Readonly<Record<string, MessageStep | null | undefined>>)[e.action];
    if (step) return step;
  }
  return null;
}

/** Where the app asks for consent, and to which templates (WeChat asks at most three at once). */
export const SUBSCRIBE_MOMENTS = {
  /** A resident places an order: they will want to hear it was taken, started, done or refused. */
  order: ['orderProgress'],
  /** A worker grabs or accepts: new jobs, 督办 and lateness. */
  take: ['orderAlert'],
  /** A dispatcher sends an order on. */
  dispatch: ['orderAlert'],
  /** Staff answer a 督办: the next one reaches them too. */
  instruction: ['orderAlert'],
} as const satisfies Record<string, readonly TemplateKey[]>;
export type SubscribeMoment = keyof typeof SUBSCRIBE_MOMENTS;

/** The moment an order action is, for asking consent as the person presses it; null: no need to ask. */
export function subscribeMomentOf(action: string): SubscribeMoment | null {
  if (action === 'accept' || action === 'grab') return 'take';
  if (action === 'dispatch' || action === 'reassign') return 'dispatch';
  if (action === 'reply') return 'instruction';
  return null;
}

/** WeChat's limits per value kind: thing ≤ 20 characters, phrase ≤ 5, character_string ≤ 32. */
const clip = (text: string, max: number): string => {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
};

/** "2026-11-30 10:05" in China time, the `time` kind's format. */
export const messageTime = (at: Millis): string => new Date(at + CST_MS).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The template's values for one message. The keyword names are those of the templates chosen in
 * docs/deploy.md (工单进度提醒, 工单待办提醒); WeChat checks each value's kind and length.
 */
export function messageData(
  step: MessageStep,
  order: Pick<Order, 'id' | 'number' | 'serviceName'>,
  text: string,
  at: Millis,
): Record<string, { value: string }> {
  const { template, status } = STEP_MESSAGES[step];
  const number = { value: clip(orderNumberOf(order), 32) };
  const service = { value: clip(order.serviceName, 20) };
  if (template === 'orderProgress')
    return {
      character_string1: number,
      thing2: service,
      phrase3: { value: clip(status, 5) },
      thing4: { value: clip(text, 20) },
      time5: { value: messageTime(at) },
    };
  return { character_string1: number, thing2: service, thing3: { value: clip(text, 20) }, time4: { value: messageTime(at) } };
}

/** What became of one message to one person: sent through WeChat, or kept in the inbox only and why. */
export type SendOutcome = 'sent' | 'no-consent' | 'not-configured' | 'failed';

/** One attempt to reach a person, as recorded (the last ones per person are kept). */
export interface MessageSending {
  readonly id: string;
  readonly userId: string;
  readonly orderId: string;
  readonly step: MessageStep;
  readonly template: TemplateKey;
  readonly outcome: SendOutcome;
  /** WeChat's errcode and errmsg, or the adapter's error, when the outcome is `failed`. */
  readonly error: string | null;
  readonly at: Millis;
}

/** How many sendings are kept per person: the record stays as small as the person's recent past. */
export const SENDINGS_KEPT_PER_USER = 50;
