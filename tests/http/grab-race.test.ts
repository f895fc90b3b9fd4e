import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/test-server';
import { desk, dispatcher, failure, requestId, resident, worker, worker2, worker3 } from '../support/scenario';

const t = useTestServer();
const d = desk(t);

describe('抢单: many team members grab one pool order at once', () => {
  it('gives it to exactly one of 50 simultaneous grabs; the rest hear 409 and the timeline holds one grab', async () => {
    const placed = await d.place(resident);
    const pooled = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' });
    const before = pooled.version;

    // Only t-general's members may grab: 刘师傅 and 孙志远, 25 presses each, all on the same version.
    const grabbers = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? worker : worker3));
    const replies = await Promise.all(grabbers.map((who, i) => d.act(who, pooled, 'grab', {}, requestId(`grab-${i}`))));

    const won = replies.filter((r) => r.status === 200);
    const lost = replies.filter((r) => r.status !== 200);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) {
      expect(r.status).toBe(409);
      expect(['ORDER.ALREADY_TAKEN', 'ORDER.VERSION_CONFLICT']).toContain(r.body.error.code);
    }

    const winner = won[0]!.body.data.order.assignment.workerId as string;
    expect(['demo-worker', 'demo-worker-3']).toContain(winner);
    const stored = await t.store.getOrder(placed.id);
    expect(stored).toMatchObject({ state: 'accepted', version: before + 1, assignment: { mode: 'member', teamId: 't-general', workerId: winner } });

    const events = await d.events(placed.id);
    expect(events.filter((e) => e.action === 'grab')).toHaveLength(1);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[2]!.actorId).toBe(winner);
    expect(await t.store.openOrdersOf(['demo-worker', 'demo-worker-3'])).toEqual({
      'demo-worker': winner === 'demo-worker' ? 1 : 0,
      'demo-worker-3': winner === 'demo-worker-3' ? 1 : 0,
    });
    // The teammate who lost is told plainly that it is gone.
    const loser = winner === 'demo-worker' ? worker3 : worker;
    expect(failure(await d.act(loser, pooled, 'grab'))).toEqual({ status: 409, code: 'ORDER.ALREADY_TAKEN' });
  });

  it("lets nobody outside the team grab (another team's member is told the order does not exist)", async () => {
    const placed = await d.place(resident);
    const pooled = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' });
    const before = t.dump();
    expect(failure(await d.act(worker2, pooled, 'grab'))).toEqual({ status: 404, code: 'ORDER.NOT_FOUND' });
    expect(t.dump()).toBe(before);
  });

  it("answers a grab of an order offered by name to a teammate as for any order outside one's scope: 404, nothing written", async () => {
    const placed = await d.place(resident);
    const offered = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general', workerId: worker.user });
    const before = t.dump();
    // 孙志远 is in 刘师傅's team but was never shown this order: he must not learn that it exists.
    for (const version of [placed.version, offered.version]) {
      expect(failure(await d.act(worker3, { id: placed.id, version }, 'grab'))).toEqual({ status: 404, code: 'ORDER.NOT_FOUND' });
    }
    expect(failure(await d.act(worker3, { id: 'no-such-order', version: 2 }, 'grab'))).toEqual({ status: 404, code: 'ORDER.NOT_FOUND' });
    expect(t.dump()).toBe(before);
  });

  it('still says "already taken" to a teammate who grabs from the pool version after 刘师傅 took it, even once he has started', async () => {
    const placed = await d.place(resident);
    const pooled = await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' });
    await d.step(worker, await d.step(worker, pooled, 'grab'), 'start');
    expect(failure(await d.act(worker3, pooled, 'grab'))).toEqual({ status: 409, code: 'ORDER.ALREADY_TAKEN' });
    // The version before the pool opened was never his to see.
    expect(failure(await d.act(worker3, placed, 'grab'))).toEqual({ status: 404, code: 'ORDER.NOT_FOUND' });
  });

  it("refuses a grab beyond the worker's cap (孙志远 holds at most 2 open orders)", async () => {
    const grabbed = [];
    for (let i = 0; i < 3; i++) {
      const placed = await d.place(resident, { description: `第${i + 1}处漏水` });
      grabbed.push(await d.step(dispatcher, placed, 'dispatch', { teamId: 't-general' }));
    }
    await d.step(worker3, grabbed[0]!, 'grab');
    await d.step(worker3, grabbed[1]!, 'grab');
    const before = t.dump();
    expect(failure(await d.act(worker3, grabbed[2]!, 'grab'))).toEqual({ status: 409, code: 'GRAB.OVER_CAPACITY' });
    expect(t.dump()).toBe(before);
    // A teammate with room takes it.
    expect((await d.step(worker, grabbed[2]!, 'grab')).assignment).toMatchObject({ workerId: 'demo-worker' });
  });
});
