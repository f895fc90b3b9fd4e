/**
 * The local server over a store of N orders: its memory (RSS) idle, after the supervisor's board
 * and after 60 lists; and what those reads cost over HTTP at that size.
 */
import { httpCall } from './lib/http-client';
import { startServer } from './lib/server-proc';
import { median, round } from './lib/stats';
import { MONTH } from './statistics';
import { DISPATCHER, residentId, step, SUPERVISOR, workerId } from './lib/world';

export interface ServerAtScale {
  readonly orders: number;
  readonly rssIdleMb: number | null;
  readonly rssAfterBoardMb: number | null;
  readonly rssAfterListsMb: number | null;
  readonly boardHttpMs: number;
  /** The dispatcher's inbox (company scope, with counts per state). */
  readonly dispatcherListMs: number;
  /** A resident's own orders. */
  readonly residentListMs: number;
  /** A worker's own open tasks. */
  readonly workerListMs: number;
}

export async function serverAtScale(dir: string, orders: number, h5Dir: string): Promise<ServerAtScale> {
  const server = await startServer(dir, h5Dir, false);
  const call = httpCall(server.url, 4);
  try {
    await new Promise((r) => setTimeout(r, 500));
    const rssIdleMb = server.rss();
    const time = async (fn: string, event: Record<string, unknown>, user: string, n: number) => {
      const xs: number[] = [];
      for (let k = 0; k < n; k++) {
        const t = performance.now();
        const reply = await call(fn, event, user);
        if (!reply.ok) throw new Error(`${fn}.${String(event.action)}: ${reply.error.code}`);
        xs.push(performance.now() - t);
      }
      return round(median(xs), 1);
    };
    // The month's board as the supervisor opens it (the server's own clock: the month asked for explicitly).
    // After one call that warms the server up (JIT, statement cache), the median of 5, as in-process.
    const board = { action: 'board', role: 'supervisor', month: MONTH };
    await time('statistics', board, SUPERVISOR, 1);
    const boardHttpMs = await time('statistics', board, SUPERVISOR, 5);
    const rssAfterBoardMb = server.rss();
    const dispatcherListMs = await time('orders', step('list', 0, '', 0).event, DISPATCHER, 20);
    const residentListMs = await time('orders', { action: 'list', role: 'resident', limit: 20 }, residentId(1), 20);
    const tasks = { action: 'list', role: 'worker', filter: { states: ['pending_accept', 'accepted', 'in_service'], holder: 'mine' }, limit: 20 };
    const workerListMs = await time('orders', tasks, workerId(1), 20);
    const rssAfterListsMb = server.rss();
    const mb = (x: number | null) => (x === null ? null : round(x, 1));
    return {
      orders,
      rssIdleMb: mb(rssIdleMb),
      rssAfterBoardMb: mb(rssAfterBoardMb),
      rssAfterListsMb: mb(rssAfterListsMb),
      boardHttpMs,
      dispatcherListMs,
      residentListMs,
      workerListMs,
    };
  } finally {
    call.close();
    await server.stop();
  }
}
