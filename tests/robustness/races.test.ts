import { beforeEach, describe, expect, it } from 'vitest';
import type { OrderView } from '@core';
import { userFixture } from '../fixtures/user';
import { perTest } from '../support/per-test';
import { RIGS, desk, requestId, type Answer, type Rig } from './support/rig';
import { timelineProblems } from './support/world';

/*
 * Races: the same scenarios in-process (Promise.all on the handlers) and over HTTP (concurrent
 * requests to the real server). Each must end in one consistent state: one winner, the losers told
 * 409, and a timeline whose length is the version and whose last event lands in the state.
 */

const ROUNDS = 8;

/** Extra people for the races: 50 members of t-general, and a second dispatcher of 红心物业. */
const racers = Array.from({ length: 50 }, (_, i) => userFixture(`race-worker-${i}`, 'c-xingfuli', ['worker'], { name: `队员${i}`, maxOpenOrders: 1000 }));
const dispatcher2 = userFixture('demo-dispatcher-2', 'c-xingfuli', ['dispatcher'], { name: '李调度', companyId: 'pc-hongxin', maxOpenOrders: 1000 });

async function consistent(t: Rig, orderId: string) {
  const order = (await t.store.getOrder(orderId))!;
  const events = await t.store.listEvents(orderId);
  expect(timelineProblems(order, events)).toEqual([]);
  return { order, events };
}

const winners = (answers: Answer[]) => answers.filter((a) => a.status === 200);
const losers = (answers: Answer[]) => answers.filter((a) => a.status !== 200);
const codes = (answers: Answer[]) => [...new Set(losers(answers).map((a) => `${a.status} ${a.body.ok ? '' : a.body.error.code}`))].sort();

