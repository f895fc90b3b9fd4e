import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE, type OrderEvent } from '@core';
import { RIGS, desk, type Answer, type Rig } from './support/rig';
import { auditStore, timelineProblems } from './support/world';

/*
 * Races beside those of tests/http/grab-race.test.ts and races.test.ts: a dispatcher reassigning as
 * the worker accepts, a resident urging as the worker completes, and two scheduled sweeps racing a
 * person on an overdue order. Each runs in-process (Promise.all on the handlers) and over HTTP (the
 * sweep in the server's process, on its store). Every round ends in one state, with exactly one of
 * the racing actions recorded and a timeline that matches the order.
 */

const ROUNDS = 8;

/** Lets `k` turns of the microtask queue pass: staggering the second racer by 0, 1, 2… turns explores the interleavings in-process. */
async function ticks(k: number) {
  for (let i = 0; i < k; i++) await Promise.resolve();
}
/** Starts both racers, one of them (by turns, as `round` goes on) a few microtask turns late, and waits for both. */
const race = <A, B>(round: number, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> => {
  const lag = [0, 3, 10, 40][Math.floor(round / 2) % 4]!;
  return round % 2 === 0 ? Promise.all([a(), ticks(lag).then(b)]) : Promise.all([ticks(lag).then(a), b()]);
};

let r: Rig;
let c: ReturnType<typeof desk>;

/** The order and its timeline, checked: events == version, contiguous seq 1..n, last `to` == state. */
async function settled(orderId: string) {
  const order = (await r.store.getOrder(orderId))!;
  const events = await r.store.listEvents(orderId);
  expect(timelineProblems(order, events)).toEqual([]);
  return { order, events };
}
const after = (events: readonly OrderEvent[], version: number) => events.filter((e) => e.seq > version);
const won = (a: Answer) => a.status === 200 && a.body.ok === true;
const codeOf = (a: Answer) => (a.body.ok ? 'ok' : `${a.status} ${a.body.error.code}`);

describe.each(RIGS)('races %s', (_name, open) => {
  beforeEach(async () => {
    r = await open();
    c = desk(r);
    // Nobody runs out of room over the rounds: capacity is not what these races are about.
    const users = await r.store.listRefs('users', 'c-xingfuli');
    await r.store.putRefs(
      'users',
      users.map((u) => ({ ...u, maxOpenOrders: 1000 })),
    );
  });
  afterEach(async () => {
    expect(auditStore(r.dir).problems).toEqual([]);
    await r.close();
  });

  it('lets either the reassign or the accept win when the dispatcher reassigns as the worker accepts, never both', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const sent = await c.step('demo-dispatcher', 'dispatcher', await c.place(), 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
      const reassign = () => c.act('demo-dispatcher', 'dispatcher', sent, 'reassign', { teamId: 't-elder', workerId: 'demo-worker-2', reason: '换人' });
      const accept = () => c.act('demo-worker', 'worker', sent, 'accept');
      const [re, ac] = await race(round, reassign, accept);
      const answers = [re!, ac!];
      expect(answers.filter(won), answers.map(codeOf).join(', ')).toHaveLength(1);
      // The accept that lost finds the order gone to someone else; the reassign that lost finds it accepted (转单 is allowed from accepted, so it is a plain version conflict).
      const loser = answers.find((a) => !won(a))!;
      expect(codeOf(loser)).toMatch(won(re!) ? /^(404 ORDER\.NOT_FOUND|409 ORDER\.VERSION_CONFLICT)$/ : /^409 ORDER\.VERSION_CONFLICT$/);
      const { order, events } = await settled(sent.id);
      const recorded = after(events, sent.version).map((e) => e.action);
      expect(recorded).toEqual([won(re!) ? 'reassign' : 'accept']);
      expect(order.version).toBe(sent.version + 1);
      if (won(re!)) expect(order).toMatchObject({ state: 'pending_accept', assignment: { mode: 'member', workerId: 'demo-worker-2' } });
      else expect(order).toMatchObject({ state: 'accepted', assignment: { mode: 'member', workerId: 'demo-worker' } });
      outcomes.add(recorded[0]!);
    }
    // In-process the stagger decides the winner: over the rounds both outcomes are seen.
    if (r.name === 'in-process') expect([...outcomes].sort()).toEqual(['accept', 'reassign']);
  });

  it('records either the urge or the completion when the resident urges as the worker completes, never both', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      let o = await c.step('demo-dispatcher', 'dispatcher', await c.place(), 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
      o = await c.step('demo-worker', 'worker', o, 'accept');
      o = await c.step('demo-worker', 'worker', o, 'start');
      // 催单 is offered once something is late: the completion deadline (three days) has passed.
      r.advance(3 * 24 * 3_600_000);
      const urge = () => c.act('demo-resident', 'resident', o, 'urge');
      const complete = () => c.act('demo-worker', 'worker', o, 'complete', { notes: '已修好' });
      const [co, u] = await race(round, complete, urge);
      const answers = [u!, co!];
      expect(answers.filter(won), answers.map(codeOf).join(', ')).toHaveLength(1);
      // The loser is told the order changed meanwhile (the version is checked before the state).
      expect(codeOf(answers.find((a) => !won(a))!)).toMatch(/^409 ORDER\.(VERSION_CONFLICT|TRANSITION_NOT_ALLOWED)$/);
      const { order, events } = await settled(o.id);
      const recorded = after(events, o.version).map((e) => e.action);
      expect(recorded).toEqual([won(u!) ? 'urge' : 'complete']);
      expect(order.state).toBe(won(u!) ? 'in_service' : 'pending_confirm');
      expect(order.urgeCount).toBe(won(u!) ? 1 : 0);
      outcomes.add(recorded[0]!);
    }
    if (r.name === 'in-process') expect([...outcomes].sort()).toEqual(['complete', 'urge']);
  });

  it('records the overdue marks once, or the dispatch, never both, when two sweeps race a dispatcher on an overdue order', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const placed = await c.place();
      // The dispatch stage (2 h) is overdue and past one escalation interval: a sweep writes 超时 and 升级.
      r.advance(2 * HOUR + 2 * HOUR + MINUTE);
      const dispatch = () => c.act('demo-dispatcher', 'dispatcher', placed, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
      const [d] = await race(round, dispatch, () => Promise.all([r.sweep(), ticks(1).then(() => r.sweep())]));
      const { order, events } = await settled(placed.id);
      const recorded = after(events, placed.version);
      if (won(d)) {
        expect(recorded.map((e) => e.action)).toEqual(['dispatch']);
        expect(order.state).toBe('pending_accept');
      } else {
        expect(codeOf(d)).toBe('409 ORDER.VERSION_CONFLICT');
        expect(recorded.map((e) => `${e.action}:${e.payload.level}`)).toEqual(['overdue:1', 'escalate:2']);
        expect(order.state).toBe('pending_dispatch');
        expect(order.clock).toMatchObject({ stage: 'dispatch', level: 2 });
      }
      outcomes.add(won(d) ? 'dispatch' : 'sweep');
      // The next round's order is not overdue yet.
      if (!won(d)) await c.step('demo-dispatcher', 'dispatcher', order, 'refuse', { reason: '测试结束' });
    }
    if (r.name === 'in-process') expect([...outcomes].sort()).toEqual(['dispatch', 'sweep']);
  });

  it('closes an order once when the resident confirms just as two sweeps auto-close it: one rating or none, one closing event', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      let o = await c.step('demo-dispatcher', 'dispatcher', await c.place(), 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
      o = await c.step('demo-worker', 'worker', o, 'accept');
      o = await c.step('demo-worker', 'worker', o, 'start');
      o = await c.step('demo-worker', 'worker', o, 'complete', { notes: '已修好' });
      // The confirm stage (3 days) has lapsed: the sweep auto-closes.
      r.advance(3 * 24 * HOUR + MINUTE);
      const confirm = () => c.act('demo-resident', 'resident', o, 'confirm', { attitude: 5, timeliness: 5, quality: 5 });
      const [cf, reports] = await race(round, confirm, () => Promise.all([r.sweep(), ticks(1).then(() => r.sweep())]));
      const { order, events } = await settled(o.id);
      expect(order.state).toBe('closed');
      const closing = after(events, o.version);
      expect(closing.map((e) => e.action)).toEqual([won(cf) ? 'confirm' : 'auto_close']);
      expect(order.rating === null).toBe(!won(cf));
      expect(order.autoClosed === true).toBe(!won(cf));
      if (!won(cf)) expect(codeOf(cf)).toMatch(/^409 ORDER\.(VERSION_CONFLICT|TRANSITION_NOT_ALLOWED)$/);
      expect(reports.reduce((n, x) => n + x.changed, 0)).toBe(won(cf) ? 0 : 1);
      outcomes.add(won(cf) ? 'confirm' : 'auto_close');
    }
    if (r.name === 'in-process') expect([...outcomes].sort()).toEqual(['auto_close', 'confirm']);
  });

  it('marks an overdue order once when three sweeps run at once, and again only when the next level falls due', async () => {
    const placed = await c.place();
    r.advance(2 * HOUR + MINUTE);
    const first = await Promise.all([r.sweep(), r.sweep(), r.sweep()]);
    expect(first.reduce((n, x) => n + x.changed, 0)).toBe(1);
    let { events } = await settled(placed.id);
    expect(after(events, placed.version).map((e) => e.action)).toEqual(['overdue']);

    expect((await Promise.all([r.sweep(), r.sweep()])).reduce((n, x) => n + x.changed, 0)).toBe(0);
    r.advance(2 * HOUR);
    await Promise.all([r.sweep(), r.sweep(), r.sweep()]);
    ({ events } = await settled(placed.id));
    expect(after(events, placed.version).map((e) => `${e.action}:${e.payload.level}`)).toEqual(['overdue:1', 'escalate:2']);
  });
});
