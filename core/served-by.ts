import type { Order, OrderState } from './order';

/** States in which the worker who accepted is on their way or at work: the household may call them. */
const CALLABLE: readonly OrderState[] = ['accepted', 'in_service', 'pending_confirm'];
/** States after acceptance in which the household still sees who served them, without a number. */
const NAMED: readonly OrderState[] = [...CALLABLE, 'closed'];

/**
 * What the household learns of the worker (docs/privacy.md, "The worker's contact"): nothing before
 * someone accepted; name, team and phone while the order is in their hands; name and team once it is
 * closed. WeChat offers mini-programs no number relay, so the phone is the worker's own, for as long
 * as the household needs to reach them and no longer.
 */
export function workerContactFor(order: Pick<Order, 'state' | 'assignment' | 'acceptedAt'>): { workerId: string; teamId: string; phone: boolean } | null {
  const a = order.assignment;
  if (a?.mode !== 'member' || order.acceptedAt === null || !NAMED.includes(order.state)) return null;
  return { workerId: a.workerId, teamId: a.teamId, phone: CALLABLE.includes(order.state) };
}
