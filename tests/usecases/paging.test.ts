import { describe, expect, it } from 'vitest';
import { useSupervisionWorld } from '../supervision/harness';

const w = useSupervisionWorld();

describe('paging', () => {
  it('refuses a cursor it did not write, rather than starting again from the top', async () => {
    await w.place('s-repair');
    const reply = await w.raw('orders', 'demo-resident', { action: 'list', role: 'resident', cursor: 'not-a-cursor' });
    expect(reply.ok ? null : reply.error).toMatchObject({ code: 'INPUT.INVALID', details: { cursor: '翻页位置无效，请刷新' } });
  });
});

describe('narrowing and ordering a list', () => {
  it("gives a worker their own orders or their teams' pool, with counts to match", async () => {
    const pooled = await w.place('s-repair');
    await w.act('demo-dispatcher', 'dispatcher', pooled, 'dispatch', { teamId: 't-general', workerId: null });
    const named = await w.place('s-repair');
    await w.act('demo-dispatcher', 'dispatcher', named, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    const list = async (holder?: 'mine' | 'pool') => w.call('orders', 'demo-worker', { action: 'list', role: 'worker', filter: holder ? { holder } : {} });
    expect((await list()).items.map((o: { id: string }) => o.id).sort()).toEqual([pooled, named].sort());
    const mine = await list('mine');
    expect(mine.items.map((o: { id: string }) => o.id)).toEqual([named]);
    expect(mine.counts.pending_accept).toBe(1);
    expect((await list('pool')).items.map((o: { id: string }) => o.id)).toEqual([pooled]);
  });

  it('lists the orders waiting longest first when asked', async () => {
    const tomorrow = () => ({ from: w.now() + 24 * 3_600_000, to: w.now() + 26 * 3_600_000 });
    const first = await w.place('s-repair');
    w.advance(60_000);
    const second = await w.place('s-repair');
    w.advance(60_000);
    await w.act('demo-resident', 'resident', first, 'reschedule', { timeWindow: tomorrow() }); // the older order changed last
    const recent = await w.call('orders', 'demo-supervisor', { action: 'list', role: 'supervisor' });
    const oldest = await w.call('orders', 'demo-supervisor', { action: 'list', role: 'supervisor', sort: 'oldest' });
    expect(recent.items.map((o: { id: string }) => o.id)).toEqual([first, second]);
    expect(oldest.items.map((o: { id: string }) => o.id)).toEqual([first, second]);
    w.advance(60_000);
    await w.act('demo-resident', 'resident', second, 'reschedule', { timeWindow: tomorrow() });
    const recentAgain = await w.call('orders', 'demo-supervisor', { action: 'list', role: 'supervisor' });
    expect(recentAgain.items.map((o: { id: string }) => o.id)).toEqual([second, first]);
    expect((await w.call('orders', 'demo-supervisor', { action: 'list', role: 'supervisor', sort: 'oldest' })).items.map((o: { id: string }) => o.id)).toEqual([
      first,
      second,
    ]);
  });
});
