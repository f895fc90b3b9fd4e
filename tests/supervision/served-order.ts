import { MINUTE } from '@core';
import type { SupervisionWorld } from './harness';

/** Who serves the order and how long the work takes; by default 刘师傅 of 综合维修服务队 repairs at once. */
export interface Serving {
  readonly item?: string;
  readonly worker?: string;
  readonly team?: string;
  readonly minutes?: number;
  readonly comment?: string;
}

/**
 * Walks a new order of 张秀兰 to 已办结: dispatched to the worker in the team, accepted, started,
 * completed `minutes` later and confirmed with `stars` for every dimension. Resolves to its id.
 */
export async function serveOrder(w: SupervisionWorld, stars: number, serving: Serving = {}): Promise<string> {
  const { item = 's-repair', worker = 'demo-worker', team = 't-general', minutes = 0, comment = '' } = serving;
  const id = await w.place(item);
  await w.act('demo-dispatcher', 'dispatcher', id, 'dispatch', { teamId: team, workerId: worker });
  await w.act(worker, 'worker', id, 'accept');
  await w.act(worker, 'worker', id, 'start');
  w.advance(minutes * MINUTE);
  await w.act(worker, 'worker', id, 'complete', { notes: '已修好' });
  await w.act('demo-resident', 'resident', id, 'confirm', { attitude: stars, timeliness: stars, quality: stars, comment });
  return id;
}
