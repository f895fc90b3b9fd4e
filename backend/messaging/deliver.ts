import {
  messageData,
  messageStepOf,
  NOTIFICATIONS_KEPT_PER_RECIPIENT,
  SENDINGS_KEPT_PER_USER,
  STEP_MESSAGES,
  type MessageSending,
  type MessageStep,
  type Order,
  type Recipient,
  type Role,
  type SendOutcome,
  type User,
} from '@core';
import type { Store, StoredNotification } from '../storage/port';
import type { MessageSender, TemplateIds } from './message-sender';

/** The sender and the configured templates; absent from Deps, nothing goes beyond the inbox. */
export interface Messaging {
  readonly sender: MessageSender;
  readonly templates: TemplateIds;
  /** Deliveries still running, so a test or a function about to return can wait for them. */
  readonly pending: Set<Promise<void>>;
  /** Per address, notifications received since its inbox was last trimmed (trimInboxes). */
  readonly sinceTrim: Map<string, number>;
}

export const messaging = (sender: MessageSender, templates: TemplateIds): Messaging => ({ sender, templates, pending: new Set(), sinceTrim: new Map() });

/** What a commit wrote that may concern people outside the app. */
export interface Written {
  readonly order: Order;
  readonly events: readonly { readonly action: string }[];
  readonly notifications: readonly StoredNotification[];
}

interface DeliveryDeps {
  readonly store: Store;
  readonly now: () => number;
  readonly newId: (prefix: string) => string;
  readonly messaging?: Messaging;
}

/**
 * Starts delivering a commit's subscribe messages, then trims the inboxes it wrote to, and returns
 * at once: the order's own write is done and answered whatever WeChat does. Every failure stays
 * inside (recorded, or logged).
 */
export function afterCommit(deps: DeliveryDeps, written: Written): void {
  const m = deps.messaging;
  const step = messageStepOf(written.events);
  if (!m || written.notifications.length === 0) return;
  const run = (async () => {
    if (step) await deliver(deps, m, step, written);
    await trimInboxes(deps.store, m.sinceTrim, written.notifications);
  })().catch((e) => console.error('[messages] delivery failed', e));
  m.pending.add(run);
  void run.finally(() => m.pending.delete(run));
}

/** Waits for the deliveries under way (tests; a function that should not be frozen mid-send). */
export async function deliveriesSettled(m: Messaging | undefined): Promise<void> {
  while (m?.pending.size) await Promise.all([...m.pending]);
}

/** How many notifications an address receives between two trims of its inbox (per messaging instance: one a process). */
const TRIM_EVERY = 16;

/**
 * Each address a commit wrote to keeps its newest notifications only: stored messages grow with
 * time, not without end. Trimmed on an address's first notification in this instance and every
 * TRIM_EVERY after it (the trim reads the address's newest NOTIFICATIONS_KEPT_PER_RECIPIENT), so an
 * inbox holds at most that many plus TRIM_EVERY.
 */
async function trimInboxes(store: Store, sinceTrim: Map<string, number>, notifications: readonly StoredNotification[]): Promise<void> {
  const seen = new Set<string>();
  for (const n of notifications) {
    const key = JSON.stringify(n.to);
    if (seen.has(key)) continue;
    seen.add(key);
    const count = sinceTrim.get(key) ?? 0;
    if (sinceTrim.size > 10_000) sinceTrim.clear();
    sinceTrim.set(key, (count + 1) % TRIM_EVERY);
    if (count === 0) await store.pruneNotifications(n.to, NOTIFICATIONS_KEPT_PER_RECIPIENT);
  }
}

/** The people a notification is addressed to, and the role in which a tap should open the order. */
async function peopleOf(store: Store, to: Recipient, order: Order, step: MessageStep): Promise<{ users: string[]; role: Role | null }> {
  const progress = STEP_MESSAGES[step].template === 'orderProgress';
  switch (to.kind) {
    case 'user':
      return { users: [to.userId], role: progress ? 'resident' : null };
    case 'team': {
      const team = await store.getRef('teams', to.teamId);
      return { users: [...(team?.memberIds ?? [])], role: 'worker' };
    }
    case 'company': {
      const all = await store.listRefs('users', to.communityId);
      return { users: all.filter((u) => u.roles.includes('dispatcher') && u.companyId === to.companyId).map((u) => u.id), role: 'dispatcher' };
    }
    case 'supervisors': {
      const all = await store.listRefs('users', order.communityId);
      return { users: all.filter((u) => u.roles.includes('supervisor')).map((u) => u.id), role: 'supervisor' };
    }
  }
}

const ORDER_PAGES: Readonly<Partial<Record<Role, string>>> = {
  resident: 'resident/pages/order/index',
  dispatcher: 'dispatcher/pages/order/index',
  worker: 'worker/pages/order/index',
  supervisor: 'supervisor/pages/order/index',
};

/** A staff member addressed by name opens the order in the first staff role they hold. */
const roleFor = (user: User, role: Role | null): Role =>
  role ?? (['worker', 'dispatcher', 'supervisor'] as const).find((r) => user.roles.includes(r)) ?? user.roles[0] ?? 'resident';

async function deliver(deps: DeliveryDeps, m: Messaging, step: MessageStep, written: Written): Promise<void> {
  const { template } = STEP_MESSAGES[step];
  const templateId = m.templates[template];
  const reached = new Set<string>();
  const sendings: MessageSending[] = [];
  for (const n of written.notifications) {
    const { users, role } = await peopleOf(deps.store, n.to, written.order, step);
    for (const userId of users) {
      // One message per person per commit, even when two of its notifications reach them.
      if (reached.has(userId)) continue;
      reached.add(userId);
      const [outcome, error] = await sendOne(deps, m, { userId, role, templateId, step, text: n.text, written });
      // What nobody tried to push is recorded for the one person a message named (so they learn to
      // subscribe), not for each member of a team or company it reached: that was a write per member.
      if (n.to.kind !== 'user' && (outcome === 'no-consent' || outcome === 'not-configured')) continue;
      sendings.push({ id: deps.newId('ms'), userId, orderId: written.order.id, step, template, outcome, error, at: deps.now() });
    }
  }
  await deps.store.recordSendings(sendings, SENDINGS_KEPT_PER_USER);
}

async function sendOne(
  deps: DeliveryDeps,
  m: Messaging,
  p: { userId: string; role: Role | null; templateId: string | null; step: MessageStep; text: string; written: Written },
): Promise<[SendOutcome, string | null]> {
  if (!p.templateId) return ['not-configured', null];
  const user = await deps.store.getRef('users', p.userId);
  if (!user) return ['failed', '用户不存在'];
  // WeChat delivers one message per consent: without one left, the inbox is where it is read. Most
  // people hold none most of the time: a read answers that without a write.
  const template = STEP_MESSAGES[p.step].template;
  if ((await deps.store.consentsOf(p.userId))[template] <= 0) return ['no-consent', null];
  if (!(await deps.store.takeConsent(p.userId, template))) return ['no-consent', null];
  const page = `${ORDER_PAGES[roleFor(user, p.role)] ?? 'pages/index/index'}?id=${encodeURIComponent(p.written.order.id)}`;
  try {
    const sent = await m.sender.send({
      userId: p.userId,
      openid: user.openid,
      templateId: p.templateId,
      page,
      data: messageData(p.step, p.written.order, p.text, deps.now()),
    });
    return sent.ok ? ['sent', null] : ['failed', sent.error];
  } catch (e) {
    // An adapter should answer rather than throw; if one throws anyway, it is a failed sending like any other.
    return ['failed', e instanceof Error ? e.message : String(e)];
  }
}
