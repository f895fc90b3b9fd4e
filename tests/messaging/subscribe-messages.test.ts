import { afterEach, describe, expect, it } from 'vitest';
import { NOTIFICATIONS_KEPT_PER_RECIPIENT, orderIndex } from '@core';
import { deliveriesSettled, messaging, type Messaging } from '@backend/messaging/deliver';
import { localSender, type LocalSender } from '@backend/messaging/local-sender';
import type { OutgoingMessage } from '@backend/messaging/message-sender';
import { runSweep } from '@backend/usecases/sweep';
import { supervisionWorld, type SupervisionWorld } from '../supervision/harness';

const TEMPLATES = { orderProgress: 'tmpl-progress', orderAlert: 'tmpl-alert' } as const;

let w: SupervisionWorld | null = null;
afterEach(async () => {
  await w?.close();
  w = null;
});

/** A demo community whose functions send through a simulated sender (or one that refuses like WeChat). */
async function world(refuse?: (m: OutgoingMessage) => string | null) {
  let now = 0;
  const sender: LocalSender = localSender(() => now, refuse);
  const m: Messaging = messaging(sender, TEMPLATES);
  w = await supervisionWorld(undefined, undefined, m);
  const it = w;
  now = it.now();
  const consent = (user: string, ...templates: string[]) => it.call('notifications', user, { action: 'subscribe', templates });
  const settled = () => deliveriesSettled(m);
  const sendings = async (user: string) => {
    await settled();
    return (await it.call('notifications', user, { action: 'sendings', limit: 50 })).items as {
      step: string;
      outcome: string;
      template: string;
      error: string | null;
    }[];
  };
  return { w: it, sender, consent, settled, sendings };
}

/** An order taken to 服务中 by demo-worker, step by step. */
async function toAccepted(w: SupervisionWorld) {
  const id = await w.place();
  await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
  await w.act('demo-worker', 'worker', id, 'accept');
  return id;
}

describe('which role hears which step through a subscribe message', () => {
  it('the worker hears of a job assigned to them; the resident that it was accepted, started and completed', async () => {
    const { w, consent, sendings, sender } = await world();
    await consent('demo-resident', 'orderProgress', 'orderProgress', 'orderProgress');
    await consent('demo-worker', 'orderAlert');
    const id = await toAccepted(w);
    await w.act('demo-worker', 'worker', id, 'start');
    await w.act('demo-worker', 'worker', id, 'complete', { notes: '已更换水管' });

    expect((await sendings('demo-worker')).map((s) => [s.step, s.template, s.outcome])).toEqual([['assigned', 'orderAlert', 'sent']]);
    expect((await sendings('demo-resident')).map((s) => [s.step, s.template, s.outcome])).toEqual([
      ['completed', 'orderProgress', 'sent'],
      ['started', 'orderProgress', 'sent'],
      ['accepted', 'orderProgress', 'sent'],
    ]);
    const toResident = sender.outbox().filter((o) => o.userId === 'demo-resident');
    expect(toResident[0]).toMatchObject({
      openid: 'openid-demo-resident',
      templateId: 'tmpl-progress',
      page: `resident/pages/order/index?id=${id}`,
      data: { thing2: { value: '水电急修' }, phrase3: { value: '待确认' } },
    });
    expect(sender.outbox().find((o) => o.userId === 'demo-worker')?.page).toBe(`worker/pages/order/index?id=${id}`);
  });

  it('the resident hears that the property refused the order', async () => {
    const { w, consent, sendings } = await world();
    await consent('demo-resident', 'orderProgress');
    const id = await w.place();
    await w.act('demo-dispatcher', 'dispatcher', id, 'refuse', { reason: '不属于物业服务范围' });
    expect((await sendings('demo-resident')).map((s) => [s.step, s.outcome])).toEqual([['refused', 'sent']]);
  });

  it('the worker hears a 督办 meant for them, and whoever holds a late order hears it is overdue', async () => {
    const { w, consent, sendings } = await world();
    await consent('demo-worker', 'orderAlert', 'orderAlert', 'orderAlert');
    const id = await toAccepted(w);
    await w.act('demo-supervisor', 'supervisor', id, 'instruct', { text: '请尽快上门', to: 'worker', dueInHours: 4 });
    w.advance(3 * 3_600_000);
    await runSweep(w.deps);
    const steps = (await sendings('demo-worker')).map((s) => [s.step, s.outcome]);
    expect(steps).toContainEqual(['instructed', 'sent']);
    expect(steps).toContainEqual(['overdue', 'sent']);
  });

  it('sends nothing for steps the inbox is enough for (a new order, an urge)', async () => {
    const { w, consent, sendings } = await world();
    await consent('demo-dispatcher', 'orderAlert');
    await w.place();
    expect(await sendings('demo-dispatcher')).toEqual([]);
  });
});

describe('consents are one-shot', () => {
  it('uses one consent per message and records the next as kept in the inbox', async () => {
    const { w, consent, sendings } = await world();
    const { consents } = await consent('demo-resident', 'orderProgress');
    expect(consents).toEqual({ orderProgress: 1, orderAlert: 0 });
    const id = await toAccepted(w);
    await w.act('demo-worker', 'worker', id, 'start');
    expect((await sendings('demo-resident')).map((s) => [s.step, s.outcome])).toEqual([
      ['started', 'no-consent'],
      ['accepted', 'sent'],
    ]);
    expect((await w.call('notifications', 'demo-resident', { action: 'sendings' })).consents).toEqual({ orderProgress: 0, orderAlert: 0 });
  });
});