describe.each(RIGS)('races %s', (_name, open) => {
  const t = perTest(open);
  const d = desk(t);
  beforeEach(async () => {
    const team = (await t.store.getRef('teams', 't-general'))!;
    await t.store.putRefs('users', [...racers, dispatcher2]);
    await t.store.putRefs('teams', [{ ...team, memberIds: [...team.memberIds, ...racers.map((r) => r.id)] }]);
  });

  it('gives a pool order to exactly one of 50 workers grabbing at once; the other 49 hear 409 and write nothing', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const pooled = await d.step('demo-dispatcher', 'dispatcher', await d.place(), 'dispatch', { teamId: 't-general' });
      const answers = await Promise.all(racers.map((r) => d.act(r.id, 'worker', pooled, 'grab')));
      expect(winners(answers)).toHaveLength(1);
      expect(codes(answers).every((c) => c === '409 ORDER.ALREADY_TAKEN' || c === '409 ORDER.VERSION_CONFLICT')).toBe(true);
      const winner = (winners(answers)[0]!.body as { data: { order: OrderView } }).data.order;
      const { order, events } = await consistent(t, pooled.id);
      expect(order).toMatchObject({
        state: 'accepted',
        version: pooled.version + 1,
        assignment: { mode: 'member', workerId: (winner.assignment as { workerId: string }).workerId },
      });
      expect(events.filter((e) => e.action === 'grab')).toHaveLength(1);
      const open = await t.store.openOrdersOf(racers.map((r) => r.id));
      expect(Object.values(open).reduce((a, b) => a + b, 0)).toBe(round + 1);
    }
  });

  it('lets either the cancel or the accept win when a resident cancels as the worker accepts, never both', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS * 2; round++) {
      const sent = await d.step('demo-dispatcher', 'dispatcher', await d.place(), 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
      const cancel = () => d.act('demo-resident', 'resident', sent, 'cancel', { reason: '不需要了' });
      const accept = () => d.act('demo-worker', 'worker', sent, 'accept');
      const [c, a] = round % 2 === 0 ? await Promise.all([cancel(), accept()]) : (await Promise.all([accept(), cancel()])).reverse();
      expect(winners([c!, a!])).toHaveLength(1);
      expect(losers([c!, a!])[0]!.status).toBe(409);
      const { order, events } = await consistent(t, sent.id);
      const won = c!.status === 200 ? 'cancelled' : 'accepted';
      outcomes.add(won);
      expect(order.state).toBe(won);
      expect(order.version).toBe(sent.version + 1);
      expect(events[events.length - 1]!.action).toBe(won === 'cancelled' ? 'cancel' : 'accept');
      // The worker's capacity counts the order only if the accept won.
      expect((await t.store.openOrdersOf(['demo-worker']))['demo-worker']).toBe(won === 'accepted' ? 1 : 0);
      if (won === 'accepted') await d.step('demo-worker', 'worker', order, 'decline', { reason: '腾出名额' });
    }
    // In-process the first call issued wins, and the issue order alternates: both outcomes happen.
    if (t.name === 'in-process') expect([...outcomes].sort()).toEqual(['accepted', 'cancelled']);
  });

  it('lets one of two dispatchers dispatching the same order win; the order goes where the winner sent it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const placed = await d.place();
      const answers = await Promise.all([
        d.act('demo-dispatcher', 'dispatcher', placed, 'dispatch', { teamId: 't-general' }),
        d.act('demo-dispatcher-2', 'dispatcher', placed, 'dispatch', { teamId: 't-elder', workerId: 'demo-worker-2' }),
      ]);
      expect(winners(answers)).toHaveLength(1);
      expect(codes(answers)).toEqual(['409 ORDER.VERSION_CONFLICT']);
      const { order, events } = await consistent(t, placed.id);
      const first = answers[0]!.status === 200;
      expect(order.state).toBe('pending_accept');
      expect(order.assignment).toEqual(first ? { mode: 'pool', teamId: 't-general' } : { mode: 'member', teamId: 't-elder', workerId: 'demo-worker-2' });
      expect(events.filter((e) => e.action === 'dispatch').map((e) => e.actorId)).toEqual([first ? 'demo-dispatcher' : 'demo-dispatcher-2']);
      if (!first) await d.step('demo-worker-2', 'worker', order, 'decline', { reason: '腾出名额' });
    }
  });

  it('never lets a worker hold more open orders than their cap (孙志远: 2), even when grabbing five pool orders at once', async () => {
    const pooled: OrderView[] = [];
    for (let i = 0; i < 5; i++) pooled.push(await d.step('demo-dispatcher', 'dispatcher', await d.place(), 'dispatch', { teamId: 't-general' }));
    const answers = await Promise.all(pooled.map((o) => d.act('demo-worker-3', 'worker', o, 'grab')));
    const held = (await t.store.openOrdersOf(['demo-worker-3']))['demo-worker-3'];
    expect(held).toBeLessThanOrEqual(2);
    expect(winners(answers)).toHaveLength(2);
    expect(codes(answers)).toEqual(['409 GRAB.OVER_CAPACITY']);
    for (const o of pooled) await consistent(t, o.id);
  });

  it('never lets two dispatchers push a worker past their cap (赵阿姨: 3) by dispatching different orders to her at once', async () => {
    const placed: OrderView[] = [];
    for (let i = 0; i < 6; i++) placed.push(await d.place());
    const answers = await Promise.all(
      placed.map((o, i) =>
        d.act(i % 2 ? 'demo-dispatcher-2' : 'demo-dispatcher', 'dispatcher', o, 'dispatch', { teamId: 't-elder', workerId: 'demo-worker-2' }),
      ),
    );
    expect((await t.store.openOrdersOf(['demo-worker-2']))['demo-worker-2']).toBeLessThanOrEqual(3);
    expect(winners(answers)).toHaveLength(3);
    expect(codes(answers)).toEqual(['409 WORKER.OVER_CAPACITY']);
    for (const o of placed) await consistent(t, o.id);
  });

  it('closes an order once when the resident confirms twice at once: one rating, one event', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      let o = await d.step('demo-dispatcher', 'dispatcher', await d.place(), 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
      o = await d.step('demo-worker', 'worker', o, 'accept');
      o = await d.step('demo-worker', 'worker', o, 'start');
      o = await d.step('demo-worker', 'worker', o, 'complete', { notes: '已修好' });
      const answers = await Promise.all([
        d.act('demo-resident', 'resident', o, 'confirm', { attitude: 5, timeliness: 5, quality: 5 }),
        d.act('demo-resident', 'resident', o, 'confirm', { attitude: 1, timeliness: 1, quality: 1, comment: '另一台手机' }),
      ]);
      expect(winners(answers)).toHaveLength(1);
      expect(codes(answers)).toEqual(['409 ORDER.VERSION_CONFLICT']);
      const { order, events } = await consistent(t, o.id);
      expect(order.state).toBe('closed');
      expect(order.rating?.quality).toBe(answers[0]!.status === 200 ? 5 : 1);
      expect(events.filter((e) => e.action === 'confirm')).toHaveLength(1);
    }
  });

  it('answers a double-tapped confirm (the same request id twice at once) with the same reply, and closes once', async () => {
    let o = await d.step('demo-dispatcher', 'dispatcher', await d.place(), 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    o = await d.step('demo-worker', 'worker', o, 'accept');
    o = await d.step('demo-worker', 'worker', o, 'start');
    o = await d.step('demo-worker', 'worker', o, 'complete', { notes: '已修好' });
    const rid = requestId('confirm');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => d.act('demo-resident', 'resident', o, 'confirm', { attitude: 4, timeliness: 4, quality: 4 }, rid)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    const { order, events } = await consistent(t, o.id);
    expect(order.state).toBe('closed');
    expect(events.filter((e) => e.action === 'confirm')).toHaveLength(1);
  });
});
