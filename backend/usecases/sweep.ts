import { sweepOrder, type Community } from '@core';
import type { Deps } from '../runtime/deps';

export interface SweepReport {
  readonly examined: number;
  readonly changed: number;
  readonly events: number;
  /** Orders someone else changed meanwhile; the next sweep looks at them again. */
  readonly skipped: number;
}

/**
 * The scheduled sweep: for every order with something due, the core decides the overdue marks,
 * escalations and auto-closing; each is committed under compare-and-set, so two sweeps at once (or
 * a sweep racing a person) never record a mark twice.
 */
export async function runSweep(deps: Deps, batch = 200): Promise<SweepReport> {
  const now = deps.now();
  const communities = new Map<string, Community | null>();
  let examined = 0;
  let changed = 0;
  let events = 0;
  let skipped = 0;
  for (;;) {
    const due = await deps.store.listDueForSweep(now, batch);
    let progressed = false;
    for (const order of due) {
      examined++;
      if (!communities.has(order.communityId)) communities.set(order.communityId, await deps.store.getRef('communities', order.communityId));
      const community = communities.get(order.communityId);
      const result = community ? sweepOrder(order, community, now) : null;
      if (!result) continue;
      const written = await deps.store.commit({
        order: result.order,
        expectedVersion: order.version,
        events: result.events,
        notifications: result.effects.map((e) => ({ id: deps.newId('n'), to: e.to, orderId: e.orderId, text: e.text, at: now })),
        reply: null,
      });
      if (written.ok) {
        changed++;
        events += result.events.length;
        progressed = true;
      } else {
        skipped++;
      }
    }
    // A full batch that changed something may hide more behind it; otherwise we are done.
    if (due.length < batch || !progressed) break;
  }
  return { examined, changed, events, skipped };
}
