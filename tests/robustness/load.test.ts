import { beforeEach, describe, expect, it } from 'vitest';
import type { Household, OrderView, User } from '@core';
import { perTest } from '../support/per-test';
import { RIGS, requestId, type Answer } from './support/rig';
import { auditStore } from './support/world';

/*
 * Load: many concurrent clients run whole loops (点单 → 派单 → 接单/抢单 → 开始 → 完工 → 确认) for a
 * bounded time, some with a lost reply retried under the same request id, some racing for pool
 * orders. Afterwards every acknowledged action is in the store exactly once, and the timelines hold
 * exactly as many events as there were acknowledged actions.
 */

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 30);
const SECONDS: Record<string, number> = { 'in-process': Number(process.env.LOAD_SECONDS_INPROC ?? 4), 'over HTTP': Number(process.env.LOAD_SECONDS_HTTP ?? 8) };

const base = { communityId: 'c-xingfuli', openid: '', phone: '13900000000', companyId: null, onDuty: true, maxOpenOrders: 10_000 };
const residents: User[] = Array.from({ length: CLIENTS }, (_, i) => ({
  ...base,
  id: `load-r-${i}`,
  openid: `openid-load-r-${i}`,
  name: `居民${i}`,
  roles: ['resident'],
  householdIds: [`load-h-${i}`],
}));
const workers: User[] = Array.from({ length: CLIENTS }, (_, i) => ({
  ...base,
  id: `load-w-${i}`,
  openid: `openid-load-w-${i}`,
  name: `队员${i}`,
  roles: ['worker'],
  householdIds: [],
}));
const households: Household[] = residents.map((_, i) => ({
  id: `load-h-${i}`,
  communityId: 'c-xingfuli',
  compoundId: 'cp-yangguang',
  buildingId: 'b-yg-1',
  door: `${i}单元101`,
  contactName: `居民${i}`,
  contactPhone: '13800000000',
}));

/** An acknowledged action: what the reply said was written. */
interface Ack {
  readonly requestId: string;
  readonly orderId: string;
  readonly version: number;
  readonly action: string;
  readonly actorId: string;
}

/** Codes a loser of a race for a pool order may hear; anything else is unexpected. */
const RACE_CODES = new Set(['ORDER.ALREADY_TAKEN', 'ORDER.VERSION_CONFLICT']);