describe('the inbox is the fallback', () => {
  it('records a message nobody tried to push only for the one person it named, not for each member of a team it reached', async () => {
    const { w, consent, sendings } = await world();
    await consent('demo-worker', 'orderAlert');
    const id = await w.place();
    await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-general', workerId: null });
    // The team's pool: the member who subscribed hears of it, the others read it in their inbox only.
    expect((await sendings('demo-worker')).map((s) => [s.step, s.outcome])).toEqual([['assigned', 'sent']]);
    expect(await sendings('demo-worker-3')).toEqual([]);
  });

  it('keeps every step in the inbox whether or not a message went out', async () => {
    const { w, sendings } = await world();
    const id = await toAccepted(w);
    expect((await sendings('demo-resident')).map((s) => s.outcome)).toEqual(['no-consent']);
    const inbox = await w.call('notifications', 'demo-resident', { action: 'inbox', role: 'resident' });
    expect(inbox.groups[0]).toMatchObject({ orderId: id, unread: 1, items: [{ text: '师傅已接单', unread: true }] });
  });

  it('records WeChat refusing a message, and the order goes on regardless', async () => {
    const { w, consent, sendings } = await world(() => '43101 user refuse to accept the msg');
    await consent('demo-resident', 'orderProgress');
    const id = await toAccepted(w);
    expect(await sendings('demo-resident')).toMatchObject([{ step: 'accepted', outcome: 'failed', error: '43101 user refuse to accept the msg' }]);
    expect((await w.store.getOrder(id))?.state).toBe('accepted');
  });

  it('answers the order’s own write even when the sender throws, and records the failure', async () => {
    const { w, consent, sendings } = await world(() => {
      throw new Error('network down');
    });
    await consent('demo-resident', 'orderProgress');
    const id = await toAccepted(w);
    expect((await w.store.getOrder(id))?.acceptedAt).toBe(w.now());
    expect(await sendings('demo-resident')).toMatchObject([{ outcome: 'failed', error: 'network down' }]);
  });

  it('records a step whose template is not configured as kept in the inbox', async () => {
    let now = 0;
    w = await supervisionWorld(
      undefined,
      undefined,
      messaging(
        localSender(() => now),
        { orderProgress: null, orderAlert: 'tmpl-alert' },
      ),
    );
    now = w.now();
    await w.call('notifications', 'demo-resident', { action: 'subscribe', templates: ['orderProgress'] });
    await toAccepted(w);
    await deliveriesSettled(w.deps.messaging);
    const { items, consents } = await w.call('notifications', 'demo-resident', { action: 'sendings' });
    expect(items.map((s: { outcome: string }) => s.outcome)).toEqual(['not-configured']);
    expect(consents.orderProgress).toBe(1);
  });
});

describe('stored messages grow with time, not without end', () => {
  it('keeps each address’s newest notifications only, once a commit writes to it', async () => {
    const { w, settled } = await world();
    const team = { kind: 'team', teamId: 't-general' } as const;
    const old = Array.from({ length: NOTIFICATIONS_KEPT_PER_RECIPIENT + 10 }, (_, i) => ({ id: `old${i}`, to: team, orderId: 'o-old', text: '旧消息', at: i }));
    const placed = await w.place('s-repair');
    const order = (await w.store.getOrder(placed))!;
    await w.store.commit({
      order: { ...order, version: order.version + 1 },
      index: orderIndex(order, null),
      expectedVersion: order.version,
      events: [],
      notifications: old,
      reply: null,
    });
    await w.act('demo-dispatcher', 'dispatcher', placed, 'dispatch', { teamId: 't-general' });
    await settled();
    const kept = await w.store.listNotifications([team], 1000);
    expect(kept).toHaveLength(NOTIFICATIONS_KEPT_PER_RECIPIENT);
    expect(kept[0]?.orderId).toBe(placed);
  });
});

describe('unread counts and read marks', () => {
  it('counts unread per order and in all, and marks one order or everything read', async () => {
    const { w } = await world();
    const first = await toAccepted(w);
    const second = await w.place('s-repair');
    await w.act('demo-dispatcher', 'dispatcher', second, 'refuse', { reason: '重复下单' });
    const unread = async () => (await w.call('notifications', 'demo-resident', { action: 'unread', role: 'resident' })).unread;
    expect(await unread()).toBe(2);
    const inbox = await w.call('notifications', 'demo-resident', { action: 'inbox', role: 'resident' });
    expect(inbox.groups.map((g: { orderId: string; unread: number; about: string }) => [g.orderId, g.unread])).toEqual([
      [second, 1],
      [first, 1],
    ]);
    expect(inbox.groups[0].about).toContain('阳光小区');
    w.advance(1000);
    expect((await w.call('notifications', 'demo-resident', { action: 'markRead', role: 'resident', orderId: second })).unread).toBe(1);
    w.advance(1000);
    await w.act('demo-worker', 'worker', first, 'start');
    expect(await unread()).toBe(2);
    w.advance(1000);
    expect((await w.call('notifications', 'demo-resident', { action: 'markRead', role: 'resident' })).unread).toBe(0);
  });

  it('keeps read marks per person: a team message read by one member stays unread for another', async () => {
    const { w } = await world();
    const id = await w.place('s-repair');
    await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: 't-general' });
    const unreadOf = async (user: string) => (await w.call('notifications', user, { action: 'unread', role: 'worker' })).unread;
    const before = await unreadOf('demo-worker-3');
    w.advance(1000);
    await w.call('notifications', 'demo-worker', { action: 'markRead', role: 'worker' });
    expect(await unreadOf('demo-worker')).toBe(0);
    expect(await unreadOf('demo-worker-3')).toBe(before);
    expect(before).toBeGreaterThan(0);
  });
});
