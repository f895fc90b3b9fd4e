import { describe, expect, it } from 'vitest';
import { DAY, HOUR, type Envelope, type PublicBoard } from '@core';
import { runSweep } from '@backend/usecases/sweep';
import { useSupervisionWorld } from './harness';
import { serveOrder, type Serving } from './served-order';

const w = useSupervisionWorld(Date.UTC(2026, 9, 5, 1, 0)); // 2026-10-05, 09:00 China time

/** The October 晾晒 board as anyone reads it, without logging in. */
async function publicOctober(): Promise<PublicBoard> {
  const reply = (await w.raw('statistics', null, { action: 'public', communityId: 'c-xingfuli', month: '2026-10' })) as Envelope<PublicBoard>;
  if (!reply.ok) throw new Error(reply.error.code);
  return reply.data;
}

const served = (stars: number, serving?: Serving) => serveOrder(w, stars, serving);

describe('the public 晾晒 board: recent cases and praised teams', () => {
  it('shows the latest finished cases with service, compound, how fast and the rating, and no person', async () => {
    await served(5, { minutes: 90, comment: '刘师傅很细心' });
    await served(3, { item: 's-companion', worker: 'demo-worker-2', team: 't-elder', minutes: 30 });
    const pub = await publicOctober();
    expect(pub.recentCases).toEqual([
      // A care service shows only its category: 陪护, not 就医陪护 (health is nobody's business).
      { service: '陪护', compound: '阳光小区', day: '2026-10-05', tookMinutes: 30, stars: 3 },
      { service: '门窗家具维修', compound: '阳光小区', day: '2026-10-05', tookMinutes: 90, stars: 5 },
    ]);
    const text = JSON.stringify(pub);
    for (const secret of ['刘师傅', '赵阿姨', '张秀兰', '厨房水管漏水', '很细心', '就医', '1号楼', '2单元301']) expect(text).not.toContain(secret);
  });

  it('lists the newest finished first, however late the resident confirmed', async () => {
    const early = await w.place('s-repair');
    await w.act('demo-dispatcher', 'dispatcher', early, 'dispatch', { teamId: 't-general', workerId: 'demo-worker' });
    for (const action of ['accept', 'start', 'complete']) await w.act('demo-worker', 'worker', early, action, action === 'complete' ? { notes: '已修好' } : {});
    w.advance(HOUR);
    await served(4); // finished an hour later, confirmed at once
    w.advance(HOUR);
    await w.act('demo-resident', 'resident', early, 'confirm', { attitude: 2, timeliness: 2, quality: 2 });
    expect((await publicOctober()).recentCases.map((c) => c.stars)).toEqual([4, 2]);
  });

  it('on the 1st still shows the cases of the last days of the month before, and a past month only its own', async () => {
    await served(5); // 2026-10-05
    w.advance(Date.UTC(2026, 10, 30, 1, 0) - w.now()); // 2026-11-30, 09:00
    await served(4);
    w.advance(Date.UTC(2026, 10, 30, 17, 0) - w.now()); // 2026-12-01, 01:00 China time: a new month, nothing done in it yet
    const board = async (month: string) => {
      const reply = (await w.raw('statistics', null, { action: 'public', communityId: 'c-xingfuli', month })) as Envelope<PublicBoard>;
      if (!reply.ok) throw new Error(reply.error.code);
      return reply.data.recentCases.map((c) => c.day);
    };
    // The running month reaches back 30 days: to the 30th of November, not to October.
    expect(await board('2026-12')).toEqual(['2026-11-30']);
    expect(await board('2026-11')).toEqual(['2026-11-30']);
    expect(await board('2026-10')).toEqual(['2026-10-05']);
  });

  it('names the teams residents were satisfied with, most praised first, and leaves out teams nobody praised', async () => {
    await served(5, { worker: 'demo-worker-2', team: 't-elder' });
    await served(5);
    await served(4);
    await served(1, { worker: 'demo-worker-2', team: 't-elder' });
    expect((await publicOctober()).praisedTeams).toEqual([
      { name: '综合维修服务队', praised: 2, rated: 2 },
      { name: '为老服务队', praised: 1, rated: 2 },
    ]);
  });
});

describe('the supervisor board leads with the exceptions', () => {
  it('counts every order of each attention queue, for the supervisor only', async () => {
    const complained = await served(2);
    await w.act('demo-resident', 'resident', complained, 'complain', { text: '修完又坏了' });
    const pressed = await w.place('s-repair');
    await w.act('demo-supervisor', 'supervisor', pressed, 'instruct', { text: '请尽快派单', to: 'dispatcher', dueInHours: 4 });
    const late = await w.place('s-repair-urgent');
    w.advance(2 * HOUR);
    await runSweep(w.deps);

    const board = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month: null });
    expect(board.exceptionCounts.complaints).toBe(1);
    expect(board.exceptionCounts.instructions).toBe(1);
    expect(board.exceptionCounts.overdue).toBeGreaterThanOrEqual(1);
    expect(board.queues.overdue.map((o: { id: string }) => o.id)).toContain(late);
    const admin = await w.call('statistics', 'demo-admin', { action: 'board', role: 'admin', month: null });
    expect(admin.exceptionCounts).toEqual({ overdue: 0, escalated: 0, complaints: 0, instructions: 0 });
  });
});

describe('a trend that can be read when days are small', () => {
  it('gives each day of the period the rates of the seven days ending on it', async () => {
    await served(5); // 5 October: satisfied
    w.advance(2 * DAY);
    await served(1); // 7 October: not satisfied
    w.advance(7 * DAY); // 14 October: the 5th has left the window, the 7th not yet
    const board = await w.call('statistics', 'demo-supervisor', { action: 'board', role: 'supervisor', month: '2026-10' });
    const on = (key: string) => board.rolling.find((d: { key: string }) => d.key === key)?.rates ?? null;
    expect(board.rolling[0].key).toBe('2026-10-01');
    expect(board.rolling.at(-1).key).toBe('2026-10-14'); // up to today, not the month's end
    expect(on('2026-10-04')).toBeNull();
    expect(on('2026-10-05')).toMatchObject({ orders: 1, satisfactionRate: 1 });
    expect(on('2026-10-07')).toMatchObject({ orders: 2, satisfactionRate: 0.5 });
    expect(on('2026-10-11')).toMatchObject({ orders: 2, satisfactionRate: 0.5 });
    expect(on('2026-10-12')).toMatchObject({ orders: 1, satisfactionRate: 0 });
    expect(on('2026-10-14')).toBeNull();
  });
});
