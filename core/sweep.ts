import type { Community, CommunitySettings, Millis } from './community';
import { STAGE_LABELS, type OverdueLevel } from './deadlines';
import type { Order, OrderEvent } from './order';
import { decideSystem } from './order-decide';
import { notify, type Effect, type Recipient } from './notifications';
import { MINUTE } from './time';

/** What the sweep changes on one order: the order, one event per mark, the notices. */
export interface SweepResult {
  readonly order: Order;
  readonly events: readonly OrderEvent[];
  readonly effects: readonly Effect[];
}

/** Who answers for an overdue stage: the worker or team holding it, else the property company. */
function responsible(order: Order): Recipient {
  const a = order.assignment;
  if (!a || order.state === 'pending_dispatch') return { kind: 'company', companyId: order.companyId, communityId: order.communityId };
  return a.mode === 'pool' ? { kind: 'team', teamId: a.teamId } : { kind: 'user', userId: a.workerId };
}

/** The level an order's clock has reached by `now`, going one level up every `interval`. */
export function levelAt(dueAt: Millis, now: Millis, interval: Millis): OverdueLevel {
  if (now < dueAt) return 0;
  if (now < dueAt + interval) return 1;
  if (now < dueAt + 2 * interval) return 2;
  return 3;
}

/** The community's wait at each overdue level before going one level up. */
export const escalationInterval = (settings: Pick<CommunitySettings, 'escalationMinutes'>): Millis => settings.escalationMinutes * MINUTE;

/**
 * One pass of the scheduled sweep over one order, pure: marks an overdue stage, escalates it to the
 * supervisors and then the secretary, marks unanswered 督办 overdue, and closes an order the
 * resident left unconfirmed past its deadline (the table's auto_close row). Each mark is made once:
 * the order remembers the level reached, so sweeping again — or in two processes at once, under
 * compare-and-set — adds nothing.
 */
export function sweepOrder(order: Order, community: Community, now: Millis): SweepResult | null {
  const interval = escalationInterval(community.settings);
  let next: Order = order;
  const events: OrderEvent[] = [];
  const effects: Effect[] = [];
  // Marks that change no state: the overdue level and lapsed 督办.
  const record = (action: string, payload: Record<string, unknown>) =>
    events.push({
      orderId: order.id,
      seq: order.version + events.length + 1,
      action,
      actorId: 'system',
      actorRole: 'system',
      at: now,
      from: next.state,
      to: next.state,
      payload,
    });

  // While the order waits on the resident its clock stands still: nothing is late meanwhile.
  const clock = order.waiting ? null : order.clock;
  if (clock && now >= clock.dueAt) {
    const closed = decideSystem(order, 'auto_close', now);
    if (closed) {
      next = closed.order;
      events.push(closed.event);
      effects.push(...closed.effects);
    } else {
      const reached = levelAt(clock.dueAt, now, interval);
      const label = STAGE_LABELS[clock.stage];
      for (let level = clock.level + 1; level <= reached; level++) {
        if (level === 1) {
          record('overdue', { stage: clock.stage, dueAt: clock.dueAt, level });
          effects.push(notify(responsible(order), order.id, `工单${label}已超时，请尽快处理`));
        } else {
          record('escalate', { stage: clock.stage, dueAt: clock.dueAt, level });
          const to: Recipient =
            level === 2 || !community.secretaryUserId
              ? { kind: 'supervisors', communityId: order.communityId }
              : { kind: 'user', userId: community.secretaryUserId };
          effects.push(notify(to, order.id, `工单${label}超时未处理，已升级${level === 2 ? '至社区督单' : '至社区书记'}`));
        }
      }
      if (reached > clock.level) {
        next = {
          ...next,
          clock: { ...clock, level: reached },
          overdueStages: next.overdueStages.includes(clock.stage) ? next.overdueStages : [...next.overdueStages, clock.stage],
        };
      }
    }
  }

  const lapsed = next.instructions.filter((i) => !i.answer && !i.overdue && i.dueAt !== null && now >= i.dueAt);
  if (lapsed.length) {
    for (const i of lapsed) {
      record('instruction_overdue', { seq: i.seq, dueAt: i.dueAt });
      effects.push(notify({ kind: 'user', userId: i.by }, order.id, `督办“${i.text}”超时未回复`));
    }
    next = { ...next, instructions: next.instructions.map((i) => (lapsed.includes(i) ? { ...i, overdue: true } : i)) };
  }

  if (events.length === 0) return null;
  return { order: { ...next, version: order.version + events.length, updatedAt: now }, events, effects };
}

/**
 * When the sweep next has something to do for this order, or null, with the community's escalation
 * `interval`: stored (see orderIndex) so the sweep reads only those orders.
 */
export function nextSweepAt(order: Order, interval: Millis): Millis | null {
  const times: Millis[] = [];
  const clock = order.waiting ? null : order.clock;
  if (clock) times.push(clock.stage === 'confirm' ? clock.dueAt : clock.level < 3 ? clock.dueAt + clock.level * interval : Infinity);
  for (const i of order.instructions) if (!i.answer && !i.overdue && i.dueAt !== null) times.push(i.dueAt);
  const soonest = Math.min(...times);
  return Number.isFinite(soonest) ? soonest : null;
}
