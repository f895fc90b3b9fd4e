import { afterCommit } from '../messaging/deliver';
import { notificationAbout, orderIndex, sweepOrder, type Community } from '@core';
import type { Deps } from '../runtime/deps';
import type { Reindex } from '../storage/port';

export interface SweepReport {
  readonly examined: number;
  readonly changed: number;
  readonly events: number;
  /** Orders someone else changed meanwhile; the next sweep looks at them again. */
  readonly skipped: number;
  /** Orders read for nothing (their stored moment was early): their index now holds the real next moment. */
  readonly reindexed: number;
  /** Stopped at its time budget with due orders left: the next run (a minute later) carries on. */
  readonly unfinished: boolean;
}

/** How a run is bounded: orders read per page, and wall-clock milliseconds before it stops between pages. */
export interface SweepLimits {
  readonly batch?: number;
  readonly budgetMs?: number;
}

/**
 * The scheduled sweep: for every order with something due, the core decides the overdue marks,
 * escalations and auto-closing; each is committed under compare-and-set, so two sweeps at once (or
 * a sweep racing a person) never record a mark twice. It pages through the due orders by (moment,
 * id), so however many of them produce nothing, every due order is reached in one sweep; and an
 * order that produced nothing is re-indexed to its real next moment, so it is not read again.
 * With a time budget it stops between pages once the budget is spent (a cloud function has a
 * timeout), and the next run carries on.
 */
export async function runSweep(deps: Deps, limits: SweepLimits = {}): Promise<SweepReport> {
  const { batch = 200, budgetMs = Number.POSITIVE_INFINITY } = limits;
  // Wall-clock time, not deps.now (the orders' clock, which tests and the dev server move).
  const started = performance.now();
  const now = deps.now();
  const communities = new Map<string, Community | null>();
  const communityOf = async (id: string) => {
    if (!communities.has(id)) communities.set(id, await deps.store.getRef('communities', id));
    return communities.get(id) ?? null;
  };
  let examined = 0;
  let changed = 0;
  let events = 0;
  let skipped = 0;
  let reindexed = 0;
  let cursor: string | null = null;
  do {
    const page = await deps.store.listDueForSweep(now, batch, cursor);
    const early: Reindex[] = [];
    for (const order of page.items) {
      examined++;
      const community = await communityOf(order.communityId);
      const result = community ? sweepOrder(order, community, now) : null;
      if (!result) {
        early.push({ orderId: order.id, version: order.version, index: orderIndex(order, community?.settings ?? null) });
        continue;
      }
      const notifications = result.effects.map((e) => ({
        id: deps.newId('n'),
        to: e.to,
        orderId: e.orderId,
        text: e.text,
        about: notificationAbout(result.order),
        at: now,
      }));
      const written = await deps.store.commit({
        order: result.order,
        index: orderIndex(result.order, community!.settings),
        expectedVersion: order.version,
        events: result.events,
        notifications,
        reply: null,
      });
      if (written.ok) {
        afterCommit(deps, { order: result.order, events: result.events, notifications });
        changed++;
        events += result.events.length;
      } else {
        skipped++;
      }
    }
    if (early.length) reindexed += await deps.store.reindex(early);
    cursor = page.nextCursor;
    // Each order a run finishes is changed or re-indexed past `now`, so a run cut short between
    // pages loses nothing: the next one finds what is still due.
    if (cursor && performance.now() - started >= budgetMs) return { examined, changed, events, skipped, reindexed, unfinished: true };
  } while (cursor);
  return { examined, changed, events, skipped, reindexed, unfinished: false };
}