describe.each(RIGS)('load %s', (name, open) => {
  const t = perTest(open);
  beforeEach(async () => {
    const team = (await t.store.getRef('teams', 't-general'))!;
    await t.store.putRefs('households', households);
    await t.store.putRefs('users', [...residents, ...workers]);
    await t.store.putRefs('teams', [{ ...team, memberIds: workers.map((w) => w.id) }]);
  });

  it(`keeps every acknowledged action exactly once while ${CLIENTS} clients run whole loops`, async () => {
    const acks = new Map<string, Ack>();
    const unexpected: string[] = [];
    let loops = 0;
    let retried = 0;
    const deadline = Date.now() + SECONDS[name]! * 1000;

    /** Sends one request (sometimes twice, as a client whose reply was lost); records what was acknowledged. */
    async function send(user: string, event: Record<string, unknown>, allowed: ReadonlySet<string> = new Set()): Promise<OrderView | null> {
      const rid = requestId(String(event.action));
      const full = { ...event, requestId: rid };
      const retry = Math.random() < 0.1;
      const first = await t.call('orders', full, user);
      let reply: Answer = first;
      if (retry) {
        retried++;
        reply = await t.call('orders', full, user);
        if (JSON.stringify(reply.body) !== JSON.stringify(first.body)) unexpected.push(`retry of ${rid} answered differently`);
      }
      if (reply.status === 200 && reply.body.ok) {
        const order = reply.body.data.order as OrderView;
        acks.set(rid, { requestId: rid, orderId: order.id, version: order.version, action: String(event.action), actorId: user });
        return order;
      }
      const code = reply.body.ok ? 'ok?' : reply.body.error.code;
      if (!allowed.has(code)) unexpected.push(`${String(event.action)} by ${user}: ${reply.status} ${code}`);
      return null;
    }
    const act = (user: string, role: string, o: OrderView, action: string, input: Record<string, unknown> = {}, allowed?: ReadonlySet<string>) =>
      send(user, { action, role, orderId: o.id, version: o.version, input }, allowed);

    async function client(i: number) {
      const me = residents[i]!.id;
      while (Date.now() < deadline) {
        let o = await send(me, {
          action: 'create',
          order: { serviceItemId: 's-repair', householdId: `load-h-${i}`, description: `第${i}户报修`, timeWindow: { from: t.now(), to: t.now() + 3_600_000 } },
        });
        if (!o) return;
        // Some residents move the booking (改约) before anyone takes it: a resident write on a fresh order.
        if (Math.random() < 0.2)
          o = (await act(me, 'resident', o, 'reschedule', { timeWindow: { from: t.now() + 86_400_000, to: t.now() + 93_600_000 } })) ?? o;
        let worker = workers[i]!.id;
        if (Math.random() < 0.5) {
          // To the pool, where this client's worker and two others grab at once.
          o = await act('demo-dispatcher', 'dispatcher', o, 'dispatch', { teamId: 't-general' });
          if (!o) return;
          const pooled = o;
          const contenders = [worker, workers[(i + 1) % CLIENTS]!.id, workers[(i + 7) % CLIENTS]!.id];
          const grabs = await Promise.all(contenders.map((w) => act(w, 'worker', pooled, 'grab', {}, RACE_CODES)));
          const won = grabs.findIndex((g) => g !== null);
          if (won < 0 || grabs.filter((g) => g !== null).length !== 1) {
            unexpected.push(`${grabs.filter((g) => g !== null).length} workers won one grab`);
            return;
          }
          worker = contenders[won]!;
          o = grabs[won]!;
        } else {
          o = await act('demo-dispatcher', 'dispatcher', o, 'dispatch', { teamId: 't-general', workerId: worker });
          if (!o) return;
          o = await act(worker, 'worker', o, 'accept');
          if (!o) return;
        }
        if (Math.random() < 0.1) {
          // The resident changes their mind after acceptance: the loop ends cancelled.
          if (await act(me, 'resident', (await latest(o.id, me)) ?? o, 'cancel', { reason: '不需要了' })) loops++;
          continue;
        }
        o = await act(worker, 'worker', o, 'start');
        if (!o) return;
        o = await act(worker, 'worker', o, 'complete', { notes: '已修好' });
        if (!o) return;
        const mine = await latest(o.id, me);
        if (!mine) return;
        if (await act(me, 'resident', mine, 'confirm', { attitude: 5, timeliness: 5, quality: 4 })) loops++;
      }
    }
    /** The order as the resident last sees it (the worker's reply carries the worker's view). */
    async function latest(orderId: string, user: string): Promise<OrderView | null> {
      const r = await t.call('orders', { action: 'get', role: 'resident', orderId }, user);
      return r.body.ok ? (r.body.data.order as OrderView) : null;
    }

    await Promise.all(residents.map((_, i) => client(i)));

    expect(unexpected).toEqual([]);
    expect(loops).toBeGreaterThan(CLIENTS);
    expect(retried).toBeGreaterThan(0);

    // Every acknowledged action is in its order's timeline, at the version its reply showed, by whom it said.
    const missing: string[] = [];
    const byOrder = new Map<string, Ack[]>();
    for (const a of acks.values()) byOrder.set(a.orderId, [...(byOrder.get(a.orderId) ?? []), a]);
    for (const [orderId, list] of byOrder) {
      const events = await t.store.listEvents(orderId);
      for (const a of list) {
        const e = events.find((x) => x.seq === a.version);
        if (!e || e.action !== a.action || e.actorId !== a.actorId)
          missing.push(`${a.action} by ${a.actorId} on ${orderId} v${a.version}: ${JSON.stringify(e)}`);
      }
      if (events.length !== list.length) missing.push(`${orderId}: ${events.length} events for ${list.length} acknowledged actions`);
    }
    expect(missing).toEqual([]);
    const audit = auditStore(t.dir);
    expect(audit.problems).toEqual([]);
    expect(audit.events).toBe(acks.size);
    expect(audit.orders).toBe(byOrder.size);
  });
});
